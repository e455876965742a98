import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { indexCollection } from '../search/index-collection'
import type { Taxonomy } from './import/write'

/** Every source's occupations form their own collection of the search index. */
export const occupationCollection = (taxonomy: string) => `occupation:${taxonomy}`
export const OCCUPATION_TAXONOMIES: readonly Taxonomy[] = ['rome', 'esco', 'onet', 'onisep']

/**
 * How much a word counts where it appears: in the title, in another name people use (both gender
 * forms, job titles, alternative labels), in a name kept only for searching (old names, misspellings),
 * and in the texts about the work. A seldom-used name counts less.
 */
export const OCCUPATION_WEIGHTS = { preferred: 3, alternative: 2, hidden: 1.5, rare: 0.7, text: 0.25 }

/** Indexes one source's occupations for search, in the caller's transaction (an import's). */
export async function indexOccupations(db: Database, taxonomy: Taxonomy): Promise<void> {
  const w = OCCUPATION_WEIGHTS
  await indexCollection(
    db,
    occupationCollection(taxonomy),
    sql`select l.occupation_id as ref, l.language,
        (case l.kind when 'preferred' then ${w.preferred}::real when 'alternative' then ${w.alternative}::real
          else ${w.hidden}::real end) * (case when l.rare then ${w.rare}::real else 1 end) as weight,
        l.search_text as body
      from occupation_label l join occupation o on o.id = l.occupation_id
      where o.taxonomy = ${taxonomy}
      union all
      select o.id, t.key, ${w.text}::real, t.value
      from occupation o cross join lateral jsonb_each_text(o.description) t
      where o.taxonomy = ${taxonomy}
      union all
      select o.id, t.key, ${w.text}::real, t.value
      from occupation o cross join lateral jsonb_each_text(o.access) t
      where o.taxonomy = ${taxonomy}`,
  )
}
