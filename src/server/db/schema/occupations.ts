import { type SQL, sql } from 'drizzle-orm'
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type { LocalizedText } from './centres'

/**
 * An occupation as a reference data set describes it: a ROME fiche, an ESCO occupation, an O*NET-SOC
 * occupation or an ONISEP métier. Texts are per language; each row remembers the release it came from,
 * so pages can credit it.
 */
export const occupation = pgTable(
  'occupation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `rome`, `esco`, `onet` or `onisep`. */
    taxonomy: text('taxonomy').notNull(),
    /** The source's own key: ROME code (`A1101`), ESCO URI, O*NET-SOC code (`15-1252.00`), ONISEP id. */
    code: text('code').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** How people get into it (ROME "accès au métier"). */
    access: jsonb('access').$type<LocalizedText>().notNull().default({}),
    /** Holland code letters, strongest first (`SC`, `RIA`). */
    riasec: text('riasec'),
    /** O*NET interest scores, 1–7, by letter. */
    riasecScores: jsonb('riasec_scores').$type<Record<string, number>>(),
    /** Preparation needed, 1 (little) to 5 (extensive): O*NET job zones. */
    preparation: smallint('preparation'),
    /** ISCO-08 unit group code, when the source gives one. */
    isco: text('isco'),
    /** The parent in the source's own tree (a ROME 4.0 fiche's parent fiche). */
    parentCode: text('parent_code'),
    /** ONISEP's "domain/subdomain" pairs: the fields whose trainings lead to it. */
    domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
    release: text('release').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('occupation_taxonomy_code_key').on(t.taxonomy, t.code),
    check('occupation_taxonomy_check', sql`${t.taxonomy} in ('rome', 'esco', 'onet', 'onisep')`),
    check('occupation_preparation_check', sql`${t.preparation} between 1 and 5`),
    index('occupation_domains_idx').using('gin', t.domains),
  ],
)

/** The text search configuration of a content language; any other language gets `simple`. */
export const searchConfigSql = (language: SQL) =>
  sql`(case ${language} when 'fr' then 'french'::regconfig when 'en' then 'english'::regconfig when 'es' then 'spanish'::regconfig when 'de' then 'german'::regconfig when 'it' then 'italian'::regconfig when 'nl' then 'dutch'::regconfig when 'pt' then 'portuguese'::regconfig else 'simple'::regconfig end)`

/**
 * Every name an occupation goes by, in each language: the preferred title, the alternative and hidden
 * labels, the job titles (ROME appellations) with both gender forms. What search matches on.
 */
export const occupationLabel = pgTable(
  'occupation_label',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occupationId: uuid('occupation_id')
      .notNull()
      .references(() => occupation.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    label: text('label').notNull(),
    /** `preferred`, `alternative` (shown) or `hidden` (searched, never shown: misspellings, old names). */
    kind: text('kind').notNull(),
    /** Seldom used, per the source (ROME `peu_usite`): still found, shown last. */
    rare: boolean('rare').notNull().default(false),
    /**
     * The label lower-cased and without accents, as queries are: which of an occupation's names a query
     * matched best is picked by comparing it (search itself goes through the search index).
     */
    searchText: text('search_text').notNull(),
  },
  (t) => [
    index('occupation_label_occupation_idx').on(t.occupationId),
    check('occupation_label_kind_check', sql`${t.kind} in ('preferred', 'alternative', 'hidden')`),
  ],
)

/** A skill, knowledge item, attitude or work context of a source, shared by the occupations that list it. */
export const skill = pgTable(
  'skill',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taxonomy: text('taxonomy').notNull(),
    code: text('code').notNull(),
    /** `skill`, `knowledge`, `attitude`, `context` or `technology`. */
    kind: text('kind').notNull(),
    label: jsonb('label').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** A grouping the source gives (ROME category, work-context type). */
    category: jsonb('category').$type<LocalizedText>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('skill_taxonomy_code_key').on(t.taxonomy, t.code),
    check('skill_kind_check', sql`${t.kind} in ('skill', 'knowledge', 'attitude', 'context', 'technology')`),
  ],
)

export const occupationSkill = pgTable(
  'occupation_skill',
  {
    occupationId: uuid('occupation_id')
      .notNull()
      .references(() => occupation.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skill.id, { onDelete: 'cascade' }),
    essential: boolean('essential').notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.occupationId, t.skillId] }),
    index('occupation_skill_skill_idx').on(t.skillId),
  ],
)

/** Main tasks of an occupation, in order (O*NET task statements). */
export const occupationTask = pgTable(
  'occupation_task',
  {
    occupationId: uuid('occupation_id')
      .notNull()
      .references(() => occupation.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: jsonb('text').$type<LocalizedText>().notNull(),
    core: boolean('core').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.occupationId, t.position] })],
)

/**
 * Occupations a source relates: `related` (O*NET), `mobility` (ROME career moves), `equivalent` (an
 * ONISEP métier and the ROME fiche it names).
 */
export const occupationLink = pgTable(
  'occupation_link',
  {
    fromId: uuid('from_id')
      .notNull()
      .references(() => occupation.id, { onDelete: 'cascade' }),
    toId: uuid('to_id')
      .notNull()
      .references(() => occupation.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    rank: integer('rank').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.fromId, t.toId, t.kind] }),
    check('occupation_link_kind_check', sql`${t.kind} in ('related', 'mobility', 'equivalent')`),
  ],
)

/** One import of a source's release: what it brought, for the summary and the pages' credits. */
export const importRun = pgTable('import_run', {
  id: uuid('id').primaryKey().defaultRandom(),
  source: text('source').notNull(),
  release: text('release').notNull(),
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
})
