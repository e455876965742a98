import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Database, type DatabaseHandle, openDatabase } from '../../src/server/db/client'
import { createCentre } from '../../src/server/modules/centres/centres-service'
import type { ContentLanguage } from '../../src/shared/i18n/locales'
import { createDatabase, findPostgresBin, startCluster, stopCluster } from './postgres-cluster'

/** Where a benchmark's database lives: an embedded one in a data folder, or one on a PostgreSQL server. */
export type Engine = { label: string; database: { dataDir: string } | { url: string } }

/**
 * Runs `work` on each engine a centre may run Cité on: PGlite in a new data folder, then a new database
 * (`cite_bench_<name>`) on a throwaway PostgreSQL server — skipped, with a line saying so, where the
 * server's binaries are not installed. The folder and the server are removed afterwards, whatever happens.
 */
export async function onEachEngine<T>(
  name: string,
  work: (engine: Engine) => Promise<T>,
): Promise<[label: string, result: T][]> {
  const results: [string, T][] = []
  const dataDir = mkdtempSync(join(tmpdir(), `cite-bench-${name}-`))
  try {
    const label = 'PGlite (data folder)'
    results.push([label, await work({ label, database: { dataDir } })])
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
  const bin = findPostgresBin()
  if (!bin) {
    console.log('  PostgreSQL server binaries not found under /usr/lib/postgresql: skipped')
    return results
  }
  const cluster = await startCluster(bin)
  try {
    const url = await createDatabase(cluster.url, `cite_bench_${name.replaceAll('-', '_')}`)
    const label = 'PostgreSQL'
    results.push([label, await work({ label, database: { url } })])
  } finally {
    stopCluster(cluster)
  }
  return results
}

/** Opens the engine's database, applies the migrations, runs `work` on it, and closes it whatever happens. */
export async function withMigratedDatabase<T>(
  engine: Engine,
  work: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = await openDatabase(engine.database)
  try {
    await handle.migrate()
    return await work(handle)
  } finally {
    await handle.close()
  }
}

/** A new centre with a random slug, made by the service a manager's request goes through. */
export function createBenchCentre(
  db: Database,
  options: { timezone?: string; languages?: ContentLanguage[] } = {},
) {
  const suffix = randomBytes(4).toString('hex')
  return createCentre({
    db,
    actorUserId: null,
    input: {
      slug: `bench-${suffix}`,
      name: { fr: `Centre ${suffix}`, en: `Centre ${suffix}` },
      timezone: options.timezone ?? 'Europe/Paris',
      languages: options.languages ?? ['fr'],
      defaultLanguage: 'fr',
    },
  })
}
