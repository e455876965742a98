import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { localDateOf } from '../centres/opening-status'

/**
 * What self-service use is counted by: a view of a resource or occupation page, a search, its words; a
 * situation chosen in "Where do I start?", a sentence typed there (keyed `understood` or `not_understood`).
 */
export type UsageKind =
  | 'resource_view'
  | 'occupation_view'
  | 'search'
  | 'search_query'
  | 'guide_situation'
  | 'guide_text'

/** The longest words of a search kept for the top queries: longer ones are not a question people share. */
const QUERY_MAX = 80

/**
 * Words searched, as they are counted: lower case, spaces collapsed. Searches with a digit or an "@" are
 * not counted by their words (they could be a phone number, an address, a code), nor very long ones.
 */
export function countableQuery(q: string): string | null {
  const words = q.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
  if (!words || words.length > QUERY_MAX || /[\d@]/.test(words)) return null
  return words
}

/**
 * Counts one use on the centre's day: a counter goes up, nothing else is written — no row per view, no
 * time of day, nothing about who. An upsert, so concurrent views of one page never lose a count.
 */
export async function countUse(options: {
  db: Database
  home: { id: string; timezone: string }
  now: Date
  kind: UsageKind
  key?: string
}): Promise<void> {
  const { db, home, now, kind, key = '' } = options
  await db.execute(sql`insert into usage_count (centre_id, day, kind, key, count)
    values (${home.id}, ${localDateOf(now, home.timezone)}::date, ${kind}, ${key}, 1)
    on conflict (centre_id, kind, day, key) do update set count = usage_count.count + 1`)
}

/** A search counted, and its words when they may be. */
export async function countSearch(options: {
  db: Database
  home: { id: string; timezone: string }
  now: Date
  q: string
}): Promise<void> {
  const { q, ...rest } = options
  await countUse({ ...rest, kind: 'search' })
  const words = countableQuery(q)
  if (words) await countUse({ ...rest, kind: 'search_query', key: words })
}
