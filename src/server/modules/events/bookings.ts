import { and, asc, eq, inArray } from 'drizzle-orm'
import { type BookingInput, type BookingView, bookingInputSchema } from '../../../shared/schemas/events'
import type { Database } from '../../db/client'
import { centre } from '../../db/schema/centres'
import { booking, event, eventSession } from '../../db/schema/events'
import { AppError, conflict, notFound } from '../../http/errors'
import { bookingCodeHash, canonicalCode, newBookingCode } from './booking-code'

type EventFacts = Pick<typeof event.$inferSelect, 'title' | 'place' | 'offSite'> & {
  eventCancelledAt: Date | null
  centreSlug: string
}
type Session = typeof eventSession.$inferSelect & EventFacts
type Held = Pick<typeof booking.$inferSelect, 'id' | 'seats' | 'priority' | 'status' | 'position'>

const sum = (rows: Held[]) => rows.reduce((total, row) => total + row.seats, 0)

/** What decides the seats left: a session's plan, and the seats already confirmed (by the priority audience). */
export type SeatPlan = Pick<
  typeof eventSession.$inferSelect,
  'capacity' | 'walkInSeats' | 'walkInReleaseAt' | 'prioritySeats'
>
export type Booked = { seats: number; prioritySeats: number }

/**
 * Seats a booking could take now: the capacity, less the seats already confirmed, less those kept for
 * people coming on the day (until their release time; for good when there is none), and — for anyone
 * outside the priority audience — less what remains of the priority share.
 */
export function seatsFree(session: SeatPlan, booked: Booked, priority: boolean, now: Date): number {
  const kept = !session.walkInReleaseAt || now < session.walkInReleaseAt ? session.walkInSeats : 0
  const keptForPriority = priority ? 0 : Math.max(0, session.prioritySeats - booked.prioritySeats)
  return Math.max(0, (session.capacity ?? 0) - kept - booked.seats - keptForPriority)
}

const bookedBy = (confirmed: Held[]): Booked => ({
  seats: sum(confirmed),
  prioritySeats: sum(confirmed.filter((row) => row.priority)),
})

const eventFacts = {
  title: event.title,
  place: event.place,
  offSite: event.offSite,
  eventCancelledAt: event.cancelledAt,
  centreSlug: centre.slug,
}

/** The session a booking is for, with what its event says of it; `lock` holds its row until the end. */
async function sessionOf(db: Database, sessionId: string, lock = false): Promise<Session> {
  const query = db
    .select({ session: eventSession, ...eventFacts })
    .from(eventSession)
    .innerJoin(event, eq(event.id, eventSession.eventId))
    .innerJoin(centre, eq(centre.id, eventSession.centreId))
    .where(eq(eventSession.id, sessionId))
  const [row] = lock ? await query.for('update', { of: eventSession }) : await query
  if (!row) throw notFound('error.session.notFound')
  const { session, ...facts } = row
  return { ...session, ...facts }
}

/**
 * The session, locked until the transaction ends: every change to its bookings goes through this lock,
 * so two bookings (on any number of app instances) never share the last seat.
 */
const lockSession = (tx: Database, sessionId: string) => sessionOf(tx, sessionId, true)

/** Confirmed and waiting bookings of a session, in order of arrival. */
async function heldBookings(tx: Database, sessionId: string): Promise<Held[]> {
  return tx
    .select({
      id: booking.id,
      seats: booking.seats,
      priority: booking.priority,
      status: booking.status,
      position: booking.position,
    })
    .from(booking)
    .where(and(eq(booking.sessionId, sessionId), inArray(booking.status, ['confirmed', 'waiting'])))
    .orderBy(asc(booking.position))
}

function assertBookable(session: Session, now: Date) {
  if (!session.booking) throw conflict('error.session.freeEntry')
  if (session.cancelledAt || session.eventCancelledAt) throw conflict('error.session.cancelled')
  if (session.bookingOpensAt && now < session.bookingOpensAt) throw conflict('error.session.notOpenYet')
  if (now >= (session.bookingClosesAt ?? session.startsAt)) throw conflict('error.session.bookingClosed')
}

function assertGroup(session: Session, seats: number) {
  if (seats > session.maxGroup)
    throw new AppError(
      'validation',
      'error.booking.tooManySeats',
      { max: session.maxGroup },
      { seats: { key: 'error.booking.tooManySeats', values: { max: session.maxGroup } } },
    )
}

/**
 * Confirms waiting bookings in order of arrival while the first in line fits: first in, first out, so
 * a group is never overtaken by people who came after it. Returns the ids of those confirmed.
 */
async function promote(tx: Database, session: Session, now: Date): Promise<string[]> {
  const held = await heldBookings(tx, session.id)
  const confirmed = held.filter((row) => row.status === 'confirmed')
  const promoted: string[] = []
  for (const next of held.filter((row) => row.status === 'waiting')) {
    if (next.seats > seatsFree(session, bookedBy(confirmed), next.priority, now)) break
    confirmed.push(next)
    promoted.push(next.id)
  }
  if (promoted.length > 0)
    await tx
      .update(booking)
      .set({ status: 'confirmed', promotedAt: now, updatedAt: now })
      .where(inArray(booking.id, promoted))
  return promoted
}

/** After a session's seats change (more capacity, walk-in seats released): its waiting list moves up. */
export async function promoteWaiting(tx: Database, sessionId: string, now: Date): Promise<string[]> {
  return promote(tx, await lockSession(tx, sessionId), now)
}

