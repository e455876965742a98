import { and, eq } from 'drizzle-orm'
import type { InterviewInput } from '../../../shared/schemas/interviews'
import {
  type TicketAction,
  type TransferInput,
  ticketActions,
  transferInputSchema,
} from '../../../shared/schemas/tickets'
import { z } from '../../../shared/validation'
import type { Database } from '../../db/client'
import { area, centre, desk } from '../../db/schema/centres'
import { ticket, ticketStep } from '../../db/schema/tickets'
import { AppError, notFound } from '../../http/errors'
import { recordInterview } from '../interviews/interview-service'

type Ticket = typeof ticket.$inferSelect
type Status = Ticket['status']

export { ticketActions }

/** Which states each action may start from; anything else is a 409 and changes nothing. */
const allowedFrom: Record<TicketAction, readonly Status[]> = {
  recall: ['called'],
  start: ['called'],
  'no-show': ['called'],
  requeue: ['no_show'],
  transfer: ['waiting', 'called', 'in_service'],
  finish: ['called', 'in_service'],
  cancel: ['waiting', 'called'],
  call: ['waiting'],
}

/** The ticket and its centre, for authorisation before anything else. */
export async function getTicketWithCentre(db: Database, ticketId: string) {
  // Called by the route guard before the path is validated: a malformed id is simply not found.
  if (!z.uuid().safeParse(ticketId).success) throw notFound('error.ticket.notFound')
  const [row] = await db
    .select({ ticket, centre })
    .from(ticket)
    .innerJoin(centre, eq(centre.id, ticket.centreId))
    .where(eq(ticket.id, ticketId))
  if (!row) throw notFound('error.ticket.notFound')
  return row
}

type ActionInput = {
  deskId?: string | undefined
  transfer?: TransferInput | undefined
  /** The interview that ends here (finish or transfer). */
  interview?: InterviewInput | undefined
}

/**
 * Moves a ticket along its life in one transaction with the row locked, and records the step: the
 * thread of the visit stays whole whatever desks and areas it passes through (charter rule 4).
 */
export async function applyTicketAction(options: {
  db: Database
  ticketId: string
  action: TicketAction
  input?: ActionInput
  /** The partner of the counsellor acting, for the interview's record. */
  partnerId?: string | null
  now: Date
}) {
  const { db, ticketId, action, now } = options
  const transfer = action === 'transfer' ? transferInputSchema.parse(options.input?.transfer ?? {}) : null
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(ticket).where(eq(ticket.id, ticketId)).for('update')
    if (!current) throw notFound('error.ticket.notFound')
    const [home] = await tx.select().from(centre).where(eq(centre.id, current.centreId))
    if (!home) throw notFound('error.ticket.notFound')
    if (!allowedFrom[action].includes(current.status)) {
      throw new AppError('conflict', 'error.ticket.invalidTransition', { status: current.status })
    }
    let changes: Partial<Ticket> = {}
    let step: { kind: string; areaId?: string | null; deskId?: string | null; note?: string | null } = {
      kind: action,
    }
    switch (action) {
      case 'recall':
        changes =
          current.recallCount >= home.maxRecalls
            ? { status: 'no_show', endedAt: now }
            : { recallCount: current.recallCount + 1, calledAt: now }
        step = {
          kind: current.recallCount >= home.maxRecalls ? 'no_show' : 'recalled',
          deskId: current.calledDeskId,
        }
        break
      case 'start':
        changes = { status: 'in_service', startedAt: now }
        step = { kind: 'started', deskId: current.calledDeskId }
        break
      case 'no-show':
        changes = { status: 'no_show', endedAt: now }
        step = { kind: 'no_show', deskId: current.calledDeskId }
        break
      case 'requeue':
        // The visitor came back: they keep their place from their first arrival.
        changes = { status: 'waiting', calledAt: null, calledDeskId: null, endedAt: null, recallCount: 0 }
        step = { kind: 'requeued', areaId: current.areaId }
        break
      case 'finish':
        changes = { status: 'done', startedAt: current.startedAt ?? current.calledAt, endedAt: now }
        step = { kind: 'finished', deskId: current.calledDeskId }
        break
      case 'cancel':
        changes = { status: 'cancelled', endedAt: now }
        step = { kind: 'cancelled' }
        break
      case 'call': {
        const deskId = options.input?.deskId
        const [target] = deskId
          ? await tx
              .select()
              .from(desk)
              .where(and(eq(desk.id, deskId), eq(desk.centreId, home.id)))
          : []
        if (!target)
          throw new AppError(
            'validation',
            'error.desk.notFound',
            {},
            { desk: { key: 'error.desk.notFound', values: {} } },
          )
        changes = {
          status: 'called',
          calledAt: now,
          calledDeskId: target.id,
          recallCount: 0,
          targetDeskId: null,
        }
        step = { kind: 'called', areaId: current.areaId, deskId: target.id }
        break
      }
      case 'transfer': {
        if (!transfer) throw new Error('transfer input missing')
        const [toArea] = transfer.area
          ? await tx
              .select()
              .from(area)
              .where(and(eq(area.centreId, home.id), eq(area.slug, transfer.area)))
          : []
        const [toDesk] = transfer.desk
          ? await tx
              .select()
              .from(desk)
              .where(and(eq(desk.centreId, home.id), eq(desk.id, transfer.desk)))
          : []
        if (transfer.area && !toArea) throw notFound('error.area.notFound')
        if (transfer.desk && !toDesk) throw notFound('error.desk.notFound')
        if (toArea && toArea.id === current.areaId) {
          throw new AppError(
            'validation',
            'error.ticket.sameArea',
            {},
            { area: { key: 'error.ticket.sameArea', values: {} } },
          )
        }
        changes = {
          status: 'waiting',
          areaId: toArea?.id ?? current.areaId,
          targetDeskId: toDesk?.id ?? null,
          queuedAt: transfer.keepArrival ? current.queuedAt : now,
          calledAt: null,
          calledDeskId: null,
          startedAt: null,
          recallCount: 0,
          handoverNote: transfer.note || null,
        }
        step = {
          kind: 'transferred',
          areaId: toArea?.id ?? current.areaId,
          deskId: toDesk?.id ?? null,
          note: transfer.note || null,
        }
        break
      }
    }
    const [updated] = await tx.update(ticket).set(changes).where(eq(ticket.id, ticketId)).returning()
    if (!updated) throw new Error('ticket update returned nothing')
    await tx.insert(ticketStep).values({
      ticketId,
      at: now,
      areaId: step.areaId ?? updated.areaId,
      deskId: step.deskId ?? null,
      kind: step.kind,
      note: step.note ?? null,
    })
    const interview = options.input?.interview
    if (interview && (action === 'finish' || action === 'transfer'))
      await recordInterview(tx, {
        ticket: current,
        partnerId: options.partnerId ?? null,
        defaultLanguage: home.defaultLanguage,
        input: interview,
        transferred: action === 'transfer',
        now,
      })
    return updated
  })
}
