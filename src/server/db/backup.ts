import { createReadStream, createWriteStream, readFileSync } from 'node:fs'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import { sql } from 'drizzle-orm'
import type { Database, DatabaseHandle } from './client'
import { migrationsFolder } from './client'
import { rowsOf } from './rows'

/**
 * A backup is one gzip file of JSON lines, the same on both engines (so it also moves a centre from the
 * embedded database to a PostgreSQL server, or back): a header saying which migrations made the schema,
 * then each table of the `public` schema — a line naming it with its row count, then one line per row
 * (`row_to_json`). Everything is read in one repeatable-read transaction: a consistent snapshot while
 * the centre keeps running. Restoring migrates an empty database to the backup's version, loads the rows
 * in foreign-key order, moves the sequences past them, then applies the newer migrations.
 */
export const BACKUP_FORMAT = 'cite-backup'
const BACKUP_VERSION = 1
/** Rows fetched from a cursor, and inserted, at a time. */
const BATCH = 1_000

type Journal = { entries: { idx: number; tag: string; when: number }[] }
const readJournal = (folder: string) =>
  JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal

export type BackupHeader = {
  format: typeof BACKUP_FORMAT
  version: number
  createdAt: string
  engine: DatabaseHandle['kind']
  /** How many of the project's migrations made the schema, and the last one's name. */
  migrations: number
  lastMigration: string
  tables: { name: string; rows: number }[]
}

export type BackupProgress = { table: string; done: number; total: number }

export class BackupError extends Error {}

/** The `public` tables, each after the tables it refers to, so that rows can be loaded in this order. */
async function tablesInOrder(db: Database): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((row) => row.name)
  const references = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`),
  )
  const unquote = (name: string) => name.replace(/^"|"$/g, '')
  const parents = new Map(tables.map((table) => [table, new Set<string>()]))
  for (const { child, parent } of references)
    if (unquote(child) !== unquote(parent)) parents.get(unquote(child))?.add(unquote(parent))
  const ordered: string[] = []
  const placed = new Set<string>()
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (table) => !placed.has(table) && [...(parents.get(table) ?? [])].every((parent) => placed.has(parent)),
    )
    if (ready.length === 0) throw new BackupError('The tables refer to one another in a circle.')
    for (const table of ready) {
      ordered.push(table)
      placed.add(table)
    }
  }
  return ordered
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`)

