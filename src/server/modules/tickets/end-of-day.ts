import { and, eq, inArray, lt, or } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { centre } from '../../db/schema/centres'
import { ticket } from '../../db/schema/tickets'
import { listClosures, listOpeningSpans } from '../centres/hours-service'
import { computeOpenStatus, localDateOf } from '../centres/opening-status'

/**
 * Closes the tickets nobody will call any more: those of earlier days, and today's once the centre has
 * closed for the day. They stay (status `closed`) for the day's statistics; numbering restarts by itself
 * because codes are numbered per centre-local day.
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
    const today = localDateOf(now, home.timezone)
    const [spans, closures] = await Promise.all([
      listOpeningSpans({ db, centreId: home.id }),
      listClosures({ db, centreId: home.id, fromDate: today }),
    ])
    const status = computeOpenStatus({
      spans: spans.filter((s) => s.areaId === null),
      closures: closures.filter((c) => c.areaId === null),
      now,
      timezone: home.timezone,
    })
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
  }
  return closed
}
