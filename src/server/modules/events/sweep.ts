import { and, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { booking, eventSession } from '../../db/schema/events'
import { promoteWaiting } from './bookings'

/**
 * What time alone changes about sessions, run every minute by each instance (idempotent): seats kept for
 * walk-ins are released to the waiting list once their release time has come, and reminder contacts are
 * erased once their session is over — the only personal data anywhere, kept no longer than promised.
 */
export async function sweepSessions({ db, now }: { db: Database; now: Date }) {
  const released = await db
    .select({ id: eventSession.id })
    .from(eventSession)
    .where(
      and(
        eq(eventSession.booking, true),
        lte(eventSession.walkInReleaseAt, now),
        gt(eventSession.startsAt, now),
        sql`exists (select 1 from ${booking} b where b.session_id = ${eventSession.id} and b.status = 'waiting')`,
      ),
    )
  let promoted = 0
  for (const session of released)
    promoted += (await db.transaction((tx) => promoteWaiting(tx, session.id, now))).length
  const ended = db.select({ id: eventSession.id }).from(eventSession).where(lte(eventSession.endsAt, now))
  const erased = await db
    .update(booking)
    .set({ contact: null, updatedAt: now })
    .where(and(isNotNull(booking.contact), inArray(booking.sessionId, ended)))
    .returning({ id: booking.id })
  return { promoted, contactsErased: erased.length }
}
