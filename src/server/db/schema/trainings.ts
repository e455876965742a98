import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { centre } from './centres'
import { occupation } from './occupations'

/**
 * A training course: imported from ONISEP (every centre sees it) or entered by a centre's staff (that
 * centre's only). Texts are in the course's own language.
 */
export const training = pgTable(
  'training',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `onisep` (imported) or `centre` (entered by hand). */
    source: text('source').notNull(),
    /** The source's key (ONISEP `FOR.6913`); for a centre's own course, a code the centre chooses. */
    code: text('code').notNull(),
    /** The centre that entered it; none for imported courses. */
    centreId: uuid('centre_id').references(() => centre.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    language: text('language').notNull().default('fr'),
    /** What kind of course it is, as the source names it ("brevet de technicien supérieur", "master"). */
    kind: text('kind').notNull().default(''),
    /** Its usual short name (BTS, CAP, FCIL), when it has one. */
    kindAcronym: text('kind_acronym'),
    /** Qualification level, 1 to 8 (French RNCP / European framework); none when not registered. */
    level: smallint('level'),
    durationMonths: integer('duration_months'),
    /** The duration as the source writes it ("2 ans"), when it is not a plain number of months. */
    durationText: text('duration_text').notNull().default(''),
    rncpCode: text('rncp_code'),
    /** The ministry or body the course answers to. */
    authority: text('authority').notNull().default(''),
    url: text('url'),
    /** ONISEP's "domain/subdomain" pairs: what links a course to the occupations of the same field. */
    domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
    /** Where it takes place (a town, "distance learning"), when known. */
    place: text('place'),
    description: text('description').notNull().default(''),
    release: text('release').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('training_source_code_key').on(t.source, t.code, t.centreId).nullsNotDistinct(),
    index('training_centre_idx').on(t.centreId),
    index('training_domains_idx').using('gin', t.domains),
    check('training_source_check', sql`${t.source} in ('onisep', 'centre')`),
    check('training_centre_check', sql`(${t.source} = 'centre') = (${t.centreId} is not null)`),
    check('training_level_check', sql`${t.level} between 1 and 8`),
    check('training_duration_check', sql`${t.durationMonths} > 0`),
  ],
)

/** A course that leads to an occupation, said by hand (imported courses are linked by their domains). */
export const trainingOccupation = pgTable(
  'training_occupation',
  {
    trainingId: uuid('training_id')
      .notNull()
      .references(() => training.id, { onDelete: 'cascade' }),
    occupationId: uuid('occupation_id')
      .notNull()
      .references(() => occupation.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.trainingId, t.occupationId] }),
    index('training_occupation_occupation_idx').on(t.occupationId),
  ],
)
