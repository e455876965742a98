import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import { lockFolder } from './folder-lock'

/** The one database type every module uses; a transaction is one too. */
export type Database = PgDatabase<PgQueryResultHKT>

export type DatabaseHandle = {
  db: Database
  kind: 'pglite' | 'postgres'
  /** The server's address, with a PostgreSQL server (for the connections of the live event bus). */
  url?: string
  /** Applies the migrations of `folder` (the project's own by default). */
  migrate: (folder?: string) => Promise<void>
  close: () => Promise<void>
  /** PGlite only: a snapshot of the data folder, used to start test databases without re-running initdb. */
  dump?: () => Promise<Blob>
}

export type DatabaseOptions =
  | { url: string; poolMax?: number }
  | { dataDir: string | 'memory'; loadDataDir?: Blob }

export const migrationsFolder = fileURLToPath(new URL('../../../db/migrations', import.meta.url))

// Serialises migrations when several instances start against one server at the same moment.
const MIGRATION_LOCK = 7_206_011

/**
 * The only place that knows which engine runs underneath: PGlite (PostgreSQL compiled to WASM, in a
 * local folder) or a PostgreSQL server. Everything above works on `Database` and never branches on it.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if ('url' in options) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolMax ?? 10,
    })
    const db = drizzlePg(pool) as unknown as Database
    return {
      db,
      kind: 'postgres',
      url: options.url,
      migrate: async (folder = migrationsFolder) => {
        const lock = await pool.connect()
        try {
          await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
          await migratePg(drizzlePg(pool), { migrationsFolder: folder })
        } finally {
          await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
          lock.release()
        }
      },
      close: () => pool.end(),
    }
  }
  const dataDir = options.dataDir === 'memory' ? 'memory://' : join(options.dataDir, 'pglite')
  let release = () => {}
  if (options.dataDir !== 'memory') {
    await mkdir(dataDir, { recursive: true })
    release = lockFolder(options.dataDir)
  }
  let client: PGlite
  try {
    client = await PGlite.create({
      dataDir,
      extensions: { pg_trgm, unaccent },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    })
  } catch (error) {
    release()
    throw error
  }
  const db = drizzlePglite(client) as unknown as Database
  embedded.set(db, client)
  return {
    db,
    kind: 'pglite',
    migrate: (folder = migrationsFolder) =>
      migratePglite(drizzlePglite(client), { migrationsFolder: folder }),
    close: async () => {
      try {
        await client.close()
      } finally {
        release()
      }
    },
    dump: () => client.dumpDataDir('none'),
  }
}

/** The embedded engine behind each database it opened, for what only it can do (see `followCommits`). */
const embedded = new WeakMap<Database, PGlite>()

/**
 * Calls `listener` with the payload of every `pg_notify(channel, …)` committed — as the notifying
 * transaction commits, before its caller goes on — where the engine can promise that: the embedded
 * one, the only process that can write its folder. Resolves to a function that stops listening, or to
 * null with a PostgreSQL server (other processes write there, and notices reach a listener later than
 * the commit), or for a transaction.
 */
export async function followCommits(
  db: Database,
  channel: string,
  listener: (payload: string) => void,
): Promise<(() => Promise<void>) | null> {
  const client = embedded.get(db)
  return client ? client.listen(channel, listener) : null
}

const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: unknown[]
}

/** True when the database answers and every committed migration has been applied. */
export async function isDatabaseReady(db: Database): Promise<boolean> {
  try {
    // Both drivers answer with `rows`; the generic database type cannot say so.
    const result = (await db.execute(
      sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
    )) as unknown as {
      rows: { applied: number }[]
    }
    return Number(result.rows[0]?.applied ?? 0) >= journal.entries.length
  } catch {
    return false
  }
}
