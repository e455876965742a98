import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type {
  ActiveTicket,
  QueueArea,
  StaffTicket,
  TrackedTicket,
  WalkInBoard,
} from '../../../shared/schemas/tickets'
import type { Database } from '../../db/client'
import { area, centre, desk } from '../../db/schema/centres'
import { deskSession, ticket, ticketStep } from '../../db/schema/tickets'
import { notFound } from '../../http/errors'
import { loadOpenStatuses } from '../centres/area-status'
import { listAreas } from '../centres/areas-service'
import { getCentreBySlug } from '../centres/centres-service'
import { localDateOf } from '../centres/opening-status'
import { countOpenDesks, countWaiting, estimateWait, positionInQueue } from './estimate'
import { hashTrackToken } from './issue-ticket'

type Ticket = typeof ticket.$inferSelect

async function namesOf(db: Database, areaIds: string[], deskIds: string[]) {
  const [areas, desks] = await Promise.all([
    areaIds.length
      ? db.select({ id: area.id, slug: area.slug }).from(area).where(inArray(area.id, areaIds))
      : [],
    deskIds.length
      ? db.select({ id: desk.id, name: desk.name }).from(desk).where(inArray(desk.id, deskIds))
      : [],
  ])
  return {
    area: (id: string | null) => areas.find((a) => a.id === id)?.slug ?? null,
    desk: (id: string | null) => desks.find((d) => d.id === id)?.name ?? null,
  }
}

/** A ticket for staff screens, with the thread of its steps and their handover notes. */
export async function presentStaffTicket(db: Database, row: Ticket): Promise<StaffTicket> {
  const steps = await db
    .select()
    .from(ticketStep)
    .where(eq(ticketStep.ticketId, row.id))
    .orderBy(asc(ticketStep.id))
  const ids = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))]
  const names = await namesOf(
    db,
    ids([row.areaId, ...steps.map((s) => s.areaId)]),
    ids([row.calledDeskId, ...steps.map((s) => s.deskId)]),
  )
  return {
    id: row.id,
    code: row.code,
    area: names.area(row.areaId) ?? '',
    language: row.language,
    priority: row.priority,
    channel: row.channel as StaffTicket['channel'],
    status: row.status as StaffTicket['status'],
    queuedAt: row.queuedAt.toISOString(),
    calledAt: row.calledAt?.toISOString() ?? null,
    desk: names.desk(row.calledDeskId),
    recallCount: row.recallCount,
    handoverNote: row.handoverNote,
    steps: steps.map((s) => ({
      kind: s.kind,
      at: s.at.toISOString(),
      area: names.area(s.areaId),
      desk: names.desk(s.deskId),
      note: s.note,
    })),
  }
}

/** What the visitor's phone shows, found by the secret token only. */
export async function trackTicket({ db, token }: { db: Database; token: string }): Promise<TrackedTicket> {
  const [row] = await db
    .select()
    .from(ticket)
    .where(eq(ticket.trackTokenHash, hashTrackToken(token)))
  if (!row) throw notFound('error.ticket.notFound')
  const names = await namesOf(db, [row.areaId], row.calledDeskId ? [row.calledDeskId] : [])
  const [home] = await db.select({ slug: centre.slug }).from(centre).where(eq(centre.id, row.centreId))
  const waiting = row.status === 'waiting'
  const position = waiting
    ? await positionInQueue(db, { areaId: row.areaId, serviceDate: row.serviceDate, queuedAt: row.queuedAt })
    : null
  return {
    centre: home?.slug ?? '',
    code: row.code,
    area: names.area(row.areaId) ?? '',
    status: row.status as TrackedTicket['status'],
    position,
    estimatedWait: position ? await estimateWait(db, { areaId: row.areaId, position }) : null,
    desk: row.status === 'called' || row.status === 'in_service' ? names.desk(row.calledDeskId) : null,
  }
}

/** Per area: open now, people waiting, desks serving it, and the wait a newcomer can expect. */
export async function getQueueOverview({
  db,
  slug,
  now,
}: {
  db: Database
  slug: string
  now: Date
}): Promise<QueueArea[]> {
  return queueOverviewOf({ db, home: await getCentreBySlug({ db, slug }), now })
}

export async function queueOverviewOf({
  db,
  home,
  now,
}: {
  db: Database
  home: Pick<typeof centre.$inferSelect, 'id' | 'timezone'>
  now: Date
}): Promise<QueueArea[]> {
  const serviceDate = localDateOf(now, home.timezone)
  const [areas, statuses] = await Promise.all([
    listAreas({ db, centreId: home.id }),
    loadOpenStatuses({ db, home, now }),
  ])
  return Promise.all(
    areas.map(async (row) => {
      const [waiting, desksOpen] = await Promise.all([
        countWaiting(db, { areaId: row.id, serviceDate }),
        countOpenDesks(db, row.id),
      ])
      const status = statuses.area(row.id)
      return {
        area: row.slug,
        isOpen: status.isOpen,
        dayOverride: status.dayOverride,
        waiting,
        desksOpen,
        estimatedWait: await estimateWait(db, { areaId: row.id, position: waiting + 1 }),
      }
    }),
  )
}

/** Tickets still in play today at a centre, oldest first (for reception and desks). */
export async function listActiveTickets({
  db,
  centreId,
  serviceDate,
}: {
  db: Database
  centreId: string
  serviceDate: string
}) {
  return db
    .select()
    .from(ticket)
    .where(
      and(
        eq(ticket.centreId, centreId),
        eq(ticket.serviceDate, serviceDate),
        inArray(ticket.status, ['waiting', 'called', 'in_service']),
      ),
    )
    .orderBy(asc(ticket.queuedAt))
}

/** What reception and desk consoles show: today's tickets in play, and the desks open now. */
export async function getWalkInBoard({
  db,
  home,
  now,
}: {
  db: Database
  home: Pick<typeof centre.$inferSelect, 'id' | 'timezone'>
  now: Date
}): Promise<WalkInBoard> {
  const serviceDate = localDateOf(now, home.timezone)
  const [rows, areas, sessions] = await Promise.all([
    listActiveTickets({ db, centreId: home.id, serviceDate }),
    listAreas({ db, centreId: home.id }),
    db
      .select({ session: deskSession })
      .from(deskSession)
      .innerJoin(desk, eq(desk.id, deskSession.deskId))
      .where(and(eq(desk.centreId, home.id), isNull(deskSession.closedAt)))
      .orderBy(asc(desk.position), asc(desk.name)),
  ])
  const slugOf = (id: string) => areas.find((a) => a.id === id)?.slug ?? ''
  return {
    tickets: rows.map((row) => ({
      id: row.id,
      code: row.code,
      area: slugOf(row.areaId),
      language: row.language,
      priority: row.priority,
      channel: row.channel as ActiveTicket['channel'],
      status: row.status as ActiveTicket['status'],
      queuedAt: row.queuedAt.toISOString(),
      calledAt: row.calledAt?.toISOString() ?? null,
      desk: row.calledDeskId,
      targetDesk: row.targetDeskId,
      hasNote: row.handoverNote !== null,
    })),
    sessions: sessions.map(({ session }) => ({
      desk: session.deskId,
      areas: session.areaIds.map(slugOf),
      languages: session.languages,
      openedAt: session.openedAt.toISOString(),
    })),
  }
}
