import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { training } from '../../db/schema/trainings'
import { queryWords, searchIndex } from '../search/query'
import { trainingCollection } from './training-index'

/** Matches a search filters and counts further: the best this many, which is more than anyone reads. */
const MAX_MATCHES = 1_000
/** ONISEP's courses are described in French; a centre's own in the language it chose. */
const COURSE_LANGUAGE = 'fr'

/**
 * The courses a visitor's words match, from the shared search index: ONISEP's collection and the
 * centre's own, searched in French (the courses' language) and in the visitor's, best first. A
 * condition for the search's other queries, and a ranked list to join for its order; nothing when the
 * query holds no word.
 */
export async function matchText(options: {
  db: Database
  centreId: string
  q: string
  language: string
}): Promise<{ condition: SQL; ranked: SQL } | null> {
  if (queryWords(options.q).length === 0) return null
  const collections = [trainingCollection(null), trainingCollection(options.centreId)]
  const languages = [...new Set([COURSE_LANGUAGE, options.language])]
  const found = await Promise.all(
    languages.map((language) =>
      searchIndex({ db: options.db, q: options.q, language, collections, limit: MAX_MATCHES }),
    ),
  )
  const scores = new Map<string, number>()
  for (const hit of found.flat()) scores.set(hit.ref, Math.max(scores.get(hit.ref) ?? 0, hit.score))
  const refs = JSON.stringify(
    [...scores]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_MATCHES)
      .map(([ref]) => ref),
  )
  return {
    condition: sql`${training.id} in (select value::uuid from jsonb_array_elements_text(${refs}::jsonb))`,
    ranked: sql`jsonb_array_elements_text(${refs}::jsonb) with ordinality as hit (ref, rank)`,
  }
}
