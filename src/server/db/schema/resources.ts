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
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { area, centre, type LocalizedText, partner } from './centres'
import { occupation } from './occupations'

/** Kinds of resources a documentation centre holds. */
export const RESOURCE_TYPES = [
  'book',
  'guide',
  'leaflet',
  'periodical',
  'website',
  'video',
  'tool',
  'fact_sheet',
] as const
/** Who a resource is written for. */
export const AUDIENCES = [
  'young_people',
  'adults',
  'job_seekers',
  'workers',
  'newcomers',
  'students',
] as const

export const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '))

/** A centre's controlled vocabulary of themes for its resources, translatable. */
export const resourceTheme = pgTable(
  'resource_theme',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique('resource_theme_centre_slug_key').on(t.centreId, t.slug)],
)

/**
 * A guide, leaflet, book, periodical, website, video or tool of a centre's documentation: on a shelf
 * (with copies) or online (with an address). A partner may have contributed it; visitors are never told.
 */
export const resource = pgTable(
  'resource',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Languages the resource is written in. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    audiences: text('audiences').array().notNull().default(sql`'{}'::text[]`),
    /** Written in plain, easy-to-read language. */
    easyRead: boolean('easy_read').notNull().default(false),
    /** Where it stands in the documentation centre ("Shelf B2 — Health"). */
    shelf: text('shelf'),
    copies: integer('copies'),
    url: text('url'),
    /** Who publishes it. */
    publisher: text('publisher').notNull().default(''),
    /** The partner that contributed it: for staff only, never on visitor pages. */
    partnerId: uuid('partner_id').references(() => partner.id, { onDelete: 'set null' }),
    lastReviewed: date('last_reviewed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resource_centre_idx').on(t.centreId),
    check('resource_type_check', sql`${t.type} in (${inList(RESOURCE_TYPES)})`),
    check('resource_audiences_check', sql`${t.audiences} <@ array[${inList(AUDIENCES)}]::text[]`),
    check('resource_copies_check', sql`${t.copies} >= 0`),
  ],
)

export const resourceArea = pgTable(
  'resource_area',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resource.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.areaId] }), index('resource_area_area_idx').on(t.areaId)],
)

export const resourceThemeLink = pgTable(
  'resource_theme_link',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resource.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => resourceTheme.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.themeId] }),
    index('resource_theme_link_theme_idx').on(t.themeId),
  ],
)

/** Occupations a resource is about: it shows on their pages. */
export const resourceOccupation = pgTable(
  'resource_occupation',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resource.id, { onDelete: 'cascade' }),
    occupationId: uuid('occupation_id')
      .notNull()
      .references(() => occupation.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.occupationId] }),
    index('resource_occupation_occupation_idx').on(t.occupationId),
  ],
)