async function appliedMigrations(db: Database): Promise<number> {
  const [row] = rowsOf<{ applied: number }>(
    await db.execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`),
  )
  return Number(row?.applied ?? 0)
}

/** Writes a backup of the whole database to `file`; answers its header. */
export async function backupDatabase(options: {
  handle: DatabaseHandle
  file: string
  onProgress?: (progress: BackupProgress) => void
  now?: Date
}): Promise<BackupHeader> {
  const { handle } = options
  const journal = readJournal(migrationsFolder)
  const gzip = createGzip()
  const written = pipeline(gzip, createWriteStream(options.file))
  const write = (line: string) =>
    gzip.write(`${line}\n`) ? Promise.resolve() : new Promise<void>((done) => gzip.once('drain', done))
  let header: BackupHeader | undefined
  try {
    await handle.db.transaction(
      async (tx) => {
        const migrations = await appliedMigrations(tx)
        const tables = await tablesInOrder(tx)
        const counts = []
        for (const name of tables) {
          const [row] = rowsOf<{ rows: number }>(
            await tx.execute(sql`select count(*)::int as rows from ${ident(name)}`),
          )
          counts.push({ name, rows: Number(row?.rows ?? 0) })
        }
        header = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: (options.now ?? new Date()).toISOString(),
          engine: handle.kind,
          migrations,
          lastMigration: journal.entries[migrations - 1]?.tag ?? '',
          tables: counts,
        }
        await write(JSON.stringify(header))
        for (const { name, rows } of counts) {
          await write(JSON.stringify({ table: name, rows }))
          await tx.execute(
            sql`declare backup_rows no scroll cursor for select row_to_json(t)::text as row from ${ident(name)} t`,
          )
          let done = 0
          for (;;) {
            const batch = rowsOf<{ row: string }>(
              await tx.execute(sql.raw(`fetch ${BATCH} from backup_rows`)),
            )
            for (const { row } of batch) await write(row)
            done += batch.length
            options.onProgress?.({ table: name, done, total: rows })
            if (batch.length < BATCH) break
          }
          await tx.execute(sql`close backup_rows`)
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
  } finally {
    gzip.end()
    await written
  }
  if (!header) throw new BackupError('Nothing was written.')
  return header
}

/** A backup's lines, one at a time. */
function linesOf(file: string) {
  const input = createReadStream(file).pipe(createGunzip())
  return createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
}

/** The backup's header, or a clear refusal for a file that is not a backup. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  try {
    for await (const line of linesOf(file)) return parseHeader(line)
  } catch (error) {
    if (error instanceof BackupError) throw error
    throw new BackupError(`${file} is not a Cité backup (${(error as Error).message}).`)
  }
  throw new BackupError(`${file} is empty.`)
}

function parseHeader(line: string): BackupHeader {
  let header: Partial<BackupHeader>
  try {
    header = JSON.parse(line) as Partial<BackupHeader>
  } catch {
    throw new BackupError('This file is not a Cité backup.')
  }
  if (header.format !== BACKUP_FORMAT) throw new BackupError('This file is not a Cité backup.')
  if (header.version !== BACKUP_VERSION)
    throw new BackupError(`This backup's format (${header.version}) is not one this version reads.`)
  return header as BackupHeader
}

/**
 * Applies the project's first `count` migrations only: the schema a backup was made with. A copy of the
 * migrations folder whose journal stops there is what the migrator is given.
 */
export async function migrateTo(handle: DatabaseHandle, count: number): Promise<void> {
  const journal = readJournal(migrationsFolder)
  const folder = await mkdtemp(join(tmpdir(), 'cite-migrations-'))
  try {
    await cp(migrationsFolder, folder, { recursive: true })
    await writeFile(
      join(folder, 'meta', '_journal.json'),
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }),
    )
    await handle.migrate(folder)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/**
 * Loads a backup into an empty database: its schema as the backup's migrations made it, every table's
 * rows in one transaction (all or nothing), the sequences moved past the highest ids, then the newer
 * migrations of this version. A database already holding data is refused, never merged into.
 */
export async function restoreDatabase(options: {
  handle: DatabaseHandle
  file: string
  onProgress?: (progress: BackupProgress) => void
}): Promise<BackupHeader> {
  const { handle, file } = options
  const journal = readJournal(migrationsFolder)
  const header = await readBackupHeader(file)
  if (header.migrations > journal.entries.length)
    throw new BackupError(
      `This backup was made by a newer version of Cité (migration ${header.lastMigration}): update Cité first.`,
    )
  await migrateTo(handle, header.migrations)
  const tables = await tablesInOrder(handle.db)
  for (const table of tables) {
    const [row] = rowsOf<{ any: boolean }>(
      await handle.db.execute(sql`select exists (select 1 from ${ident(table)}) as any`),
    )
    if (row?.any)
      throw new BackupError(
        `The database is not empty (table ${table} has rows): restore into a new folder or an empty database.`,
      )
  }
  const known = new Set(tables)
  const unknown = header.tables.filter((table) => !known.has(table.name))
  if (unknown.length > 0)
    throw new BackupError(
      `The backup holds tables this schema does not have: ${unknown.map((t) => t.name).join(', ')}.`,
    )

  await handle.db.transaction(async (tx) => {
    let skipHeader = true
    let table: { name: string; rows: number; columns: string[] } | null = null
    let batch: string[] = []
    let done = 0
    const flush = async () => {
      if (!table || batch.length === 0) return
      const columns = sql.raw(table.columns.map((column) => `"${column.replace(/"/g, '""')}"`).join(', '))
      await tx.execute(sql`insert into ${ident(table.name)} (${columns})
        select ${columns} from json_populate_recordset(null::${ident(table.name)}, ${`[${batch.join(',')}]`}::json)`)
      done += batch.length
      batch = []
      options.onProgress?.({ table: table.name, done, total: table.rows })
    }
    for await (const line of linesOf(file)) {
      if (skipHeader) {
        skipHeader = false
        continue
      }
      if (!line) continue
      if (line.startsWith('{"table":')) {
        await flush()
        const next = JSON.parse(line) as { table: string; rows: number }
        // Generated columns are computed again from the others; they cannot be written.
        const columns = rowsOf<{ name: string }>(
          await tx.execute(sql`select column_name as name from information_schema.columns
            where table_schema = 'public' and table_name = ${next.table} and is_generated = 'NEVER'
            order by ordinal_position`),
        ).map((row) => row.name)
        table = { name: next.table, rows: next.rows, columns }
        done = 0
        options.onProgress?.({ table: table.name, done, total: table.rows })
        continue
      }
      batch.push(line)
      if (batch.length >= BATCH) await flush()
    }
    await flush()
    // Each sequence owned by a column starts after the highest value restored.
    const sequences = rowsOf<{ table: string; column: string; sequence: string }>(
      await tx.execute(sql`select c.table_name as table, c.column_name as column,
          pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as sequence
        from information_schema.columns c
        where c.table_schema = 'public' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`),
    )
    for (const { table: name, column, sequence } of sequences)
      await tx.execute(sql`select setval(${sequence}::regclass,
        coalesce((select max(${ident(column)}) from ${ident(name)}), 0) + 1, false)`)
  })
  await handle.migrate()
  return header
}

/** Every table's rows as sorted JSON texts: what two databases holding the same data agree on. */
export async function tableContents(db: Database): Promise<Map<string, string[]>> {
  const contents = new Map<string, string[]>()
  for (const table of await tablesInOrder(db)) {
    const rows = rowsOf<{ row: string }>(
      await db.execute(sql`select row_to_json(t)::text as row from ${ident(table)} t`),
    ).map((row) => row.row)
    contents.set(table, rows.sort())
  }
  return contents
}
