import { bookingRush, crossInstanceDelivery, killUnderLoad, startCluster } from '../src/server/test/scale-out'
import { percentile, printTable } from './support/figures'
import {
  createDatabase,
  findPostgresBin,
  startCluster as startPostgres,
  stopCluster,
} from './support/postgres-cluster'

/**
 * `npm run bench -- scale-out`: three Cité processes on one PostgreSQL server behind nginx. The time from
 * a desk's call on one instance to a screen on another (200 calls), a rush of 400 one-seat bookings on a
 * 40-seat session through the proxy, and ten seconds of ticket issuing from 8 clients with one instance
 * killed after three.
 */
export async function run() {
  const bin = findPostgresBin()
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql')
  const server = await startPostgres(bin)
  try {
    const url = await createDatabase(server.url, 'cite_bench_scale_out')
    const cluster = await startCluster({ url, instances: 3 })
    try {
      const latencies = await crossInstanceDelivery(cluster, { from: 0, to: 2, calls: 200 })
      const rush = await bookingRush(cluster, url, 400)
      const kill = await killUnderLoad(cluster, url, { clients: 8, durationMs: 10_000, killAtMs: 3_000 })
      console.log('Three instances, one PostgreSQL server, nginx in front')
      printTable(
        ['figure', 'value'],
        [
          ['call on instance 1 → screen on instance 3, p50', `${percentile(latencies, 0.5).toFixed(1)} ms`],
          ['… p95', `${percentile(latencies, 0.95).toFixed(1)} ms`],
          ['… max', `${Math.max(...latencies).toFixed(1)} ms`],
          ['booking rush: requests answered 201', String(rush.accepted)],
          ['… seats confirmed / capacity', `${rush.confirmed} / ${rush.capacity}`],
          ['… seats on the waiting list', String(rush.waiting)],
          ['… 5xx answers', String(rush.failed)],
          ['tickets acknowledged (one instance killed at 3 s)', String(kill.acknowledged)],
          ['… acknowledged after the kill', String(kill.afterKill)],
          ['… requests refused or cut', String(kill.refused)],
          ['… acknowledged but missing', String(kill.missing)],
          ['… issued twice', String(kill.twice)],
        ],
      )
      if (rush.confirmed > rush.capacity || kill.missing > 0 || kill.twice > 0) process.exitCode = 1
    } finally {
      await cluster.stop()
    }
  } finally {
    stopCluster(server)
  }
}
