import { sql } from 'drizzle-orm'
import type { OccupationHit } from '../../../shared/schemas/occupations'
import type { Database } from '../../db/client'
import type { LocalizedText } from '../../db/schema/centres'
import { searchConfigSql } from '../../db/schema/occupations'
import { searchForm } from './search-form'

/** Languages whose labels are stemmed in their own configuration; any other is matched plainly. */
const STEMMED = new Set(['fr', 'en', 'es', 'de', 'it', 'nl', 'pt'])

/** How much a match on each kind of name counts: the title first, a seldom-used name last. */
const KIND_WEIGHT = sql`(case l.kind when 'preferred' then 1.0 when 'alternative' then 0.95 else 0.9 end)
  * (case when l.rare then 0.9 else 1.0 end)`

/** The text in `language`, else in English, else in any language it has. */
export function pickLanguage(text: LocalizedText, language: string): [string, string] {
  for (const candidate of [language, 'en', 'fr']) {
    const value = text[candidate]
    if (value) return [value, candidate]
  }
  const [first] = Object.entries(text)
  return first ? [first[1], first[0]] : ['', language]
}

/**
 * Occupations whose names match a query the way people type a job: words stemmed in the language
 * (full-text search), and typos or partial words forgiven by trigram word similarity, over every
 * name of every occupation (titles, alternative and hidden labels, both gender forms). Each occupation
 * counts once, by its best-matching name.
 */
export async function searchOccupations(options: {
  db: Database
  q: string
  language: string
  taxonomy?: string | undefined
  limit: number
}): Promise<OccupationHit[]> {
  const query = searchForm(options.q)
  const stemmed = STEMMED.has(options.language)
  const config = searchConfigSql(sql`${stemmed ? options.language : 'simple'}::text`)
  const rows = (await options.db.execute(sql`
    with q as (select websearch_to_tsquery(${config}, ${query}) as tsq),
    matches as (
      select l.occupation_id, l.label, l.kind,
        (ts_rank(l.document, q.tsq) * 2 + similarity(l.search_text, ${query})
          + word_similarity(${query}, l.search_text)) * ${KIND_WEIGHT} as score
      from occupation_label l cross join q
      where (l.document @@ q.tsq or ${query} <% l.search_text)
        ${stemmed ? sql`and l.language = ${options.language}` : sql``}
    ),
    best as (
      select distinct on (m.occupation_id) m.occupation_id, m.label, m.kind, m.score
      from matches m
      order by m.occupation_id, m.score desc
    )
    select o.taxonomy, o.code, o.title, best.label, best.kind, best.score
    from best join occupation o on o.id = best.occupation_id
    ${options.taxonomy ? sql`where o.taxonomy = ${options.taxonomy}` : sql``}
    order by best.score desc, o.code
    limit ${options.limit}
  `)) as unknown as {
    rows: {
      taxonomy: string
      code: string
      title: LocalizedText
      label: string
      kind: string
      score: number
    }[]
  }
  return rows.rows.map((row) => {
    const [title, titleLanguage] = pickLanguage(row.title, options.language)
    return {
      taxonomy: row.taxonomy as OccupationHit['taxonomy'],
      code: row.code,
      title,
      titleLanguage,
      matched: row.kind === 'alternative' && row.label !== title ? row.label : null,
      score: Math.round(Number(row.score) * 1000) / 1000,
    }
  })
}
