import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { centre, desk } from '../../db/schema/centres'
import { deskSession, ticket, ticketStep } from '../../db/schema/tickets'
import { AppError } from '../../http/errors'
import { localDateOf } from '../centres/opening-status'

type Session = typeof deskSession.$inferSelect

/** Waiting tickets of today that this desk may call: its areas and languages, or sent to it by name. */
function callableBy(session: Session, centreId: string, serviceDate: string) {
  return and(
    eq(ticket.centreId, centreId),
    eq(ticket.serviceDate, serviceDate),
    eq(ticket.status, 'waiting'),
    inArray(ticket.language, session.languages),
    or(
      eq(ticket.targetDeskId, session.deskId),
      and(isNull(ticket.targetDeskId), inArray(ticket.areaId, session.areaIds)),
    ),
  )
}

/**
 * Calls the ticket that has waited longest among those the desk can serve, giving a priority ticket
 * every `priorityEvery`-th call rather than letting priorities jump the queue forever.
 *
 * `FOR UPDATE SKIP LOCKED`: two desks calling at the same instant lock different rows, so a ticket is
 * never called twice and nobody waits on the other's transaction.
 */
export async function callNextTicket({ db, deskId, now }: { db: Database; deskId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ session: deskSession, centre })
      .from(deskSession)
      .innerJoin(desk, eq(desk.id, deskSession.deskId))
      .innerJoin(centre, eq(centre.id, desk.centreId))
      .where(and(eq(deskSession.deskId, deskId), isNull(deskSession.closedAt)))
      .for('update', { of: deskSession })
    if (!found) throw new AppError('conflict', 'error.desk.noSession')
    const { session, centre: home } = found
    const serviceDate = localDateOf(now, home.timezone)
    const base = callableBy(session, home.id, serviceDate)
    const pick = (onlyPriority: boolean) =>
      tx
        .select({ id: ticket.id, priority: ticket.priority })
        .from(ticket)
        .where(onlyPriority ? and(base, eq(ticket.priority, true)) : base)
        .orderBy(asc(ticket.queuedAt), asc(ticket.createdAt))
        .limit(1)
        .for('update', { skipLocked: true })
    const priorityTurn = session.regularStreak >= Math.max(1, home.priorityEvery) - 1
    let [chosen] = priorityTurn ? await pick(true) : []
    if (!chosen) [chosen] = await pick(false)
    if (!chosen) return null
    const [called] = await tx
      .update(ticket)
      .set({ status: 'called', calledAt: now, calledDeskId: deskId, recallCount: 0, targetDeskId: null })
      .where(eq(ticket.id, chosen.id))
      .returning()
    if (!called) throw new Error('ticket update returned nothing')
    await tx
      .insert(ticketStep)
      .values({ ticketId: called.id, kind: 'called', at: now, areaId: called.areaId, deskId })
    await tx
      .update(deskSession)
      .set({ regularStreak: chosen.priority ? 0 : session.regularStreak + 1 })
      .where(eq(deskSession.id, session.id))
    return called
  })
}
