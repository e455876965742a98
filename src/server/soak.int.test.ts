import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../tests/setup/free-port'
import { createTestDatabase } from './test/database'
import { buildMorning, killed, type ServerEngine, startServer } from './test/processes'
import { runSoak } from './test/soak'

let engine: ServerEngine
let cleanup: () => Promise<void>
beforeAll(async () => {
  if (process.env.TEST_DB === 'postgres') {
    const handle = await createTestDatabase({ migrated: false })
    engine = { kind: 'postgres', url: handle.url ?? '' }
    await handle.close()
    cleanup = async () => {}
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'cite-soak-'))
    engine = { kind: 'pglite', dataDir }
    cleanup = () => rm(dataDir, { recursive: true, force: true })
  }
})
afterAll(() => cleanup())

describe('a day compressed', () => {
  it('serves a small centre’s day without one error, every call on every screen', async () => {
    const morning = await buildMorning(engine, { desks: 4, sessions: 3, capacity: 100 })
    const port = await freePort()
    const server = startServer(engine, port)
    try {
      await server.ready
      const report = await runSoak({
        base: `http://127.0.0.1:${port}`,
        morning,
        plan: { durationMs: 20_000, visitors: 60, screens: 5, phones: 15, bookings: 25, searches: 30 },
      })
      expect(report.errorSamples).toEqual([])
      expect(report.errors).toBe(0)
      expect(report.requests).toBeGreaterThan(150)
      expect(report.served).toBeGreaterThan(10)
      for (const seen of report.screenCalls) expect(seen).toBe(report.called)
    } finally {
      await killed(server.child)
    }
  }, 120_000)
})
