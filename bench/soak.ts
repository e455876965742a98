import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildMorning, type ServerEngine } from '../src/server/test/processes'
import { runSoak } from '../src/server/test/soak'
import { percentile, printTable } from './support/figures'
import { createDatabase, findPostgresBin, startCluster, stopCluster } from './support/postgres-cluster'
import { citeScript, memoryOf, memoryProbe, startServer, stop } from './support/processes'

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10)
const ENGINE = process.env.SOAK_ENGINE === 'postgres' ? 'postgres' : 'pglite'

/**
 * `npm run bench -- soak`: a large centre's full day compressed into SOAK_MINUTES (10) minutes on the
 * embedded database (SOAK_ENGINE=postgres: on a throwaway PostgreSQL server) — 1,000 visitors, 20 desks,
 * 30 screens, 300 phones following their tickets, 200 bookings, 2,000 portal searches. Prints errors and
 * p50/p99 latency per tenth of the day, and the server's memory after warm-up (the first tenth) and at the end.
 */
export async function run() {
  const dataDir = mkdtempSync(join(tmpdir(), 'cite-bench-soak-'))
  const bin = ENGINE === 'postgres' ? findPostgresBin() : null
  if (ENGINE === 'postgres' && !bin) throw new Error('PostgreSQL server binaries not found')
  const cluster = bin ? await startCluster(bin) : null
  try {
    const database: { url: string } | { dataDir: string } = cluster
      ? { url: await createDatabase(cluster.url, 'cite_bench_soak') }
      : { dataDir }
    const engine: ServerEngine =
      'url' in database ? { kind: 'postgres', url: database.url } : { kind: 'pglite', dataDir }
    const morning = await buildMorning(engine, { desks: 20, sessions: 10, capacity: 60 })
    const server = await startServer({
      ...database,
      nodeArgs: ['--expose-gc', '--import', memoryProbe],
      ipc: true,
      script: citeScript,
    })
    try {
      const durationMs = MINUTES * 60_000
      const samples: { at: number; js: number; rss: number }[] = []
      const started = Date.now()
      const report = await runSoak({
        base: `http://127.0.0.1:${server.port}`,
        morning,
        plan: { durationMs, visitors: 1_000, screens: 30, phones: 300, bookings: 200, searches: 2_000 },
        memory: async () => {
          const figures = await memoryOf(server.child)
          samples.push({
            at: Date.now() - started,
            js: figures.heapUsed + figures.external,
            rss: figures.rss,
          })
          return figures.heapUsed + figures.external
        },
      })
      const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
      console.log(
        `Soak: a day in ${MINUTES} min on ${ENGINE === 'postgres' ? 'PostgreSQL' : 'PGlite (data folder)'}`,
      )
      printTable(
        ['tenth of the day', 'requests', 'errors', 'p50', 'p99'],
        report.slices.map((slice, index) => [
          String(index + 1),
          String(slice.requests),
          String(slice.errors),
          `${slice.p50.toFixed(1)} ms`,
          `${slice.p99.toFixed(1)} ms`,
        ]),
      )
      printTable(
        ['request', 'count', 'p50', 'p99'],
        report.byKind.map((row) => [
          row.kind,
          String(row.requests),
          `${row.p50.toFixed(1)} ms`,
          `${row.p99.toFixed(1)} ms`,
        ]),
      )
      const warm = samples.find((sample) => sample.at >= durationMs / 10) ?? samples[0]
      const last = samples.at(-1)
      const growth = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`
      printTable(
        ['figure', 'value'],
        [
          ['requests', String(report.requests)],
          ['errors', String(report.errors)],
          ['tickets called / finished', `${report.called} / ${report.served}`],
          ['calls received by each screen (min)', String(Math.min(...report.screenCalls))],
          [
            'p99 over the day',
            `${percentile(
              report.slices.map((slice) => slice.p99),
              1,
            ).toFixed(1)} ms (worst tenth)`,
          ],
          [
            'JS memory after warm-up → end',
            warm && last ? `${mib(warm.js)} → ${mib(last.js)} (${growth(warm.js, last.js)})` : '-',
          ],
          [
            'resident memory after warm-up → end',
            warm && last ? `${mib(warm.rss)} → ${mib(last.rss)} (${growth(warm.rss, last.rss)})` : '-',
          ],
        ],
      )
      for (const sample of report.errorSamples) console.log(`  ${sample}`)
      if (report.errors > 0) process.exitCode = 1
    } finally {
      await stop(server.child)
    }
  } finally {
    if (cluster) stopCluster(cluster)
    rmSync(dataDir, { recursive: true, force: true })
  }
}
