import { and, eq, inArray, notInArray, sql } from 'drizzle-orm'
import { type EventInput, eventInputSchema } from '../../../shared/schemas/events'
import type { Database } from '../../db/client'
import { area, partner } from '../../db/schema/centres'
import { booking, event, eventArea, eventOrganiser, eventSession, eventTheme } from '../../db/schema/events'
import { resourceTheme } from '../../db/schema/resources'
import { AppError, conflict, fieldRefusal, forbidden, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { type PartnerWriter, partnerForNew } from '../auth/partner-writer'
import { countOfCentre } from '../centres/of-centre'
import { promoteWaiting } from './bookings'

type Write = { db: Database; centreId: string; actorUserId: string | null; writer: PartnerWriter; now: Date }
type EventValues = ReturnType<typeof eventInputSchema.parse>

/**
 * The event's partners, areas and themes, each checked to be the centre's. A partner coordinator's own
 * partner is always an organiser: they cannot write an event they could not change afterwards.
 */
async function resolveLinks(tx: Database, centreId: string, values: EventValues, writer: PartnerWriter) {
  const own = partnerForNew(writer)
  const partnerIds = own && !values.partnerIds.includes(own) ? [own, ...values.partnerIds] : values.partnerIds
  const [partners, areas, themes] = await Promise.all([
    countOfCentre(tx, partner, centreId, partnerIds),
    countOfCentre(tx, area, centreId, values.areaIds),
    countOfCentre(tx, resourceTheme, centreId, values.themeIds),
  ])
  if (partners !== partnerIds.length) throw fieldRefusal('partnerIds', 'error.event.unknownPartner')
  if (areas !== values.areaIds.length) throw fieldRefusal('areaIds', 'error.event.unknownArea')
  if (themes !== values.themeIds.length) throw fieldRefusal('themeIds', 'error.event.unknownTheme')
  return { partnerIds, areaIds: values.areaIds, themeIds: values.themeIds }
}

async function writeLinks(tx: Database, eventId: string, links: Awaited<ReturnType<typeof resolveLinks>>) {
  await tx.delete(eventOrganiser).where(eq(eventOrganiser.eventId, eventId))
  await tx.delete(eventArea).where(eq(eventArea.eventId, eventId))
  await tx.delete(eventTheme).where(eq(eventTheme.eventId, eventId))
  if (links.partnerIds.length > 0)
    await tx.insert(eventOrganiser).values(links.partnerIds.map((partnerId) => ({ eventId, partnerId })))
  if (links.areaIds.length > 0)
    await tx.insert(eventArea).values(links.areaIds.map((areaId) => ({ eventId, areaId })))
  if (links.themeIds.length > 0)
    await tx.insert(eventTheme).values(links.themeIds.map((themeId) => ({ eventId, themeId })))
}

const eventColumns = (values: EventValues) => ({
  type: values.type,
  title: values.title as Record<string, string>,
  description: values.description as Record<string, string>,
  audiences: values.audiences,
  language: values.language,
  accessibility: values.accessibility,
  place: values.place,
  offSite: values.offSite,
  coOrganisers: values.coOrganisers,
})

const date = (value: string | null) => (value === null ? null : new Date(value))
const sessionColumns = (session: EventValues['sessions'][number]) => ({
  startsAt: new Date(session.startsAt),
  endsAt: new Date(session.endsAt),
  booking: session.booking,
  capacity: session.booking ? session.capacity : null,
  walkInSeats: session.booking ? session.walkInSeats : 0,
  walkInReleaseAt: session.booking ? date(session.walkInReleaseAt) : null,
  prioritySeats: session.booking ? session.prioritySeats : 0,
  maxGroup: session.maxGroup,
  bookingOpensAt: session.booking ? date(session.bookingOpensAt) : null,
  bookingClosesAt: session.booking ? date(session.bookingClosesAt) : null,
})

/** Adds an event with its sessions; a partner coordinator's carries their partner. */
export async function createEvent(options: Write & { input: EventInput }): Promise<string> {
  const { centreId, writer, now } = options
  const values = eventInputSchema.parse(options.input)
  if (values.sessions.some((session) => session.id))
    throw fieldRefusal('sessions', 'error.event.unknownSession')
  return options.db.transaction(async (tx) => {
    const links = await resolveLinks(tx, centreId, values, writer)
    const [row] = await tx
      .insert(event)
      .values({ centreId, ...eventColumns(values), createdAt: now, updatedAt: now })
      .returning({ id: event.id })
    if (!row) throw new Error('event insert returned nothing')
    await writeLinks(tx, row.id, links)
    await tx
      .insert(eventSession)
      .values(values.sessions.map((session) => ({ eventId: row.id, centreId, ...sessionColumns(session) })))
    await recordAudit(tx, {
      actorUserId: options.actorUserId,
      centreId,
      action: 'create',
      entity: 'event',
      entityId: row.id,
      data: { title: values.title, sessions: values.sessions.length },
    })
    return row.id
  })
}

/** The event, locked for the write, if the writer may change it: managers any, a coordinator their partner's. */
async function lockChangeable(tx: Database, centreId: string, eventId: string, writer: PartnerWriter) {
  const [current] = await tx
    .select({ id: event.id, cancelledAt: event.cancelledAt })
    .from(event)
    .where(and(eq(event.centreId, centreId), eq(event.id, eventId)))
    .for('update')
  if (!current) throw notFound('error.event.notFound')
  if (writer.kind === 'partner') {
    const [organiser] = await tx
      .select({ partnerId: eventOrganiser.partnerId })
      .from(eventOrganiser)
      .where(and(eq(eventOrganiser.eventId, eventId), eq(eventOrganiser.partnerId, writer.partnerId)))
    if (!organiser) throw forbidden()
  }
  return current
}

/**
 * Changes an event and its sessions. A session kept (by `id`) is changed under its lock: its capacity
 * may not go below the seats already confirmed, and seats it gains go to its waiting list at once. A
 * session left out is removed, or cancelled when people booked it (they see it on their booking).
 */
export async function updateEvent(options: Write & { eventId: string; input: EventInput }): Promise<void> {
  const { centreId, writer, now, eventId } = options
  const values = eventInputSchema.parse(options.input)
  await options.db.transaction(async (tx) => {
    await lockChangeable(tx, centreId, eventId, writer)
    const links = await resolveLinks(tx, centreId, values, writer)
    await tx
      .update(event)
      .set({ ...eventColumns(values), updatedAt: now })
      .where(eq(event.id, eventId))
    await writeLinks(tx, eventId, links)
    const existing = await tx
      .select({ id: eventSession.id })
      .from(eventSession)
      .where(eq(eventSession.eventId, eventId))
      .orderBy(eventSession.id)
      .for('update')
    const known = new Set(existing.map((row) => row.id))
    const kept = values.sessions.flatMap((session) => (session.id ? [session.id] : []))
    if (kept.some((id) => !known.has(id))) throw fieldRefusal('sessions', 'error.event.unknownSession')
    for (const session of values.sessions) {
      if (!session.id) {
        await tx.insert(eventSession).values({ eventId, centreId, ...sessionColumns(session) })
        continue
      }
      const [booked] = await tx
        .select({ seats: sql<number>`coalesce(sum(${booking.seats}), 0)`.mapWith(Number) })
        .from(booking)
        .where(and(eq(booking.sessionId, session.id), eq(booking.status, 'confirmed')))
      const columns = sessionColumns(session)
      if ((booked?.seats ?? 0) > 0 && (!columns.booking || (columns.capacity ?? 0) < (booked?.seats ?? 0)))
        throw new AppError(
          'conflict',
          'error.session.capacityBelowBooked',
          { booked: booked?.seats ?? 0 },
          { capacity: { key: 'error.session.capacityBelowBooked', values: { booked: booked?.seats ?? 0 } } },
        )
      await tx
        .update(eventSession)
        .set({ ...columns, updatedAt: now })
        .where(eq(eventSession.id, session.id))
      await promoteWaiting(tx, session.id, now)
    }
    const dropped = existing.map((row) => row.id).filter((id) => !kept.includes(id))
    if (dropped.length > 0) {
      const withBookings = await tx
        .selectDistinct({ id: booking.sessionId })
        .from(booking)
        .where(and(inArray(booking.sessionId, dropped), notInArray(booking.status, ['cancelled'])))
      const cancel = withBookings.map((row) => row.id)
      if (cancel.length > 0)
        await tx
          .update(eventSession)
          .set({ cancelledAt: now, updatedAt: now })
          .where(inArray(eventSession.id, cancel))
      const remove = dropped.filter((id) => !cancel.includes(id))
      if (remove.length > 0) await tx.delete(eventSession).where(inArray(eventSession.id, remove))
    }
    await recordAudit(tx, {
      actorUserId: options.actorUserId,
      centreId,
      action: 'update',
      entity: 'event',
      entityId: eventId,
      data: { title: values.title, sessions: values.sessions.length },
    })
  })
}

/** Cancels an event and so all its sessions; their bookings are kept (no new ones are taken). */
export async function cancelEvent(options: Omit<Write, 'now'> & { eventId: string; now: Date }) {
  const { centreId, writer, now, eventId } = options
  await options.db.transaction(async (tx) => {
    const current = await lockChangeable(tx, centreId, eventId, writer)
    if (current.cancelledAt) throw conflict('error.event.cancelled')
    await tx.update(event).set({ cancelledAt: now, updatedAt: now }).where(eq(event.id, eventId))
    await recordAudit(tx, {
      actorUserId: options.actorUserId,
      centreId,
      action: 'cancel',
      entity: 'event',
      entityId: eventId,
    })
  })
}
