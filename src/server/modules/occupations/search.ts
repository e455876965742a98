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
  // Each hit's names in the language, preferred first then common before rare, for `bestName`.
  const result = await options.db.execute(sql`
    select o.id, o.taxonomy, o.code, o.title,
      array(select l.kind || ':' || l.label from occupation_label l
        where l.occupation_id = o.id and l.language = ${options.language} and l.kind <> 'hidden'
        order by l.kind = 'preferred' desc, l.rare, l.label) as names
    from jsonb_array_elements_text(${JSON.stringify(hits.map((hit) => hit.ref))}::jsonb)
      with ordinality h (id, rank)
    join occupation o on o.id = h.id::uuid
    order by h.rank
  `)
  const rows = (
    result as unknown as {
      rows: { id: string; taxonomy: string; code: string; title: LocalizedText; names: string[] }[]
    }
  ).rows
  const query = trigrams(searchForm(options.q))
  const scores = new Map(hits.map((hit) => [hit.ref, hit.score]))
  return rows.map((row) => {
    const [title, titleLanguage] = pickLanguage(row.title, options.language)
    const best = bestName(row.names, query)
    return {
      taxonomy: row.taxonomy as OccupationHit['taxonomy'],
      code: row.code,
      title,
      titleLanguage,
      matched: best?.kind === 'alternative' && best.label !== title ? best.label : null,
      score: Math.round((scores.get(row.id) ?? 0) * 1000) / 1000,
    }
  })
}

/** The trigrams of a text as PostgreSQL's pg_trgm counts them: each word padded, two spaces before, one after. */
function trigrams(text: string): Set<string> {
  const found = new Set<string>()
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue
    const padded = `  ${word} `
    for (let at = 0; at + 3 <= padded.length; at++) found.add(padded.slice(at, at + 3))
  }
  return found
}

/**
 * The name closest to the query by trigram similarity (the share of trigrams two texts have in common),
 * the first of equals winning: names come preferred first, then common before rare.
 */
function bestName(names: string[], query: Set<string>): { kind: string; label: string } | null {
  let best: { kind: string; label: string } | null = null
  let bestScore = -1
  for (const name of names) {
    const colon = name.indexOf(':')
    const own = trigrams(searchForm(name.slice(colon + 1)))
    let shared = 0
    for (const trigram of own) if (query.has(trigram)) shared += 1
    const score = shared / (own.size + query.size - shared || 1)
    if (score > bestScore) {
      best = { kind: name.slice(0, colon), label: name.slice(colon + 1) }
      bestScore = score
    }
  }
  return best
}
