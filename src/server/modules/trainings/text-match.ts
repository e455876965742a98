import { and, desc, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { training } from '../../db/schema/trainings'
import { folded } from './queries'

/** Words of a query taken into account. */
const MAX_WORDS = 12

/**
 * Which courses a visitor's words match, and in what order: a condition and an ordering for the
 * search's query, or nothing when there are no words. Every word must appear, without regard to case
 * or accents, in the title, the kind of course or its acronym.
 */
export async function matchText(options: {
  db: Database
  centreId: string
  q: string
  language: string
}): Promise<{ condition: SQL; order: SQL[] } | null> {
  const words = options.q
    .split(/[\s,;:!?()'’"/-]+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS)
  if (words.length === 0) return null
  const haystack = folded(sql`concat_ws(' ', ${training.title}, ${training.kind}, ${training.kindAcronym})`)
  const contains = (word: string) => sql`strpos(${haystack}, ${folded(sql`${word}::text`)}) > 0`
  return {
    condition: and(...words.map(contains)) as SQL,
    // The whole query in the title above words scattered through it.
    order: [desc(sql`strpos(${folded(training.title)}, ${folded(sql`${options.q}::text`)}) > 0`)],
  }
}
