import { sql } from 'drizzle-orm'
import { check, date, index, pgTable, primaryKey, smallint, text, time, uuid } from 'drizzle-orm/pg-core'
import { user } from './auth'
import { area, centre, partner, timestamps } from './centres'

/**
 * A duty shift ("permanence"): a partner's counsellor (or the partner, without naming anyone yet)
 * staffs an area with an expertise, in some languages, either every week (`weekday`, within an optional
 * validity) or once (`onDate`).
 */
export const rotaShift = pgTable(
  'rota_shift',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').references(() => partner.id, { onDelete: 'set null' }),
    counsellorId: text('counsellor_id').references(() => user.id, { onDelete: 'set null' }),
    expertise: text('expertise').notNull(),
    languages: text('languages').array().notNull(),
    weekday: smallint('weekday'),
    onDate: date('on_date'),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at').notNull(),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    ...timestamps,
  },
  (t) => [
    index('rota_shift_centre_idx').on(t.centreId, t.weekday),
    index('rota_shift_counsellor_idx').on(t.counsellorId),
    check('rota_shift_when_check', sql`(${t.weekday} is null) <> (${t.onDate} is null)`),
    check('rota_shift_weekday_check', sql`${t.weekday} between 1 and 7`),
    check('rota_shift_times_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
)

/** A weekly shift not held on one date (a counsellor on leave, a public holiday). */
export const rotaAbsence = pgTable(
  'rota_absence',
  {
    shiftId: uuid('shift_id')
      .notNull()
      .references(() => rotaShift.id, { onDelete: 'cascade' }),
    onDate: date('on_date').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shiftId, t.onDate] })],
)