/**
 * Books seats on a session without a name: confirmed when they are free and nobody is waiting before,
 * else on the waiting list. Returns the code that opens the booking, shown once.
 */
export async function bookSeats(options: {
  db: Database
  sessionId: string
  input: BookingInput
  now: Date
  /** The language of the page it was made on: notices to its contact are written in it. */
  language?: string
}): Promise<{ code: string; booking: BookingView }> {
  const values = bookingInputSchema.parse(options.input)
  const { now } = options
  const code = newBookingCode()
  const codeHash = bookingCodeHash(canonicalCode(code) ?? code)
  return options.db.transaction(async (tx) => {
    const session = await lockSession(tx, options.sessionId)
    assertBookable(session, now)
    assertGroup(session, values.seats)
    const held = await heldBookings(tx, session.id)
    const confirmed = held.filter((row) => row.status === 'confirmed')
    const waiting = held.filter((row) => row.status === 'waiting')
    const fits =
      waiting.length === 0 && values.seats <= seatsFree(session, bookedBy(confirmed), values.priority, now)
    const [row] = await tx
      .insert(booking)
      .values({
        sessionId: session.id,
        codeHash,
        seats: values.seats,
        status: fits ? 'confirmed' : 'waiting',
        priority: values.priority,
        contact: values.contact ?? null,
        language: options.language ?? 'fr',
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    if (!row) throw new Error('booking insert returned nothing')
    return { code, booking: present(row, fits ? null : waiting.length, session) }
  })
}

function present(
  row: typeof booking.$inferSelect,
  waitingAhead: number | null,
  session: Session,
): BookingView {
  return {
    sessionId: row.sessionId,
    session: {
      eventId: session.eventId,
      centre: session.centreSlug,
      title: session.title,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      place: session.place,
      offSite: session.offSite,
      cancelled: session.cancelledAt !== null || session.eventCancelledAt !== null,
      maxGroup: session.maxGroup,
    },
    seats: row.seats,
    status: row.status as BookingView['status'],
    waitingAhead: row.status === 'waiting' ? waitingAhead : null,
    hasContact: row.contact !== null,
    checkedIn: row.checkedIn,
  }
}

/** The booking a typed code opens, or a 404 that says nothing more. */
async function findByCode(db: Database, typed: string) {
  const canonical = canonicalCode(typed)
  if (!canonical) throw notFound('error.booking.notFound')
  const [row] = await db
    .select()
    .from(booking)
    .where(eq(booking.codeHash, bookingCodeHash(canonical)))
  if (!row) throw notFound('error.booking.notFound')
  return row
}

async function waitingAheadOf(db: Database, row: typeof booking.$inferSelect): Promise<number | null> {
  if (row.status !== 'waiting') return null
  const held = await heldBookings(db, row.sessionId)
  return held.filter((other) => other.status === 'waiting' && other.position < row.position).length
}

/** A booking as its code's holder sees it. */
export async function getBooking({ db, code }: { db: Database; code: string }): Promise<BookingView> {
  const row = await findByCode(db, code)
  return present(row, await waitingAheadOf(db, row), await sessionOf(db, row.sessionId))
}

/**
 * Changes a booking's seats. Fewer seats free them for the waiting list at once; more are granted to a
 * confirmed booking only when free and nobody is waiting, and a waiting booking keeps its place.
 */
export async function changeBookingSeats(options: {
  db: Database
  code: string
  seats: number
  now: Date
}): Promise<BookingView> {
  const { now, seats } = options
  const found = await findByCode(options.db, options.code)
  return options.db.transaction(async (tx) => {
    const session = await lockSession(tx, found.sessionId)
    const [row] = await tx.select().from(booking).where(eq(booking.id, found.id))
    if (!row || row.status === 'cancelled') throw conflict('error.booking.cancelled')
    if (now >= session.startsAt) throw conflict('error.session.bookingClosed')
    assertGroup(session, seats)
    if (row.status === 'confirmed' && seats > row.seats) {
      const held = await heldBookings(tx, session.id)
      const others = held.filter((other) => other.status === 'confirmed' && other.id !== row.id)
      const waiting = held.some((other) => other.status === 'waiting')
      if (waiting || seats > seatsFree(session, bookedBy(others), row.priority, now))
        throw conflict('error.booking.noSeatsLeft')
    }
    await tx.update(booking).set({ seats, updatedAt: now }).where(eq(booking.id, row.id))
    await promote(tx, session, now)
    const [changed] = await tx.select().from(booking).where(eq(booking.id, row.id))
    if (!changed) throw notFound('error.booking.notFound')
    return present(changed, await waitingAheadOf(tx, changed), session)
  })
}

/**
 * Cancels a booking, or takes it off the waiting list: its seats go to those waiting, in order, and its
 * reminder contact is erased at once.
 */
export async function cancelBooking(options: {
  db: Database
  code: string
  now: Date
}): Promise<BookingView> {
  const { now } = options
  const found = await findByCode(options.db, options.code)
  return options.db.transaction(async (tx) => {
    const session = await lockSession(tx, found.sessionId)
    const [row] = await tx
      .update(booking)
      .set({ status: 'cancelled', contact: null, updatedAt: now })
      .where(and(eq(booking.id, found.id), inArray(booking.status, ['confirmed', 'waiting'])))
      .returning()
    if (!row) throw conflict('error.booking.cancelled')
    await promote(tx, session, now)
    return present(row, null, session)
  })
}
