import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importRome } from '../modules/occupations/import/rome'
import { seedDemo } from '../seed/demo'
import { createTestContext, type TestContext } from '../test/app'
import { createTestDatabase } from '../test/database'
import {
  BackupError,
  backupDatabase,
  migrateTo,
  readBackupHeader,
  restoreDatabase,
  tableContents,
} from './backup'
import { isDatabaseReady } from './client'
import { rowsOf } from './rows'

const fixtures = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url))

let t: TestContext
let folder: string
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cite-backup-'))
  t = await createTestContext()
  // A full centre (areas, catalogue, events, rota, statistics, staff…), reference data with its search
  // index and generated columns, and a visitor's notebook and question.
  await seedDemo({ db: t.db, auth: t.auth })
  await importRome({ db: t.db, folder: join(fixtures, 'rome/RefRomeCsv_v461') })
  expect((await t.request('/api/v1/centres/demo/notebooks', { method: 'POST' })).status).toBe(201)
  const asked = await t.request('/api/v1/centres/demo/questions', {
    method: 'POST',
    body: { language: 'fr', text: 'Comment financer une formation de cariste ?' },
  })
  expect(asked.status).toBe(201)
}, 180_000)
afterAll(async () => {
  await t.close()
  await rm(folder, { recursive: true, force: true })
})

describe('backup and restore', () => {
  it('restores every row of every table into a fresh database, and the restored centre runs', async () => {
    const file = join(folder, 'centre.backup')
    const seen = new Set<string>()
    const header = await backupDatabase({
      handle: t.handle,
      file,
      onProgress: ({ table }) => seen.add(table),
    })
    expect(header.engine).toBe(t.handle.kind)
    expect(header.tables.find((table) => table.name === 'occupation_label')?.rows).toBeGreaterThan(0)
    expect(seen.has('ticket')).toBe(true)
    expect(await readBackupHeader(file)).toEqual(header)

    const fresh = await createTestDatabase()
    try {
      const restored = await restoreDatabase({ handle: fresh, file })
      expect(restored.tables).toEqual(header.tables)
      const before = await tableContents(t.db)
      const after = await tableContents(fresh.db)
      expect([...after.keys()]).toEqual([...before.keys()])
      for (const [table, rows] of before) expect(after.get(table), table).toEqual(rows)
      expect([...before.values()].reduce((sum, rows) => sum + rows.length, 0)).toBeGreaterThan(1_000)

      // The sequences go on after the highest ids restored: a new message of the question is written.
      const restoredApp = await createTestContext({ handle: fresh })
      const [message] = rowsOf<{ id: number }>(
        await fresh.db.execute(sql`select max(id)::int as id from question_message`),
      )
      const [question] = rowsOf<{ id: string }>(await fresh.db.execute(sql`select id from question limit 1`))
      await fresh.db.execute(
        sql`insert into question_message (question_id, author, body) values (${question?.id}, 'counsellor', 'x')`,
      )
      const [next] = rowsOf<{ id: number }>(
        await fresh.db.execute(sql`select max(id)::int as id from question_message`),
      )
      expect(next?.id).toBeGreaterThan(message?.id ?? 0)
      expect((await restoredApp.request('/api/v1/centres/demo/portal')).status).toBe(200)

      // A second restore into the same database is refused: a backup is never merged into data.
      await expect(restoreDatabase({ handle: fresh, file })).rejects.toThrow(/not empty/)
    } finally {
      await fresh.close()
    }
  }, 180_000)

  it('restores a backup made by an older schema, then applies the newer migrations', async () => {
    const old = await createTestDatabase({ migrated: false })
    const fresh = await createTestDatabase({ migrated: false })
    try {
      const journal = (await import('../../../db/migrations/meta/_journal.json')).default as {
        entries: { tag: string }[]
      }
      const count = journal.entries.length - 1
      await migrateTo(old, count)
      await old.db.execute(sql`insert into centre (slug, name, timezone, languages, default_language)
        values ('ancienne', '{"fr": "Ancienne"}', 'Europe/Paris', '{fr}', 'fr')`)
      const file = join(folder, 'old.backup')
      const header = await backupDatabase({ handle: old, file })
      expect(header.migrations).toBe(count)
      expect(header.lastMigration).toBe(journal.entries[count - 1]?.tag)

      await restoreDatabase({ handle: fresh, file })
      expect(await isDatabaseReady(fresh.db)).toBe(true)
      const centres = rowsOf<{ slug: string }>(await fresh.db.execute(sql`select slug from centre`))
      expect(centres).toEqual([{ slug: 'ancienne' }])
    } finally {
      await old.close()
      await fresh.close()
    }
  }, 180_000)

  it('refuses a file that is not a backup, with a plain message', async () => {
    const notGzip = join(folder, 'notes.txt')
    await writeFile(notGzip, 'hello')
    await expect(readBackupHeader(notGzip)).rejects.toThrow(BackupError)
    const otherJson = join(folder, 'other.gz')
    await writeFile(otherJson, gzipSync('{"format":"something-else"}\n'))
    await expect(readBackupHeader(otherJson)).rejects.toThrow('This file is not a Cité backup.')
    const newer = join(folder, 'newer.gz')
    await writeFile(
      newer,
      gzipSync(
        `${JSON.stringify({ format: 'cite-backup', version: 1, migrations: 10_000, lastMigration: '9999_future', tables: [] })}\n`,
      ),
    )
    const fresh = await createTestDatabase()
    try {
      await expect(restoreDatabase({ handle: fresh, file: newer })).rejects.toThrow(/newer version of Cité/)
    } finally {
      await fresh.close()
    }
  })
})
