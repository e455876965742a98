import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../seed/demo'
import { createTestContext, type TestContext } from '../test/app'
import { createTestDatabase } from '../test/database'
import { backupDatabase, restoreDatabase, tableContents } from './backup'
import { openDatabase } from './client'

let embedded: TestContext
let folder: string
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cite-backup-engines-'))
  const handle = await openDatabase({ dataDir: 'memory' })
  await handle.migrate()
  embedded = await createTestContext({ handle })
  await seedDemo({ db: embedded.db, auth: embedded.auth })
}, 180_000)
afterAll(async () => {
  await embedded.close()
  await rm(folder, { recursive: true, force: true })
})

describe('a backup between engines', () => {
  it('moves a centre from the embedded database to a PostgreSQL server and back, row for row', async () => {
    const file = join(folder, 'embedded.backup')
    expect((await backupDatabase({ handle: embedded.handle, file })).engine).toBe('pglite')
    const server = await createTestDatabase()
    try {
      expect(server.kind).toBe('postgres')
      await restoreDatabase({ handle: server, file })
      const before = await tableContents(embedded.db)
      const onServer = await tableContents(server.db)
      for (const [table, rows] of before) expect(onServer.get(table), table).toEqual(rows)

      const back = join(folder, 'server.backup')
      expect((await backupDatabase({ handle: server, file: back })).engine).toBe('postgres')
      const again = await openDatabase({ dataDir: 'memory' })
      try {
        await restoreDatabase({ handle: again, file: back })
        const returned = await tableContents(again.db)
        for (const [table, rows] of before) expect(returned.get(table), table).toEqual(rows)
      } finally {
        await again.close()
      }
    } finally {
      await server.close()
    }
  }, 180_000)
})
