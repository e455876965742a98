import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, count, eq, sql } from 'drizzle-orm'
import { type DatabaseHandle, openDatabase } from '../src/server/db/client'
import { ticket } from '../src/server/db/schema/tickets'
import { createArea } from '../src/server/modules/centres/areas-service'
import { createDesk } from '../src/server/modules/centres/desks-service'
import { localDateOf } from '../src/server/modules/centres/opening-status'
import { callNextTicket } from '../src/server/modules/tickets/call-next'
import { openDeskSession } from '../src/server/modules/tickets/desk-sessions'
import { hashTrackToken } from '../src/server/modules/tickets/issue-ticket'
import { createBenchCentre } from './support/engines'
import { median, printTable } from './support/figures'
import { createDatabase, findPostgresBin, startCluster, stopCluster } from './support/postgres-cluster'

/**
 * Eight desks press "call next" at the same moment, again and again, until a queue of 5,000 waiting
 * tickets is empty: every ticket must be called exactly once (none twice, none left waiting), and the
 * figure of interest is how many calls per second one centre's database sustains, on PGlite and on
 * PostgreSQL. Each run starts from a new database, so no run inherits another's rows or statistics.
 */

const RUNS = 3
const TICKETS = 5_000
const DESKS = 8
const AREAS = 3
/** One ticket in ten is a self-declared priority, so the fair interleaving is exercised too. */
const PRIORITY_EVERY = 10
const LANGUAGE = 'fr'
const TIMEZONE = 'Europe/Paris'
/** Rows per INSERT when seeding: well under the 65,535 bind parameters one statement may carry. */
const SEED_BATCH = 1_000
const TARGETS = { pglite: 300, postgres: 1_000 } as const

type Engine = keyof typeof TARGETS
type Sample = {
  durationMs: number
  calls: number
  duplicates: number
  skipped: number
  p50Ms: number
  p99Ms: number
}

/** A centre with its areas and desks, each desk with an open session serving every area. */
async function buildCentre(handle: DatabaseHandle) {
  const { db } = handle
  const centre = await createBenchCentre(db, { timezone: TIMEZONE, languages: [LANGUAGE] })
  const areas = []
  for (let index = 0; index < AREAS; index++) {
    areas.push(
      await createArea({
        db,
        centreId: centre.id,
        actorUserId: null,
        input: {
          slug: `area-${index + 1}`,
          name: { fr: `Espace ${index + 1}`, en: `Area ${index + 1}` },
          colour: '#336699',
          pictogram: 'compass',
          ticketLetter: String.fromCharCode('A'.charCodeAt(0) + index),
        },
      }),
    )
  }
  const deskIds: string[] = []
  for (let index = 0; index < DESKS; index++) {
    const { row } = await createDesk({
      db,
      centreId: centre.id,
      actorUserId: null,
      input: { name: `Bureau ${index + 1}`, areaIds: areas.map((a) => a.id) },
    })
    await openDeskSession({
      db,
      deskId: row.id,
      userId: null,
      input: { areas: areas.map((a) => a.slug), languages: [LANGUAGE] },
    })
    deskIds.push(row.id)
  }
  return { centre, areas, deskIds }
}

/**
 * The morning's queue, written in a few bulk inserts: issuing 5,000 tickets one by one through the
 * kiosk path would take longer than the calls being measured, and is not what this benchmark is about.
 * Rows look like issued ones: daily codes per area letter, staggered arrivals, a hashed follow token.
 */
async function seedQueue(
  handle: DatabaseHandle,
  centre: { id: string },
  areas: { id: string; ticketLetter: string }[],
  now: Date,
) {
  const serviceDate = localDateOf(now, TIMEZONE)
  const numbers = new Map<string, number>()
  const rows: (typeof ticket.$inferInsert)[] = []
  for (let index = 0; index < TICKETS; index++) {
    const area = areas[index % areas.length]
    if (!area) throw new Error('no area to queue in')
    const number = (numbers.get(area.id) ?? 0) + 1
    numbers.set(area.id, number)
    // One arrival a second, the last one just before "now": all of them waiting today.
    const queuedAt = new Date(now.getTime() - (TICKETS - index) * 1000)
    rows.push({
      centreId: centre.id,
      areaId: area.id,
      serviceDate,
      code: `${area.ticketLetter}-${String(number).padStart(3, '0')}`,
      language: LANGUAGE,
      priority: index % PRIORITY_EVERY === PRIORITY_EVERY - 1,
      channel: 'kiosk',
      status: 'waiting',
      queuedAt,
      trackTokenHash: hashTrackToken(randomBytes(16).toString('base64url')),
      createdAt: queuedAt,
    })
  }
  for (let start = 0; start < rows.length; start += SEED_BATCH) {
    await handle.db.insert(ticket).values(rows.slice(start, start + SEED_BATCH))
  }
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? 0
}

/**
 * Seeds a centre and its queue, then lets every desk call until the queue is empty. A desk stops at
 * its first empty answer: with SKIP LOCKED that may come while another desk still holds the last
 * tickets, which that desk then calls, so the check for tickets left waiting happens after all stop.
 */
