import { TZDate } from '@date-fns/tz'
import { addDays, format } from 'date-fns'
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import { pickText } from '../../../shared/i18n/locales'
import type {
  Programme,
  ProgrammeEvent,
  ProgrammeFilters,
  ProgrammeSession,
} from '../../../shared/schemas/events'
import type { Database } from '../../db/client'
import { area, type centre, partner } from '../../db/schema/centres'
import { booking, event, eventArea, eventOrganiser, eventSession } from '../../db/schema/events'
import { notFound } from '../../http/errors'
import { localDateOf } from '../centres/opening-status'
import { seatsFree } from './bookings'

type Centre = typeof centre.$inferSelect

/** How far ahead the programme looks by default. */
const DEFAULT_WEEKS = 8
/** The most sessions one answer lists. */
const MAX_SESSIONS = 500

/** The instant a day of the centre begins (or the day `plusDays` after it). */
export function startOfDay(day: string, timezone: string, plusDays = 0): Date {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(
    new TZDate(year ?? 2000, (month ?? 1) - 1, (date ?? 1) + plusDays, 0, 0, 0, timezone).getTime(),
  )
}

/**
 * The centre's sessions between two of its days (today and eight weeks by default), filtered by area,
 * type, audience and language spoken, each with its seats left. Organisers are listed alphabetically,
 * by name only: no partner is put forward.
 */
export async function listProgramme(options: {
  db: Database
  home: Centre
  filters: ProgrammeFilters
  language: string
  now: Date
}): Promise<Programme> {
  const { db, home, filters, now } = options
  const from = filters.from ?? localDateOf(now, home.timezone)
  const to = filters.to ?? format(addDays(new Date(`${from}T12:00:00Z`), DEFAULT_WEEKS * 7 - 1), 'yyyy-MM-dd')
  const conditions = [
    eq(eventSession.centreId, home.id),
    gte(eventSession.startsAt, startOfDay(from, home.timezone)),
    lt(eventSession.startsAt, startOfDay(to, home.timezone, 1)),
  ]
  if (filters.type) conditions.push(eq(event.type, filters.type))
  if (filters.language) conditions.push(eq(event.language, filters.language))
  if (filters.audience) conditions.push(sql`${filters.audience} = any(${event.audiences})`)
  if (filters.area)
    conditions.push(sql`exists (select 1 from ${eventArea} ea join ${area} a on a.id = ea.area_id
      where ea.event_id = ${event.id} and a.slug = ${filters.area})`)
  const rows = await db
    .select({ session: eventSession, event })
    .from(eventSession)
    .innerJoin(event, eq(event.id, eventSession.eventId))
    .where(and(...conditions))
    .orderBy(asc(eventSession.startsAt), asc(eventSession.id))
    .limit(MAX_SESSIONS)
  return { from, to, items: await presentSessions(db, rows, options.language, home, now) }
}

type Row = { session: typeof eventSession.$inferSelect; event: typeof event.$inferSelect }

