import { and, desc, eq, gt, inArray } from 'drizzle-orm'
import type { LiveCall, LiveTicketChange } from '../../../shared/schemas/tickets'
import type { Database } from '../../db/client'
import { area, centre, desk } from '../../db/schema/centres'
import { ticket, ticketStep } from '../../db/schema/tickets'
import type { Logger } from '../../http/logger'
import type { EventBus, LiveMessage } from '../../realtime/bus'
import { localDateOf } from '../centres/opening-status'
import { queueOverviewOf } from './read-tickets'

type Ticket = typeof ticket.$inferSelect

/** Steps a waiting-room screen announces. */
const CALL_KINDS = ['called', 'recalled']
/** Calls a fresh screen shows as "last calls". */
const RECENT_CALLS = 8
/** Calls replayed to a client that comes back after a blip; more than a day's blip could hold. */
const MAX_REPLAY = 200
/** How long streams opening together share one snapshot, unless something happens at the centre first. */
const SNAPSHOT_TTL_MS = 2000

/** Calls of today at a centre as live messages, oldest first: after `afterId`, or the last few. */
export async function listCalls(
  db: Database,
  options: { centreId: string; serviceDate: string; afterId?: number; ticketId?: string; limit?: number },
): Promise<LiveMessage[]> {
  const rows = await db
    .select({
      id: ticketStep.id,
      kind: ticketStep.kind,
      at: ticketStep.at,
      code: ticket.code,
      desk: desk.name,
      area: area.slug,
    })
    .from(ticketStep)
    .innerJoin(ticket, eq(ticket.id, ticketStep.ticketId))
    .innerJoin(desk, eq(desk.id, ticketStep.deskId))
    .innerJoin(area, eq(area.id, ticket.areaId))
    .where(
      and(
        eq(ticket.centreId, options.centreId),
        eq(ticket.serviceDate, options.serviceDate),
        inArray(ticketStep.kind, CALL_KINDS),
        options.afterId === undefined ? undefined : gt(ticketStep.id, options.afterId),
        options.ticketId === undefined ? undefined : eq(ticketStep.ticketId, options.ticketId),
      ),
    )
    .orderBy(options.afterId === undefined ? desc(ticketStep.id) : ticketStep.id)
    .limit(options.limit ?? (options.afterId === undefined ? RECENT_CALLS : MAX_REPLAY))
  const calls = options.afterId === undefined ? rows.reverse() : rows
  return calls.map((row) => ({
    centreId: options.centreId,
    audience: 'public',
    event: 'call',
    id: String(row.id),
    data: {
      code: row.code,
      desk: row.desk,
      area: row.area,
      recall: row.kind === 'recalled',
      at: row.at.toISOString(),
    } satisfies LiveCall,
  }))
}

export type TicketLive = ReturnType<typeof createTicketLive>

/**
 * Tells live screens what a ticket change means for them: a call for waiting rooms and phones, fresh
 * queue figures for everyone, and a change notice for staff consoles. Runs after the change is
 * committed; a failure here is logged and never undoes the change (screens catch up on reconnect).
 */
export function createTicketLive(deps: { db: Database; bus: EventBus; now: () => Date; logger: Logger }) {
  const { db, bus, logger } = deps
  // Queue figures are recomputed once per burst of changes, not once per change.
  const queueState = new Map<string, 'scheduled' | 'running' | 'dirty'>()

  const report = (error: unknown) =>
    logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'live update failed')

  async function queueMessage(centreId: string): Promise<LiveMessage> {
    const [home] = await db.select().from(centre).where(eq(centre.id, centreId))
    if (!home) throw new Error('centre vanished')
    return {
      centreId,
      audience: 'public',
      event: 'queue',
      data: await queueOverviewOf({ db, home, now: deps.now() }),
    }
  }

  function refreshQueue(centreId: string) {
    const state = queueState.get(centreId)
    if (state === 'scheduled' || state === 'dirty') return
    if (state === 'running') return void queueState.set(centreId, 'dirty')
    queueState.set(centreId, 'scheduled')
    setTimeout(async () => {
      queueState.set(centreId, 'running')
      try {
        await bus.publish(await queueMessage(centreId))
      } catch (error) {
        report(error)
      }
      const again = queueState.get(centreId) === 'dirty'
      queueState.delete(centreId)
      if (again) refreshQueue(centreId)
    }, 25)
  }

  async function ticketMessage(row: Ticket): Promise<LiveMessage> {
    const [place] = await db.select({ slug: area.slug }).from(area).where(eq(area.id, row.areaId))
    const change: LiveTicketChange = {
      id: row.id,
      code: row.code,
      area: place?.slug ?? '',
      status: row.status as LiveTicketChange['status'],
    }
    return { centreId: row.centreId, audience: 'staff', event: 'ticket', data: change }
  }

  /**
   * A call goes out with the queue figures it changed and the staff notice, published together: the
   * hub sends the three to each screen in one write.
   */
  async function publishCall(row: Ticket) {
    const [change, [call], queue] = await Promise.all([
      ticketMessage(row),
      // The ticket's latest call: the one just made.
      listCalls(db, { centreId: row.centreId, serviceDate: row.serviceDate, ticketId: row.id, limit: 1 }),
      queueMessage(row.centreId),
    ])
    await Promise.all([bus.publish(change), call && bus.publish(call), bus.publish(queue)])
  }

  /**
   * What a new stream sees first, shared by the streams that open at the same moment (every screen
   * of a centre reconnecting after a restart) until anything happens at the centre.
   */
  const snapshots = new Map<string, Map<string, Promise<LiveMessage[]>>>()
  // Lives as long as the bus: both belong to the app.
  bus.subscribe((message) => snapshots.delete(message.centreId))

  async function buildSnapshot(home: typeof centre.$inferSelect, lastEventId: number | undefined) {
    const serviceDate = localDateOf(deps.now(), home.timezone)
    const [queue, calls] = await Promise.all([
      queueMessage(home.id),
      listCalls(db, { centreId: home.id, serviceDate, afterId: lastEventId }),
    ])
    return [queue, ...calls]
  }

  return {
    /** A ticket changed; `called` when the change was a call or a recall to announce. */
    async ticketChanged(changed: Ticket | string, options: { called?: boolean } = {}) {
      try {
        const [row] =
          typeof changed === 'string'
            ? await db.select().from(ticket).where(eq(ticket.id, changed))
            : [changed]
        if (!row) return
        if (options.called) return await publishCall(row)
        refreshQueue(row.centreId)
        await bus.publish(await ticketMessage(row))
      } catch (error) {
        report(error)
      }
    },
    /** Opening hours, desks or areas changed the queue figures without any ticket changing. */
    queueChanged(centreId: string) {
      refreshQueue(centreId)
    },
    queueMessage,
    /** What a new public stream sees first: the queue now, then recent calls or the ones it missed. */
    publicSnapshot(home: typeof centre.$inferSelect, lastEventId: number | undefined) {
      const key = String(lastEventId ?? '')
      const forCentre = snapshots.get(home.id) ?? new Map<string, Promise<LiveMessage[]>>()
      snapshots.set(home.id, forCentre)
      let snapshot = forCentre.get(key)
      if (!snapshot) {
        snapshot = buildSnapshot(home, lastEventId)
        forCentre.set(key, snapshot)
        // Opening status turns with the clock too: a snapshot is shared for a moment only.
        const expire = () => forCentre.get(key) === snapshot && forCentre.delete(key)
        snapshot.then(() => setTimeout(expire, SNAPSHOT_TTL_MS).unref(), expire)
      }
      return snapshot
    },
  }
}
