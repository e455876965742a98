import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { freePort } from './free-port'

let cluster: { bin: string; dir: string; asPostgres: boolean } | undefined

function findPostgresBin(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  for (const version of versions) {
    const bin = join(root, version, 'bin')
    if (existsSync(join(bin, 'initdb'))) return bin
  }
  throw new Error(
    'PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)',
  )
}

/** initdb refuses to run as root: as root, the cluster belongs to the postgres user. */
function run(bin: string, args: string[], asPostgres: boolean) {
  const command = asPostgres ? 'runuser' : bin
  const fullArgs = asPostgres ? ['-u', 'postgres', '--', bin, ...args] : args
  const result = spawnSync(command, fullArgs, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${bin} failed:\n${result.stdout}\n${result.stderr}`)
}

/**
 * Starts a throwaway PostgreSQL server in a temporary folder for the integration suite, unless
 * TEST_DATABASE_URL names one to use instead. Each test file then creates its own database in it.
 */
export async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL
  if (external) {
    project.provide('postgresUrl', external)
    return
  }
  const bin = findPostgresBin()
  const dir = mkdtempSync(join(tmpdir(), 'cite-pg-'))
  const asPostgres = process.getuid?.() === 0
  if (asPostgres) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
  }
  const port = await freePort()
  const data = join(dir, 'data')
  run(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
    asPostgres,
  )
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
  run(
    join(bin, 'pg_ctl'),
    ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start'],
    asPostgres,
  )
  cluster = { bin, dir, asPostgres }
  project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/postgres`)
}

export async function teardown() {
  if (!cluster) return
  run(
    join(cluster.bin, 'pg_ctl'),
    ['-D', join(cluster.dir, 'data'), '-m', 'immediate', 'stop'],
    cluster.asPostgres,
  )
  rmSync(cluster.dir, { recursive: true, force: true })
}
