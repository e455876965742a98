import { boolean, date, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { area, centre, type LocalizedText, timestamps } from './centres'
import { resourceTheme } from './resources'

/**
 * A service a visitor may be referred to, inside the alliance or outside it: who runs it, what it does,
 * for whom, where and when, how to reach it, and when someone last checked all that.
 */
export const directoryService = pgTable(
  'directory_service',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    organisation: text('organisation').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull(),
    /** Who may use it, in plain words ("16 to 25, living in the département"). */
    eligibility: jsonb('eligibility').$type<LocalizedText>().notNull(),
    audiences: text('audiences').array().notNull(),
    languages: text('languages').array().notNull(),
    accessibility: text('accessibility').array().notNull(),
    address: text('address').notNull().default(''),
    openingHours: text('opening_hours').notNull().default(''),
    walkIn: boolean('walk_in').notNull().default(false),
    phone: text('phone'),
    website: text('website'),
    lastVerified: date('last_verified').notNull(),
    ...timestamps,
  },
  (t) => [index('directory_service_centre_idx').on(t.centreId, t.lastVerified)],
)

export const directoryServiceArea = pgTable(
  'directory_service_area',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryService.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.areaId] }), index('directory_service_area_idx').on(t.areaId)],
)

export const directoryServiceTheme = pgTable(
  'directory_service_theme',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryService.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => resourceTheme.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.themeId] }),
    index('directory_service_theme_idx').on(t.themeId),
  ],
)