async function measureRun(handle: DatabaseHandle): Promise<Sample> {
  const { db } = handle
  // One instant for the whole run: a run straddling midnight would otherwise look for tomorrow's queue.
  const now = new Date()
  const { centre, areas, deskIds } = await buildCentre(handle)
  await seedQueue(handle, centre, areas, now)
  // Opens every pooled connection before the clock starts, as on a server that has been up a while.
  await Promise.all(deskIds.map(() => db.execute(sql`select 1`)))

  const calledIds: string[] = []
  const latencies: number[] = []
  const desk = async (deskId: string) => {
    for (;;) {
      const started = performance.now()
      const called = await callNextTicket({ db, deskId, centreId: centre.id, now })
      if (!called) return
      latencies.push(performance.now() - started)
      calledIds.push(called.id)
    }
  }
  const started = performance.now()
  // Every desk runs to its end even if another fails, so the database is never closed under one.
  const outcomes = await Promise.allSettled(deskIds.map(desk))
  const durationMs = performance.now() - started
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason

  const [left] = await db
    .select({ waiting: count() })
    .from(ticket)
    .where(and(eq(ticket.centreId, centre.id), eq(ticket.status, 'waiting')))
  latencies.sort((a, b) => a - b)
  return {
    durationMs,
    calls: calledIds.length,
    duplicates: calledIds.length - new Set(calledIds).size,
    skipped: left?.waiting ?? TICKETS,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  }
}

function describe(sample: Sample) {
  const rate = Math.round((sample.calls / sample.durationMs) * 1000)
  return `${sample.calls} calls in ${Math.round(sample.durationMs)} ms (${rate}/s), ${sample.duplicates} twice, ${sample.skipped} left`
}

async function migrateAndMeasure(handle: DatabaseHandle): Promise<Sample> {
  try {
    await handle.migrate()
    return await measureRun(handle)
  } finally {
    await handle.close()
  }
}

/** PGlite in a data folder, as a centre runs it; a new folder for each run. */
async function benchPglite(samples: Sample[]) {
  for (let run = 1; run <= RUNS; run++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cite-bench-pglite-'))
    try {
      const sample = await migrateAndMeasure(await openDatabase({ dataDir }))
      samples.push(sample)
      console.log(`  PGlite run ${run}/${RUNS}: ${describe(sample)}`)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** A new database on a throwaway server for each run; one pooled connection per desk. */
async function benchPostgres(samples: Sample[]) {
  const bin = findPostgresBin()
  if (!bin) {
    console.log('  PostgreSQL server binaries not found under /usr/lib/postgresql: skipped')
    return
  }
  const cluster = await startCluster(bin)
  try {
    for (let run = 1; run <= RUNS; run++) {
      const url = await createDatabase(cluster.url, `cite_bench_calling_${run}`)
      const sample = await migrateAndMeasure(await openDatabase({ url, poolMax: DESKS }))
      samples.push(sample)
      console.log(`  PostgreSQL run ${run}/${RUNS}: ${describe(sample)}`)
    }
  } finally {
    stopCluster(cluster)
  }
}

function report(results: { engine: Engine; label: string; samples: Sample[] }[]) {
  const ms = (value: number) => (value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`)
  const perSecond = (sample: Sample) => (sample.calls / sample.durationMs) * 1000
  const rows = results
    .filter((result) => result.samples.length > 0)
    .map(({ engine, label, samples }) => {
      const rates = samples.map(perSecond)
      return [
        label,
        String(TICKETS),
        String(DESKS),
        // Worst run, not median: one ticket called twice or never, in any run, is one too many.
        String(Math.min(...samples.map((s) => s.calls))),
        ms(median(samples.map((s) => s.durationMs))),
        `${Math.round(median(rates))}/s`,
        rates.map((rate) => Math.round(rate)).join(' / '),
        `≥ ${TARGETS[engine]}/s`,
        String(Math.max(...samples.map((s) => s.duplicates))),
        String(Math.max(...samples.map((s) => s.skipped))),
        ms(median(samples.map((s) => s.p50Ms))),
        ms(median(samples.map((s) => s.p99Ms))),
      ]
    })
  const header = [
    'engine',
    'tickets',
    'desks',
    'called',
    'duration',
    'calls/s',
    'calls/s (each run)',
    'target',
    'called twice',
    'skipped',
    'call p50',
    'call p99',
  ]
  printTable(header, rows)
  console.log(
    `\nnode ${process.version}, ${RUNS} runs each, median shown (called, called twice and skipped: worst run).` +
      `\nLatency of one call as a desk sees it, waiting for the database included.`,
  )
}

export async function run() {
  console.log(
    `Concurrent calling benchmark: ${DESKS} desks call next in parallel over ${TICKETS} waiting tickets (${RUNS} runs each)`,
  )
  const results: { engine: Engine; label: string; samples: Sample[] }[] = [
    { engine: 'pglite', label: 'PGlite (data folder)', samples: [] },
    { engine: 'postgres', label: 'PostgreSQL', samples: [] },
  ]
  const [pglite, postgres] = results as [(typeof results)[0], (typeof results)[0]]
  await benchPglite(pglite.samples)
  await benchPostgres(postgres.samples)
  report(results)
  // Throughput is only reported; a ticket called twice or never is a bug, whatever the machine.
  const broken = results
    .flatMap((result) => result.samples)
    .some((s) => s.calls !== TICKETS || s.duplicates > 0 || s.skipped > 0)
  if (broken) {
    console.error(
      '\nSome tickets were called twice or left waiting: call-next is not safe under concurrency.',
    )
    process.exitCode = 1
  }
}
