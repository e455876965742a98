import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CrashEngine, runCrashRounds } from './test/crash'
import { createTestDatabase } from './test/database'

let engine: CrashEngine
let cleanup: () => Promise<void>
beforeAll(async () => {
  if (process.env.TEST_DB === 'postgres') {
    // A database of its own on the throwaway server, left to the server processes of the test.
    const handle = await createTestDatabase({ migrated: false })
    const url = handle.url ?? ''
    await handle.close()
    engine = { kind: 'postgres', url }
    cleanup = async () => {}
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'cite-crash-'))
    engine = { kind: 'pglite', dataDir }
    cleanup = () => rm(dataDir, { recursive: true, force: true })
  }
})
afterAll(() => cleanup())

describe('a busy morning while the server is killed', () => {
  it('keeps every acknowledged write exactly once, nothing half-done, and the screen catches up', async () => {
    const report = await runCrashRounds({ engine, rounds: 3, killAfterMs: [1500, 3000] })
    expect(report.problems).toEqual([])
    expect(report.kills).toBe(3)
    expect(report).toMatchObject({ lost: 0, halfDone: 0, missedCalls: 0 })
    // The morning really happened: tickets issued, called, finished and transferred, seats booked.
    expect(report.acknowledged.tickets).toBeGreaterThan(5)
    expect(report.acknowledged.calls).toBeGreaterThan(1)
    expect(report.acknowledged.finishes + report.acknowledged.transfers).toBeGreaterThan(0)
    expect(report.acknowledged.bookings).toBeGreaterThan(1)
  }, 240_000)
})