/** Sessions as visitors see them, with their areas, organisers and seats left, in a few queries. */
export async function presentSessions(
  db: Database,
  rows: Row[],
  language: string,
  home: Centre,
  now: Date,
): Promise<ProgrammeSession[]> {
  if (rows.length === 0) return []
  const sessionIds = rows.map((row) => row.session.id)
  const eventIds = [...new Set(rows.map((row) => row.event.id))]
  const [booked, areas, organisers] = await Promise.all([
    db
      .select({
        sessionId: booking.sessionId,
        seats:
          sql<number>`coalesce(sum(${booking.seats}) filter (where ${booking.status} = 'confirmed'), 0)`.mapWith(
            Number,
          ),
        prioritySeats:
          sql<number>`coalesce(sum(${booking.seats}) filter (where ${booking.status} = 'confirmed' and ${booking.priority}), 0)`.mapWith(
            Number,
          ),
        waiting: sql<number>`count(*) filter (where ${booking.status} = 'waiting')`.mapWith(Number),
      })
      .from(booking)
      .where(inArray(booking.sessionId, sessionIds))
      .groupBy(booking.sessionId),
    db
      .select({ eventId: eventArea.eventId, slug: area.slug, name: area.name, colour: area.colour })
      .from(eventArea)
      .innerJoin(area, eq(area.id, eventArea.areaId))
      .where(inArray(eventArea.eventId, eventIds))
      .orderBy(asc(area.position), asc(area.slug)),
    db
      .select({ eventId: eventOrganiser.eventId, name: partner.name })
      .from(eventOrganiser)
      .innerJoin(partner, eq(partner.id, eventOrganiser.partnerId))
      .where(inArray(eventOrganiser.eventId, eventIds)),
  ])
  const languages = [language, home.defaultLanguage]
  return rows.map(({ session, event: row }) => {
    const counts = booked.find((entry) => entry.sessionId === session.id) ?? {
      seats: 0,
      prioritySeats: 0,
      waiting: 0,
    }
    const cancelled = session.cancelledAt !== null || row.cancelledAt !== null
    const names = [
      ...organisers.filter((entry) => entry.eventId === row.id).map((entry) => entry.name),
      ...row.coOrganisers,
    ].sort((a, b) => a.localeCompare(b, language))
    const open =
      session.booking &&
      !cancelled &&
      (!session.bookingOpensAt || now >= session.bookingOpensAt) &&
      now < (session.bookingClosesAt ?? session.startsAt)
    return {
      sessionId: session.id,
      eventId: row.id,
      type: row.type as ProgrammeSession['type'],
      title: pickText(row.title, ...languages),
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      place: row.place,
      offSite: row.offSite,
      language: row.language,
      audiences: row.audiences,
      accessibility: row.accessibility,
      areas: areas
        .filter((entry) => entry.eventId === row.id)
        .map(({ slug, name, colour }) => ({ slug, name, colour })),
      organisers: [...new Set(names)],
      booking: session.booking,
      maxGroup: session.maxGroup,
      priorityShare: session.booking && session.prioritySeats > 0,
      seatsLeft: session.booking ? seatsFree(session, counts, false, now) : null,
      prioritySeatsLeft: session.booking ? seatsFree(session, counts, true, now) : null,
      waitingList: counts.waiting > 0,
      bookingOpen: open,
      bookingOpensAt:
        session.bookingOpensAt && now < session.bookingOpensAt ? session.bookingOpensAt.toISOString() : null,
      cancelled,
    }
  })
}

/** One event of the centre for its page: texts in the visitor's language, sessions from today on. */
export async function getProgrammeEvent(options: {
  db: Database
  home: Centre
  eventId: string
  language: string
  now: Date
}): Promise<ProgrammeEvent> {
  const { db, home, eventId, now } = options
  const [row] = await db
    .select()
    .from(event)
    .where(and(eq(event.centreId, home.id), eq(event.id, eventId)))
  if (!row) throw notFound('error.event.notFound')
  const sessions = await db
    .select({ session: eventSession, event })
    .from(eventSession)
    .innerJoin(event, eq(event.id, eventSession.eventId))
    .where(
      and(
        eq(eventSession.eventId, eventId),
        gte(eventSession.endsAt, startOfDay(localDateOf(now, home.timezone), home.timezone)),
      ),
    )
    .orderBy(asc(eventSession.startsAt), asc(eventSession.id))
    .limit(MAX_SESSIONS)
  const textLanguage =
    [options.language, home.defaultLanguage].find((language) => row.title[language]) ??
    Object.keys(row.title)[0] ??
    options.language
  return {
    id: row.id,
    type: row.type as ProgrammeEvent['type'],
    title: pickText(row.title, options.language, home.defaultLanguage),
    description: pickText(row.description, textLanguage, options.language, home.defaultLanguage),
    textLanguage,
    cancelled: row.cancelledAt !== null,
    sessions: await presentSessions(db, sessions, options.language, home, now),
  }
}
