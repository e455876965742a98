import { asc, inArray, sql } from 'drizzle-orm'
import type { DatabaseHandle } from '../src/server/db/client'
import { booking, event, eventSession } from '../src/server/db/schema/events'
import { bookSeats, cancelBooking } from '../src/server/modules/events/bookings'
import { createBenchCentre, onEachEngine, withMigratedDatabase } from './support/engines'
import { percentile, printTable } from './support/figures'

/**
 * Fifty visitors' browsers book at once, again and again, across a programme of twenty sessions of a
 * hundred seats: 4,000 requests of one to three seats, one in ten followed by cancelling an earlier
 * booking (which promotes the waiting list). Figures: bookings per second and the latency of one booking
 * (its transaction, waiting for the session's lock included), on PGlite and on PostgreSQL; and a check
 * that no session holds more confirmed seats than it has, and that no later arrival was confirmed while an
 * earlier one waited.
 */

const CLIENTS = 50
const SESSIONS = 20
const CAPACITY = 100
const REQUESTS = 4_000
const CANCEL_EVERY = 10

type Sample = { durationMs: number; bookings: number; cancels: number; latencies: number[]; broken: string[] }

async function buildProgramme(handle: DatabaseHandle, now: Date) {
  const centre = await createBenchCentre(handle.db)
  const [workshop] = await handle.db
    .insert(event)
    .values({
      centreId: centre.id,
      type: 'workshop',
      title: { fr: 'Atelier' },
      description: {},
      language: 'fr',
      place: 'Salle',
    })
    .returning()
  if (!workshop) throw new Error('no event')
  const sessions = await handle.db
    .insert(eventSession)
    .values(
      Array.from({ length: SESSIONS }, (_, index) => ({
        eventId: workshop.id,
        centreId: centre.id,
        startsAt: new Date(now.getTime() + (index + 1) * 86_400_000),
        endsAt: new Date(now.getTime() + (index + 1) * 86_400_000 + 7_200_000),
        booking: true,
        capacity: CAPACITY,
        maxGroup: 3,
      })),
    )
    .returning({ id: eventSession.id })
  return sessions.map((session) => session.id)
}

async function measure(handle: DatabaseHandle): Promise<Sample> {
  const now = new Date()
  const sessionIds = await buildProgramme(handle, now)
  await Promise.all(Array.from({ length: 10 }, () => handle.db.execute(sql`select 1`)))
  const codes: string[] = []
  const latencies: number[] = []
  let next = 0
  let cancels = 0
  const client = async () => {
    for (;;) {
      const index = next++
      if (index >= REQUESTS) return
      const started = performance.now()
      const booked = await bookSeats({
        db: handle.db,
        sessionId: sessionIds[index % SESSIONS] ?? '',
        input: { seats: 1 + (index % 3) },
        now,
      })
      latencies.push(performance.now() - started)
      codes.push(booked.code)
      if (index % CANCEL_EVERY === CANCEL_EVERY - 1) {
        const code = codes[Math.floor(codes.length / 2)]
        if (code)
          await cancelBooking({ db: handle.db, code, now }).then(
            () => cancels++,
            () => {},
          )
      }
    }
  }
  const started = performance.now()
  const outcomes = await Promise.allSettled(Array.from({ length: CLIENTS }, client))
  const durationMs = performance.now() - started
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason
  const rows = await handle.db
    .select({
      sessionId: booking.sessionId,
      seats: booking.seats,
      status: booking.status,
      position: booking.position,
    })
    .from(booking)
    .where(inArray(booking.sessionId, sessionIds))
    .orderBy(asc(booking.position))
  const broken: string[] = []
  for (const sessionId of sessionIds) {
    const own = rows.filter((row) => row.sessionId === sessionId)
    const confirmed = own.filter((row) => row.status === 'confirmed')
    const seats = confirmed.reduce((total, row) => total + row.seats, 0)
    if (seats > CAPACITY) broken.push(`${seats} seats confirmed of ${CAPACITY}`)
    const lastConfirmed = Math.max(0, ...confirmed.map((row) => row.position))
    if (own.some((row) => row.status === 'waiting' && row.position < lastConfirmed))
      broken.push('a later booking was confirmed while an earlier one waited')
  }
  return { durationMs, bookings: latencies.length, cancels, latencies, broken }
}

export async function run() {
  console.log(
    `Booking benchmark: ${CLIENTS} clients at once, ${REQUESTS} bookings of 1–3 seats over ${SESSIONS} sessions of ${CAPACITY} seats, one in ${CANCEL_EVERY} followed by a cancellation`,
  )
  const results = await onEachEngine('booking', (engine) => withMigratedDatabase(engine, measure))
  const ms = (value: number) => `${value.toFixed(1)} ms`
  printTable(
    ['engine', 'bookings', 'cancellations', 'bookings/s', 'p50', 'p95', 'p99', 'checks'],
    results.map(([label, sample]) => [
      label,
      String(sample.bookings),
      String(sample.cancels),
      `${Math.round((sample.bookings / sample.durationMs) * 1000)}/s`,
      ms(percentile(sample.latencies, 0.5)),
      ms(percentile(sample.latencies, 0.95)),
      ms(percentile(sample.latencies, 0.99)),
      sample.broken.length === 0 ? 'capacity and order kept' : sample.broken.slice(0, 3).join('; '),
    ]),
  )
  console.log(
    `\nnode ${process.version}. Latency of one booking as the service sees it, the database included.`,
  )
  if (results.some(([, sample]) => sample.broken.length > 0)) process.exitCode = 1
}
