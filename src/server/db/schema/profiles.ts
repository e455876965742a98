import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { centre } from './centres'
import { ticket } from './tickets'

/**
 * A visit's profile in coarse bands, given with the visitor's agreement at reception or at a desk: one per
 * visit, kept for the statistics when the ticket is purged. No band is narrow enough to single anyone out,
 * and the statistics withhold small counts on top of that.
 */
export const visitProfile = pgTable(
  'visit_profile',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').references(() => ticket.id, { onDelete: 'set null' }),
    serviceDate: date('service_date').notNull(),
    ageBand: text('age_band').notNull(),
    situation: text('situation').notNull(),
    education: text('education').notNull(),
    firstVisit: text('first_visit').notNull(),
    heardFrom: text('heard_from').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('visit_profile_ticket_key').on(t.ticketId),
    index('visit_profile_centre_day_idx').on(t.centreId, t.serviceDate),
  ],
)
