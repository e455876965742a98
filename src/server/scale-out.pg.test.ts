import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from './test/database'
import {
  bookingRush,
  type Cluster,
  crossInstanceDelivery,
  killUnderLoad,
  startCluster,
} from './test/scale-out'

// Two Cité processes on one PostgreSQL server behind nginx, as in docs/deploy.md.
let cluster: Cluster
let url: string
beforeAll(async () => {
  const handle = await createTestDatabase()
  url = handle.url ?? ''
  await handle.close()
  cluster = await startCluster({ url, instances: 2 })
}, 120_000)
afterAll(() => cluster?.stop())

describe('several instances behind a reverse proxy', () => {
  it('brings a call made on one instance to a screen connected to the other', async () => {
    const latencies = await crossInstanceDelivery(cluster, { from: 0, to: 1, calls: 5 })
    expect(latencies).toHaveLength(5)
    for (const latency of latencies) expect(latency).toBeGreaterThan(0)
    // And the other way round.
    expect(await crossInstanceDelivery(cluster, { from: 1, to: 0, calls: 2 })).toHaveLength(2)
  })

  it('never books more seats than a session has, whichever instance takes each booking', async () => {
    const rush = await bookingRush(cluster, url, 80)
    expect(rush.failed).toBe(0)
    expect(rush.accepted).toBe(80)
    expect(rush.confirmed).toBe(rush.capacity)
    expect(rush.waiting).toBe(80 - rush.capacity)
  })

  it('loses no acknowledged ticket when one instance is killed under load, and goes on through the other', async () => {
    const result = await killUnderLoad(cluster, url, { clients: 4, durationMs: 4_000, killAtMs: 1_500 })
    expect(result.acknowledged).toBeGreaterThan(10)
    expect(result.afterKill).toBeGreaterThan(0)
    expect(result).toMatchObject({ missing: 0, twice: 0 })
  }, 60_000)
})
