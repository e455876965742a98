import { and, asc, eq, sql } from 'drizzle-orm'
import type { StaffEvent, StaffEventSummary } from '../../../shared/schemas/events'
import type { Database } from '../../db/client'
import { booking, event, eventArea, eventOrganiser, eventSession, eventTheme } from '../../db/schema/events'
import { notFound } from '../../http/errors'
import type { PartnerWriter } from '../auth/partner-writer'

const iso = (value: Date | null) => (value === null ? null : value.toISOString())

/** A manager changes any event; a partner coordinator those their partner runs. */
const mayChange = (writer: PartnerWriter | null, partnerIds: string[]) =>
  writer !== null && (writer.kind === 'manager' || partnerIds.includes(writer.partnerId))

/**
 * One event of the centre with its links and its sessions, each with seats booked and bookings waiting,
 * and whether the reader (`writer`, or `null` for someone who may only read) may change it.
 */
export async function getStaffEvent(options: {
  db: Database
  centreId: string
  eventId: string
  writer: PartnerWriter | null
}): Promise<StaffEvent> {
  const { db, eventId } = options
  const [row] = await db
    .select()
    .from(event)
    .where(and(eq(event.centreId, options.centreId), eq(event.id, eventId)))
  if (!row) throw notFound('error.event.notFound')
  const [organisers, areas, themes, sessions] = await Promise.all([
    db
      .select({ id: eventOrganiser.partnerId })
      .from(eventOrganiser)
      .where(eq(eventOrganiser.eventId, eventId)),
    db.select({ id: eventArea.areaId }).from(eventArea).where(eq(eventArea.eventId, eventId)),
    db.select({ id: eventTheme.themeId }).from(eventTheme).where(eq(eventTheme.eventId, eventId)),
    db
      .select({
        session: eventSession,
        bookedSeats:
          sql<number>`coalesce(sum(${booking.seats}) filter (where ${booking.status} = 'confirmed'), 0)`.mapWith(
            Number,
          ),
        waitingBookings:
          sql<number>`count(${booking.id}) filter (where ${booking.status} = 'waiting')`.mapWith(Number),
        checkedIn: sql<number>`coalesce(sum(${booking.checkedIn}), 0)`.mapWith(Number),
      })
      .from(eventSession)
      .leftJoin(booking, eq(booking.sessionId, eventSession.id))
      .where(eq(eventSession.eventId, eventId))
      .groupBy(eventSession.id)
      .orderBy(asc(eventSession.startsAt), asc(eventSession.id)),
  ])
  const ids = (rows: { id: string }[]) => rows.map((entry) => entry.id).sort()
  return {
    id: row.id,
    type: row.type as StaffEvent['type'],
    title: row.title,
    description: row.description,
    audiences: row.audiences,
    language: row.language,
    accessibility: row.accessibility,
    place: row.place,
    offSite: row.offSite,
    coOrganisers: row.coOrganisers,
    partnerIds: ids(organisers),
    areaIds: ids(areas),
    themeIds: ids(themes),
    cancelled: row.cancelledAt !== null,
    canEdit: mayChange(options.writer, ids(organisers)),
    sessions: sessions.map(({ session, bookedSeats, waitingBookings, checkedIn }) => ({
      id: session.id,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      booking: session.booking,
      capacity: session.capacity,
      walkInSeats: session.walkInSeats,
      walkInReleaseAt: iso(session.walkInReleaseAt),
      prioritySeats: session.prioritySeats,
      maxGroup: session.maxGroup,
      bookingOpensAt: iso(session.bookingOpensAt),
      bookingClosesAt: iso(session.bookingClosesAt),
      cancelled: session.cancelledAt !== null || row.cancelledAt !== null,
      bookedSeats,
      waitingBookings,
      checkedIn,
      dropIns: session.dropIns,
    })),
  }
}

/**
 * The centre's events that still have a session to come (or ended within the last week), soonest first,
 * each saying whether `writer` may change it (null: a reader who may change none).
 */
export async function listStaffEvents(options: {
  db: Database
  centreId: string
  writer: PartnerWriter | null
  now: Date
}): Promise<StaffEventSummary[]> {
  const { db, centreId, writer, now } = options
  const since = new Date(now.getTime() - 7 * 86_400_000)
  const rows = await db
    .select({
      id: event.id,
      type: event.type,
      title: event.title,
      cancelledAt: event.cancelledAt,
      sessions: sql<number>`count(distinct ${eventSession.id})`.mapWith(Number),
      nextStartsAt: sql<Date | null>`min(${eventSession.startsAt}) filter (where ${eventSession.startsAt} >= ${now})`,
      lastEndsAt: sql<Date>`max(${eventSession.endsAt})`,
      partnerIds: sql<
        string[]
      >`coalesce(array_agg(distinct ${eventOrganiser.partnerId}) filter (where ${eventOrganiser.partnerId} is not null), '{}')`,
      bookedSeats:
        sql<number>`coalesce((select sum(b.seats) from ${booking} b join ${eventSession} s on s.id = b.session_id
        where s.event_id = ${event.id} and b.status = 'confirmed'), 0)`.mapWith(Number),
    })
    .from(event)
    .innerJoin(eventSession, eq(eventSession.eventId, event.id))
    .leftJoin(eventOrganiser, eq(eventOrganiser.eventId, event.id))
    .where(eq(event.centreId, centreId))
    .groupBy(event.id)
    .having(sql`max(${eventSession.endsAt}) >= ${since}`)
    .orderBy(
      sql`min(${eventSession.startsAt}) filter (where ${eventSession.startsAt} >= ${now}) nulls last`,
      asc(event.id),
    )
  return rows.map((row) => ({
    id: row.id,
    type: row.type as StaffEventSummary['type'],
    title: row.title,
    cancelled: row.cancelledAt !== null,
    partnerIds: [...row.partnerIds].sort(),
    sessions: row.sessions,
    nextStartsAt: row.nextStartsAt ? new Date(row.nextStartsAt).toISOString() : null,
    bookedSeats: row.bookedSeats,
    canEdit: mayChange(writer, row.partnerIds),
  }))
}
