import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { inject } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../db/client'

/**
 * A fresh, migrated (unless asked otherwise) database for one test file: PGlite from the template snapshot, or — in the
 * `postgres` project — a new database on the throwaway server. Tests never share data.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<DatabaseHandle> {
  const migrated = options.migrated ?? true
  if (process.env.TEST_DB === 'postgres') {
    const adminUrl = inject('postgresUrl')
    const name = `cite_test_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    const handle = await openDatabase({ url: url.toString(), poolMax: 5 })
    if (migrated) await handle.migrate()
    return handle
  }
  // An empty cluster, without even the migrations: the slower start, for the tests that need it.
  if (!migrated) return openDatabase({ dataDir: 'memory' })
  const template = await readFile(inject('pgliteTemplate'))
  return openDatabase({ dataDir: 'memory', loadDataDir: new Blob([template]) })
}
