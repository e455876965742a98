import { and, eq, inArray, isNotNull, lt, or } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { centre } from '../../db/schema/centres'
import { ticket, ticketStep } from '../../db/schema/tickets'
import { loadOpenStatuses } from '../centres/area-status'

/**
 * Closes the tickets nobody will call any more: those of earlier days, and today's once the centre has
 * closed for the day. They stay (status `closed`) for the day's statistics; numbering restarts by itself
 * because codes are numbered per centre-local day. Handover notes of earlier days are erased: they were
 * for the counsellors of that visit, and what remains of it is counts.
 */
export async function closeStaleTickets({
  db,
  now,
  onClosed,
}: {
  db: Database
  now: Date
  /** Told of each centre where tickets were closed, so its screens can be refreshed. */
  onClosed?: (centreId: string) => void
}): Promise<number> {
  let closed = 0
  for (const home of await db.select().from(centre)) {
    const { centre: status, localDate: today } = await loadOpenStatuses({ db, home, now })
    const doneForToday = !status.isOpen && status.nextOpening?.date !== today
    const rows = await db
      .update(ticket)
      .set({ status: 'closed', endedAt: now })
      .where(
        and(
          eq(ticket.centreId, home.id),
          inArray(ticket.status, ['waiting', 'called']),
          doneForToday
            ? or(lt(ticket.serviceDate, today), eq(ticket.serviceDate, today))
            : lt(ticket.serviceDate, today),
        ),
      )
      .returning({ id: ticket.id })
    closed += rows.length
    if (rows.length) onClosed?.(home.id)
    await purgeNotes(db, home.id, today)
  }
  return closed
}

async function purgeNotes(db: Database, centreId: string, today: string) {
  const earlier = and(eq(ticket.centreId, centreId), lt(ticket.serviceDate, today))
  await db.transaction(async (tx) => {
    await tx
      .update(ticket)
      .set({ handoverNote: null })
      .where(and(earlier, isNotNull(ticket.handoverNote)))
    await tx
      .update(ticketStep)
      .set({ note: null })
      .where(
        and(
          isNotNull(ticketStep.note),
          inArray(ticketStep.ticketId, tx.select({ id: ticket.id }).from(ticket).where(earlier)),
        ),
      )
  })
}
