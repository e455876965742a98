import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { eventTypes } from '../../../shared/schemas/events'
import { area, centre, type LocalizedText, partner } from './centres'
import { inList, resourceTheme } from './resources'

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}

/** A workshop, club, information session, conference, forum, recruitment day or visit. */
export const event = pgTable(
  'event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull(),
    audiences: text('audiences').array().notNull().default(sql`'{}'`),
    /** The language spoken. */
    language: text('language').notNull(),
    accessibility: text('accessibility').array().notNull().default(sql`'{}'`),
    /** A room of the centre, or an address elsewhere (`offSite`). */
    place: text('place').notNull(),
    offSite: boolean('off_site').notNull().default(false),
    /** Outside organisations that co-designed it, by name only. */
    coOrganisers: text('co_organisers').array().notNull().default(sql`'{}'`),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('event_centre_idx').on(t.centreId),
    check('event_type_check', sql`${t.type} in (${inList(eventTypes)})`),
  ],
)

/** The centre's partners that run an event (several may): a partner coordinator manages their own. */
export const eventOrganiser = pgTable(
  'event_organiser',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.partnerId] }),
    index('event_organiser_partner_idx').on(t.partnerId),
  ],
)

export const eventArea = pgTable(
  'event_area',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.areaId] }), index('event_area_area_idx').on(t.areaId)],
)

export const eventTheme = pgTable(
  'event_theme',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => resourceTheme.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.themeId] })],
)

/**
 * One occurrence of an event (a club has one per meeting). Free entry counts heads only; with booking,
 * `capacity` seats, of which `walkInSeats` are kept for people who come on the day until
 * `walkInReleaseAt`, and `prioritySeats` for a priority audience (self-declared, never checked).
 */
export const eventSession = pgTable(
  'event_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    booking: boolean('booking').notNull().default(false),
    capacity: integer('capacity'),
    walkInSeats: integer('walk_in_seats').notNull().default(0),
    walkInReleaseAt: timestamp('walk_in_release_at', { withTimezone: true }),
    prioritySeats: integer('priority_seats').notNull().default(0),
    /** The most seats one booking may hold (a group). */
    maxGroup: smallint('max_group').notNull().default(4),
    bookingOpensAt: timestamp('booking_opens_at', { withTimezone: true }),
    bookingClosesAt: timestamp('booking_closes_at', { withTimezone: true }),
    /** People who came without a booking, counted at the door. */
    dropIns: integer('drop_ins').notNull().default(0),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('event_session_event_idx').on(t.eventId),
    index('event_session_centre_starts_idx').on(t.centreId, t.startsAt),
    check('event_session_span_check', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'event_session_seats_check',
      sql`not ${t.booking} or (${t.capacity} > 0 and ${t.walkInSeats} >= 0 and ${t.prioritySeats} >= 0
        and ${t.walkInSeats} + ${t.prioritySeats} <= ${t.capacity})`,
    ),
    check('event_session_group_check', sql`${t.maxGroup} between 1 and 20`),
  ],
)

export const BOOKING_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const

/**
 * Seats booked without a name: found by the hash of its code only (the code itself is never stored).
 * `position` is the order of arrival, which the waiting list follows. The reminder contact is optional,
 * given by explicit choice, and erased once the session is over.
 */
export const booking = pgTable(
  'booking',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => eventSession.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull().unique(),
    position: bigserial('position', { mode: 'number' }).notNull(),
    seats: smallint('seats').notNull(),
    status: text('status').notNull(),
    priority: boolean('priority').notNull().default(false),
    contact: text('contact'),
    /** The language notices to the contact are written in (the page's when booking). */
    language: text('language').notNull().default('fr'),
    checkedIn: smallint('checked_in').notNull().default(0),
    /** When the booking left the waiting list, and when the contact was told (or the notice claimed). */
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    promotionNoticeAt: timestamp('promotion_notice_at', { withTimezone: true }),
    /** When the day-before reminder went (or was claimed). */
    reminderAt: timestamp('reminder_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('booking_session_status_idx').on(t.sessionId, t.status, t.position),
    check('booking_status_check', sql`${t.status} in (${inList(BOOKING_STATUSES)})`),
    check(
      'booking_seats_check',
      sql`${t.seats} between 1 and 20 and ${t.checkedIn} between 0 and ${t.seats}`,
    ),
  ],
)
