import { sql } from 'drizzle-orm'
import {
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
  time,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'

/** Text in several languages, keyed by language code: `{ fr: '…', en: '…' }`. */
export type LocalizedText = Record<string, string>

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}

export const centre = pgTable('centre', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  timezone: text('timezone').notNull(),
  languages: text('languages').array().notNull(),
  defaultLanguage: text('default_language').notNull(),
  address: text('address').notNull().default(''),
  /** Fair calling: one priority ticket for every N calls (3 = one priority for two regular). */
  priorityEvery: integer('priority_every').notNull().default(3),
  /** A called ticket becomes a no-show after this many recalls. */
  maxRecalls: integer('max_recalls').notNull().default(2),
  /** How partners are listed to visitors: alphabetically, or in an order that changes every day. */
  partnerOrder: text('partner_order').notNull().default('alphabetical'),
  /** Whether visitors see which partner staffs a shift of the rota (off: reciprocal anonymity). */
  showPartnerOnRota: boolean('show_partner_on_rota').notNull().default(false),
  /** Directory entries not checked for this many months are flagged to managers for review. */
  directoryReviewMonths: integer('directory_review_months').notNull().default(12),
  /** The smallest group a published statistic may describe: counts from 1 to k−1 are withheld. */
  disclosureThreshold: integer('disclosure_threshold').notNull().default(5),
  /** Days after which raw tickets, steps and interview records are folded into daily figures and purged. */
  retentionDays: integer('retention_days').notNull().default(90),
  /** Days a notebook may go unused before it is erased. */
  notebookIdleDays: integer('notebook_idle_days').notNull().default(365),
  /** The last day whose activity is folded into `stat_fact`; later days are counted from raw records. */
  statisticsFoldedThrough: date('statistics_folded_through'),
  ...timestamps,
})

export const area = pgTable(
  'area',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull(),
    colour: text('colour').notNull(),
    pictogram: text('pictogram').notNull(),
    position: integer('position').notNull().default(0),
    ticketLetter: text('ticket_letter').notNull(),
    ...timestamps,
  },
  (t) => [
    // The database, not the form, guarantees uniqueness: two managers saving at once still get a 409.
    unique('area_centre_slug_key').on(t.centreId, t.slug),
    unique('area_centre_letter_key').on(t.centreId, t.ticketLetter),
    check('area_ticket_letter_check', sql`${t.ticketLetter} ~ '^[A-Z]$'`),
  ],
)

export const desk = pgTable(
  'desk',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [unique('desk_centre_name_key').on(t.centreId, t.name)],
)

export const deskArea = pgTable(
  'desk_area',
  {
    deskId: uuid('desk_id')
      .notNull()
      .references(() => desk.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.deskId, t.areaId] }), index('desk_area_area_idx').on(t.areaId)],
)

/**
 * Weekly opening hours. Rows with no area are the centre's hours; an area with rows of its own
 * uses them instead of the centre's. Weekday follows ISO 8601: 1 = Monday … 7 = Sunday.
 */
export const openingHours = pgTable(
  'opening_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id').references(() => area.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    opensAt: time('opens_at').notNull(),
    closesAt: time('closes_at').notNull(),
  },
  (t) => [
    index('opening_hours_centre_idx').on(t.centreId, t.areaId),
    check('opening_hours_weekday_check', sql`${t.weekday} between 1 and 7`),
    check('opening_hours_span_check', sql`${t.opensAt} < ${t.closesAt}`),
  ],
)

/** Exceptional closures (bank holidays, summer break…), for the whole centre or one area. */
export const closure = pgTable(
  'closure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id').references(() => area.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: jsonb('reason').$type<LocalizedText>().notNull(),
    ...timestamps,
  },
  (t) => [
    index('closure_centre_idx').on(t.centreId, t.endsOn),
    check('closure_span_check', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
)

/**
 * Reception's decision for one area on one day, over its planned hours: `closed` stops new tickets for
 * the rest of the day (people already waiting are still called), `open` opens it whenever the centre
 * is open that day. Without a row the area follows its hours and closures.
 */
export const areaDayState = pgTable(
  'area_day_state',
  {
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id, { onDelete: 'cascade' }),
    serviceDate: date('service_date').notNull(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    state: text('state').$type<'open' | 'closed'>().notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.areaId, t.serviceDate] }),
    index('area_day_state_centre_idx').on(t.centreId, t.serviceDate),
    check('area_day_state_state_check', sql`${t.state} in ('open', 'closed')`),
  ],
)

/** A partner institution of a centre. Never shown to visitors next to a counsellor (charter rule 3). */
export const partner = pgTable(
  'partner',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** What kind of institution it is (employment service, youth, training…): see `partnerTypes`. */
    type: text('type').notNull().default('association'),
    description: jsonb('description').$type<LocalizedText>().notNull(),
    website: text('website'),
    /** How staff reach the partner (a desk, a phone, an address): for staff only. */
    staffContact: text('staff_contact').notNull().default(''),
    ...timestamps,
  },
  (t) => [unique('partner_centre_name_key').on(t.centreId, t.name)],
)

/** The areas a partner covers. */
export const partnerArea = pgTable(
  'partner_area',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.areaId] }), index('partner_area_area_idx').on(t.areaId)],
)
