import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from '../../tests/setup/free-port'

/**
 * A throwaway PostgreSQL server for the benchmarks that measure the PostgreSQL engine: started in a
 * temporary folder, stopped and removed at the end, never a server someone else uses.
 */

export type Cluster = { bin: string; dir: string; asPostgres: boolean; url: string }

export function findPostgresBin(): string | null {
  const base = '/usr/lib/postgresql'
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : []
  for (const version of versions) {
    const bin = join(base, version, 'bin')
    if (existsSync(join(bin, 'initdb'))) return bin
  }
  return null
}

/** initdb refuses to run as root: as root, the cluster belongs to the postgres user. */
function runPg(cluster: Pick<Cluster, 'asPostgres'>, bin: string, args: string[]) {
  const command = cluster.asPostgres ? 'runuser' : bin
  const fullArgs = cluster.asPostgres ? ['-u', 'postgres', '--', bin, ...args] : args
  const result = spawnSync(command, fullArgs, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${bin} failed:\n${result.stdout}\n${result.stderr}`)
}

/** A throwaway cluster, set up like the one of the integration tests (tests/setup/postgres-server.ts). */
export async function startCluster(bin: string): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'cite-bench-pg-'))
  const asPostgres = process.getuid?.() === 0
  if (asPostgres) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
  }
  const cluster = { bin, dir, asPostgres, url: '' }
  const port = await freePort()
  const data = join(dir, 'data')
  try {
    runPg(cluster, join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ])
    // Unlike the tests, keep fsync on: a centre's server runs with it.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`
    runPg(cluster, join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-o',
      options,
      '-l',
      join(dir, 'server.log'),
      '-w',
      'start',
    ])
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return { ...cluster, url: `postgres://postgres@127.0.0.1:${port}/postgres` }
}

export function stopCluster(cluster: Cluster) {
  try {
    runPg(cluster, join(cluster.bin, 'pg_ctl'), ['-D', join(cluster.dir, 'data'), '-m', 'fast', 'stop'])
  } finally {
    rmSync(cluster.dir, { recursive: true, force: true })
  }
}

/** A new empty database on the cluster; returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}
