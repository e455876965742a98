import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { area, centre, desk, type LocalizedText, partner, timestamps } from './centres'
import { directoryService } from './directory'
import { ticket } from './tickets'

/**
 * What an interview can be about: a centre's own list, translatable, per area or for every area
 * (`areaId` null). Themes are archived rather than deleted, so that past figures keep their names.
 */
export const interviewTheme = pgTable(
  'interview_theme',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id').references(() => area.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    position: smallint('position').notNull().default(0),
    archived: boolean('archived').notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex('interview_theme_centre_slug_key').on(t.centreId, t.slug)],
)

/**
 * One interview, as the counsellor closes it: where, for which partner, how long, in which language, what
 * happened. Nothing about the person and no identifier: the ticket it came from is forgotten when tickets
 * are purged, and the record stays for the statistics.
 */
export const interview = pgTable(
  'interview',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id').references(() => area.id, { onDelete: 'set null' }),
    deskId: uuid('desk_id').references(() => desk.id, { onDelete: 'set null' }),
    /** The partner the counsellor works for (null for the centre's own staff). */
    partnerId: uuid('partner_id').references(() => partner.id, { onDelete: 'set null' }),
    ticketId: uuid('ticket_id').references(() => ticket.id, { onDelete: 'set null' }),
    /** The day in the centre's time zone. */
    serviceDate: date('service_date').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    language: text('language').notNull(),
    /** information, resources, referral, transfer, come_back, event. */
    outcomes: text('outcomes').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('interview_centre_day_idx').on(t.centreId, t.serviceDate),
    index('interview_ticket_idx').on(t.ticketId),
    check('interview_duration_check', sql`${t.durationSeconds} >= 0`),
  ],
)

export const interviewThemeLink = pgTable(
  'interview_theme_link',
  {
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interview.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => interviewTheme.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.interviewId, t.themeId] }),
    index('interview_theme_link_theme_idx').on(t.themeId),
  ],
)

/**
 * A referral made in an interview. The service's name is kept with it, so that the figures still say
 * where people were sent after the directory entry is gone.
 */
export const interviewReferral = pgTable(
  'interview_referral',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interview.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => directoryService.id, { onDelete: 'set null' }),
    label: text('label').notNull(),
  },
  (t) => [
    index('interview_referral_interview_idx').on(t.interviewId),
    index('interview_referral_service_idx').on(t.serviceId),
  ],
)
