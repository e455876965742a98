import { date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { area, centre, partner } from './centres'

/**
 * A centre's activity folded into counts by day: how many tickets arrived at each hour, waited so many
 * minutes, ended how; how many interviews, on which themes, with which outcomes and referrals; which
 * answers the visit profiles gave. One row says "on this day, in this area, for this partner, `count`
 * records had this `key` on this `dimension`". Raw tickets and interviews are purged after the centre's
 * retention period; these rows stay, so every dashboard works for past years and gives the same figures.
 */
export const statFact = pgTable(
  'stat_fact',
  {
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    serviceDate: date('service_date').notNull(),
    dimension: text('dimension').notNull(),
    key: text('key').notNull().default(''),
    areaId: uuid('area_id').references(() => area.id, { onDelete: 'set null' }),
    partnerId: uuid('partner_id').references(() => partner.id, { onDelete: 'set null' }),
    count: integer('count').notNull(),
  },
  (t) => [index('stat_fact_centre_dimension_day_idx').on(t.centreId, t.dimension, t.serviceDate)],
)

/**
 * Self-service use counted by day, as it happens: page views of a resource or an occupation, searches,
 * and the words searched (kept only as counts, and shown only when asked on at least k different days).
 * Nothing says who: there is no row per view.
 */
export const usageCount = pgTable(
  'usage_count',
  {
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull().default(''),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.kind, t.day, t.key] })],
)
