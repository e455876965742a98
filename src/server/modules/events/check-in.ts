import { and, eq, sql } from 'drizzle-orm'
import type { BookingView } from '../../../shared/schemas/events'
import type { Database } from '../../db/client'
import { booking, eventSession } from '../../db/schema/events'
import { AppError, conflict, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { bookingCodeHash, canonicalCode } from './booking-code'
import { getBooking } from './bookings'

/** A session of the centre, or a 404. */
async function sessionOf(db: Database, centreId: string, sessionId: string) {
  const [row] = await db
    .select({ id: eventSession.id, dropIns: eventSession.dropIns })
    .from(eventSession)
    .where(and(eq(eventSession.centreId, centreId), eq(eventSession.id, sessionId)))
  if (!row) throw notFound('error.session.notFound')
  return row
}

/**
 * Checks a booking in at the door, by its code (typed or scanned): `seats` of its seats came (all by
 * default). Only the count is kept, for statistics; nobody is named.
 */
export async function checkIn(options: {
  db: Database
  centreId: string
  actorUserId: string | null
  sessionId: string
  code: string
  seats?: number
  now: Date
}): Promise<BookingView> {
  await sessionOf(options.db, options.centreId, options.sessionId)
  const canonical = canonicalCode(options.code)
  if (!canonical) throw notFound('error.booking.notFound')
  const [row] = await options.db
    .select()
    .from(booking)
    .where(and(eq(booking.codeHash, bookingCodeHash(canonical)), eq(booking.sessionId, options.sessionId)))
  if (!row) throw notFound('error.booking.notFoundForSession')
  if (row.status !== 'confirmed')
    throw conflict(row.status === 'waiting' ? 'error.booking.stillWaiting' : 'error.booking.cancelled')
  const seats = options.seats ?? row.seats
  if (seats > row.seats)
    throw new AppError(
      'validation',
      'error.booking.checkInAboveSeats',
      { seats: row.seats },
      {
        seats: { key: 'error.booking.checkInAboveSeats', values: { seats: row.seats } },
      },
    )
  await options.db.transaction(async (tx) => {
    await tx.update(booking).set({ checkedIn: seats, updatedAt: options.now }).where(eq(booking.id, row.id))
    // The session, not the booking: the log keeps a count that changed, nothing that points to someone.
    await recordAudit(tx, {
      actorUserId: options.actorUserId,
      centreId: options.centreId,
      action: 'check_in',
      entity: 'event_session',
      entityId: options.sessionId,
      data: { seats },
    })
  })
  return getBooking({ db: options.db, code: canonical })
}

/** Counts people who came without a booking (or corrects the count, with a negative number). */
export async function countDropIns(options: {
  db: Database
  centreId: string
  actorUserId: string | null
  sessionId: string
  change: number
  now: Date
}): Promise<{ dropIns: number }> {
  await sessionOf(options.db, options.centreId, options.sessionId)
  return options.db.transaction(async (tx) => {
    const [row] = await tx
      .update(eventSession)
      .set({ dropIns: sql`greatest(0, ${eventSession.dropIns} + ${options.change})`, updatedAt: options.now })
      .where(eq(eventSession.id, options.sessionId))
      .returning({ dropIns: eventSession.dropIns })
    await recordAudit(tx, {
      actorUserId: options.actorUserId,
      centreId: options.centreId,
      action: 'update',
      entity: 'event_session',
      entityId: options.sessionId,
      data: { dropInsChange: options.change },
    })
    return { dropIns: row?.dropIns ?? 0 }
  })
}
