import { type SQL, sql } from 'drizzle-orm'
import type { InterestMatch } from '../../../shared/schemas/interests'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import type { LocalizedText } from '../../db/schema/centres'
import { pickLanguage } from './search'

/**
 * An O*NET occupation is suggested only if the visitor's strongest interest scores at least this (on
 * its 1–7 scale) in the work: otherwise one that is middling at everything would come up for anyone.
 */
const ONET_FLOOR = 4

/**
 * Occupations that suit a Holland code (`SAE`, strongest first), best first. Each letter weighs by its
 * rank: with three letters, 3, 2 and 1.
 * - With O*NET interest scores (1–7 by letter): the weighted mean of the code's letters, put on 0–1.
 * - With only letters (ROME, ONISEP): the occupation's first letter must be the visitor's first; each of
 *   the visitor's letters counts in full at the same rank in the occupation's code, a third less per
 *   rank away, nothing if absent.
 * The code says nothing about who asked: nothing is kept or counted.
 */
export async function findOccupationsByInterests(options: {
  db: Database
  code: string
  language: string
  taxonomy?: string | undefined
  limit: number
}): Promise<InterestMatch[]> {
  const letters = [...options.code]
  const [first] = letters
  if (!first) return []
  const weight = (rank: number) => letters.length - rank
  const total = (letters.length * (letters.length + 1)) / 2
  const sum = (terms: SQL[]) => sql.join(terms, sql` + `)

  const onetScore = sum(
    letters.map(
      (letter, rank) =>
        sql`${weight(rank)}::float8 * (coalesce((o.riasec_scores ->> ${letter}::text)::float8, 1) - 1)`,
    ),
  )
  const letterScore = sum(
    letters.map(
      (letter, rank) =>
        sql`case when strpos(o.riasec, ${letter}::text) > 0
          then ${weight(rank)}::float8
            * greatest(0, 1 - abs(strpos(o.riasec, ${letter}::text) - 1 - ${rank}::int) / 3.0::float8)
          else 0 end`,
    ),
  )
  const result = await options.db.execute(sql`
    select taxonomy, code, title, riasec, score from (
      select o.taxonomy, o.code, o.title, o.riasec,
        case when o.riasec_scores is not null
          then (${onetScore}) / (6 * ${total}::float8)
          else (${letterScore}) / ${total}::float8 end as score
      from occupation o
      where (
          (o.riasec_scores is not null and (o.riasec_scores ->> ${first}::text)::float8 >= ${ONET_FLOOR}::float8)
          or (o.riasec_scores is null and left(o.riasec, 1) = ${first}::text)
        )
        ${options.taxonomy ? sql`and o.taxonomy = ${options.taxonomy}::text` : sql``}
    ) matched
    order by score desc, taxonomy, code
    limit ${options.limit}::int
  `)
  return rowsOf<{
    taxonomy: InterestMatch['taxonomy']
    code: string
    title: LocalizedText
    riasec: string | null
    score: number
  }>(result).map((row) => {
    const [title, titleLanguage] = pickLanguage(row.title, options.language)
    return {
      taxonomy: row.taxonomy,
      code: row.code,
      title,
      titleLanguage,
      riasec: row.riasec,
      score: Math.round(Number(row.score) * 1000) / 1000,
    }
  })
}
