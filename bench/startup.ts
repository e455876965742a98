import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '../tests/setup/free-port'
import { median, printTable } from './support/figures'
import { createDatabase, findPostgresBin, startCluster, stopCluster } from './support/postgres-cluster'

/**
 * Time from spawning `cdm serve` until /readyz answers 200, and the server's memory at that moment:
 * on PGlite (a first start that creates the folder and seeds the demo, then a warm start of the same
 * folder) and on a PostgreSQL server (an empty database, then the same database again).
 */

const RUNS = 3
const READY_TIMEOUT_MS = 120_000
const root = fileURLToPath(new URL('..', import.meta.url))

type Sample = { readyMs: number; rssKiB: number }
type Scenario = { label: string; samples: Sample[] }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Resident memory of one process, from the kernel: the server itself, not a wrapper around it. */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`)
  return Number(match[1])
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** Starts the server exactly as a centre would (minus npm), and waits for it to be ready. */
async function measureStart(env: Record<string, string>): Promise<Sample> {
  const port = await freePort()
  const baseEnv = { ...process.env }
  // The scenario decides the database; an inherited DATABASE_URL would silently change it.
  delete baseEnv.DATABASE_URL
  delete baseEnv.CDM_DATA_DIR
  const started = performance.now()
  // Node itself, with tsx as a loader in the same process: the pid is the server's.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port), '--host', '127.0.0.1'],
    { cwd: root, env: { ...baseEnv, CDM_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  // Drained so a chatty server never blocks on a full pipe; kept to explain a failed start.
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  try {
    const pid = child.pid
    if (pid === undefined) throw new Error('the server could not be spawned')
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    if (!cmdline.includes('src/cli/main.ts')) throw new Error(`pid ${pid} is not the server: ${cmdline}`)
    while (performance.now() - started < READY_TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`)
      // A server still busy migrating may accept and not answer: never let one probe hang the loop.
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1000) })
        .then((response) => response.status === 200)
        .catch(() => false)
      if (ready) return { readyMs: performance.now() - started, rssKiB: rssOf(pid) }
      await sleep(10)
    }
    throw new Error(`not ready after ${READY_TIMEOUT_MS} ms:\n${output}`)
  } finally {
    await stop(child)
  }
}

async function benchPglite(cold: Scenario, warm: Scenario) {
  for (let run = 1; run <= RUNS; run++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cite-bench-pglite-'))
    try {
      cold.samples.push(await measureStart({ CDM_DATA_DIR: dataDir }))
      warm.samples.push(await measureStart({ CDM_DATA_DIR: dataDir }))
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
    console.log(`  PGlite run ${run}/${RUNS} done`)
  }
}

async function benchPostgres(cold: Scenario, warm: Scenario) {
  const bin = findPostgresBin()
  if (!bin) {
    console.log('  PostgreSQL server binaries not found under /usr/lib/postgresql: skipped')
    return
  }
  const cluster = await startCluster(bin)
  try {
    for (let run = 1; run <= RUNS; run++) {
      const url = await createDatabase(cluster.url, `cite_bench_${run}`)
      cold.samples.push(await measureStart({ DATABASE_URL: url }))
      warm.samples.push(await measureStart({ DATABASE_URL: url }))
      console.log(`  PostgreSQL run ${run}/${RUNS} done`)
    }
  } finally {
    stopCluster(cluster)
  }
}

function report(scenarios: Scenario[]) {
  const ms = (value: number) => `${Math.round(value)} ms`
  const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`
  const rows = scenarios
    .filter((scenario) => scenario.samples.length > 0)
    .map((scenario) => {
      const times = scenario.samples.map((s) => s.readyMs)
      const rss = scenario.samples.map((s) => s.rssKiB)
      return [
        scenario.label,
        ms(median(times)),
        times.map(ms).join(' / '),
        mib(median(rss)),
        rss.map(mib).join(' / '),
      ]
    })
  const header = ['scenario', 'ready (median)', 'ready (each run)', 'RSS (median)', 'RSS (each run)']
  printTable(header, rows)
  console.log(
    `\nnode ${process.version}, ${RUNS} runs each; RSS of the server process when /readyz first answers 200.`,
  )
}

export async function run() {
  console.log(`Startup benchmark: spawn \`cdm serve\` → GET /readyz 200 (${RUNS} runs each)`)
  const scenarios: Scenario[] = [
    { label: 'PGlite, first start (new folder, demo seeded)', samples: [] },
    { label: 'PGlite, warm start (same folder)', samples: [] },
    { label: 'PostgreSQL, first start (empty database, demo seeded)', samples: [] },
    { label: 'PostgreSQL, warm start (same database)', samples: [] },
  ]
  const [pgliteCold, pgliteWarm, postgresCold, postgresWarm] = scenarios as [
    Scenario,
    Scenario,
    Scenario,
    Scenario,
  ]
  await benchPglite(pgliteCold, pgliteWarm)
  await benchPostgres(postgresCold, postgresWarm)
  report(scenarios)
}
