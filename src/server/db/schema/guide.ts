import { index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { area, centre } from './centres'

/**
 * "Where do I start?": which of a centre's areas answers each situation a visitor can pick (work, learning
 * a trade, changing, starting a business, new in the country, not knowing), in the order proposed.
 */
export const guideSituationArea = pgTable(
  'guide_situation_area',
  {
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    situation: text('situation').notNull(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.situation, t.areaId] })],
)

/**
 * Words visitors use, linked by the centre's managers to the area that answers them ("mal au dos" →
 * changing career): what the "tell us in your own words" box recognises in a sentence. `form` is the
 * phrase as matched (lower case, no accents), so one phrase leads to one area in each language.
 */
export const guidePhrase = pgTable(
  'guide_phrase',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    phrase: text('phrase').notNull(),
    form: text('form').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('guide_phrase_centre_language_form_key').on(t.centreId, t.language, t.form),
    index('guide_phrase_area_idx').on(t.areaId),
  ],
)
