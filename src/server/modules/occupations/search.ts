import { sql } from 'drizzle-orm'
import type { OccupationHit } from '../../../shared/schemas/occupations'
import type { Database } from '../../db/client'
import type { LocalizedText } from '../../db/schema/centres'
import { searchIndex } from '../search/query'
import { searchForm } from './search-form'
import { OCCUPATION_TAXONOMIES, occupationCollection } from './search-index'

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
 * Occupations matching a query the way people type a job — words stemmed in the language, typos and
 * unfinished words forgiven, every name of every occupation (titles, other names, both gender forms)
 * above the texts about the work — from the search index. Each hit says which of its other names
 * matched best, so "cariste" can show under "Conducteur / Conductrice de chariot élévateur".
 */
export async function searchOccupations(options: {
  db: Database
  q: string
  language: string
  taxonomy?: string | undefined
  limit: number
}): Promise<OccupationHit[]> {
  const hits = await searchIndex({
    db: options.db,
    q: options.q,
    language: options.language,
    collections: (options.taxonomy ? [options.taxonomy] : OCCUPATION_TAXONOMIES).map(occupationCollection),
    limit: options.limit,
  })
  if (hits.length === 0) return []
  const query = searchForm(options.q)
  const result = await options.db.execute(sql`
    select o.id, o.taxonomy, o.code, o.title, best.label, best.kind
    from jsonb_array_elements_text(${JSON.stringify(hits.map((hit) => hit.ref))}::jsonb)
      with ordinality h (id, rank)
    join occupation o on o.id = h.id::uuid
    left join lateral (
      select l.label, l.kind from occupation_label l
      where l.occupation_id = o.id and l.language = ${options.language} and l.kind <> 'hidden'
      order by similarity(l.search_text, ${query}) desc, l.kind = 'preferred' desc, l.rare
      limit 1
    ) best on true
    order by h.rank
  `)
  const rows = (
    result as unknown as {
      rows: {
        id: string
        taxonomy: string
        code: string
        title: LocalizedText
        label: string | null
        kind: string
      }[]
    }
  ).rows
  const scores = new Map(hits.map((hit) => [hit.ref, hit.score]))
  return rows.map((row) => {
    const [title, titleLanguage] = pickLanguage(row.title, options.language)
    return {
      taxonomy: row.taxonomy as OccupationHit['taxonomy'],
      code: row.code,
      title,
      titleLanguage,
      matched: row.kind === 'alternative' && row.label && row.label !== title ? row.label : null,
      score: Math.round((scores.get(row.id) ?? 0) * 1000) / 1000,
    }
  })
}
