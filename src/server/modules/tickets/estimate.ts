import { and, arrayContains, count, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm'
import type { WaitEstimate } from '../../../shared/schemas/tickets'
import type { Database } from '../../db/client'
import { deskSession, ticket } from '../../db/schema/tickets'
import { together } from '../../db/together'

/** Used until an area has finished interviews of its own to learn from. */
const DEFAULT_SERVICE_MINUTES = 15
const RECENT_INTERVIEWS = 30

/** A range people can plan with ("about 10–20 min"), rounded to 5 minutes, from an expected wait. */
export function waitRange(expectedMinutes: number): WaitEstimate {
  if (expectedMinutes <= 0) return { minMinutes: 0, maxMinutes: 5 }
  const minMinutes = Math.max(0, Math.floor((expectedMinutes * 0.75) / 5) * 5)
  const maxMinutes = Math.max(minMinutes + 5, Math.ceil((expectedMinutes * 1.25) / 5) * 5)
  return { minMinutes, maxMinutes }
}

/** Average of the area's recent interview durations, in minutes. */
export async function averageServiceMinutes(db: Database, areaId: string): Promise<number> {
  const recent = db
    .select({
      seconds: sql<number>`extract(epoch from ${ticket.endedAt} - ${ticket.startedAt})`.as('seconds'),
    })
    .from(ticket)
    .where(
      and(
        eq(ticket.areaId, areaId),
        eq(ticket.status, 'done'),
        isNotNull(ticket.startedAt),
        isNotNull(ticket.endedAt),
      ),
    )
    .orderBy(desc(ticket.endedAt))
    .limit(RECENT_INTERVIEWS)
    .as('recent')
  const [row] = await db.select({ average: sql<string | null>`avg(${recent.seconds})` }).from(recent)
  const seconds = row?.average === null || row?.average === undefined ? null : Number(row.average)
  return seconds && seconds > 0 ? seconds / 60 : DEFAULT_SERVICE_MINUTES
}

export async function countOpenDesks(db: Database, areaId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(deskSession)
    .where(and(isNull(deskSession.closedAt), arrayContains(deskSession.areaIds, [areaId])))
  return row?.n ?? 0
}

/** Tickets ahead of one arriving at `queuedAt` in an area today, plus one (itself). */
export async function positionInQueue(
  db: Database,
  options: { areaId: string; serviceDate: string; queuedAt: Date },
) {
  const [row] = await db
    .select({ n: count() })
    .from(ticket)
    .where(
      and(
        eq(ticket.areaId, options.areaId),
        eq(ticket.serviceDate, options.serviceDate),
        eq(ticket.status, 'waiting'),
        lt(ticket.queuedAt, options.queuedAt),
      ),
    )
  return (row?.n ?? 0) + 1
}

/**
 * Expected wait for the `position`-th person in an area's queue: the people ahead, plus on average half an
 * interview already under way, shared between the desks serving the area (at least one is assumed).
 */
export async function estimateWait(db: Database, options: { areaId: string; position: number }) {
  const [minutes, desks] = await together(
    db,
    () => averageServiceMinutes(db, options.areaId),
    () => countOpenDesks(db, options.areaId),
  )
  return waitRange(((Math.max(0, options.position - 1) + 0.5) * minutes) / Math.max(1, desks))
}

export async function countWaiting(db: Database, options: { areaId: string; serviceDate: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(ticket)
    .where(
      and(
        eq(ticket.areaId, options.areaId),
        eq(ticket.serviceDate, options.serviceDate),
        eq(ticket.status, 'waiting'),
      ),
    )
  return row?.n ?? 0
}
