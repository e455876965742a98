import { sql } from 'drizzle-orm'
import type { OccupationHit } from '../../../shared/schemas/occupations'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import type { LocalizedText } from '../../db/schema/centres'
import { searchConfigSql } from '../../db/schema/occupations'
import { readingIndex, readWholeIndex, type Segment, trigramsOf } from '../search/index-reader'
import { rememberStems, resolveQuery, searchIndex } from '../search/query'
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
  const collections = (options.taxonomy ? [options.taxonomy] : OCCUPATION_TAXONOMIES).map(
    occupationCollection,
  )
  const resolved = await resolveQuery(options.db, options.q, options.language, collections)
  const hits = await searchIndex({ ...options, collections, resolved })
  if (hits.length === 0) return []
  const named = new Map(
    await Promise.all(
      resolved.segments.map(
        async (segment) => [segment.collection, await namesOf(options.db, segment)] as const,
      ),
    ),
  )
  const query = trigrams(searchForm(options.q))
  // The query's trigrams by their numbers in each collection (one the names never have matches none).
  const numbers = new Map<Names, Set<number>>()
  const numbered = (names: Names) => {
    let found = numbers.get(names)
    if (!found) {
      found = new Set([...query].flatMap((trigram) => names.numbers.get(trigram) ?? []))
      numbers.set(names, found)
    }
    return found
  }
  return hits.flatMap((hit) => {
    const names = named.get(hit.collection)
    const occupation = names?.occupations.get(hit.ref)
    if (!names || !occupation) return []
    const [title, titleLanguage] = pickLanguage(occupation.title, options.language)
    const best = bestName(occupation.names[options.language] ?? [], names.grams, numbered(names), query.size)
    return [
      {
        taxonomy: occupation.taxonomy,
        code: occupation.code,
        title,
        titleLanguage,
        matched: best?.kind === 'alternative' && best.label !== title ? best.label : null,
        score: Math.round(hit.score * 1000) / 1000,
      },
    ]
  })
}

/** Occupations found by a search, as its results show them, from the collections' copies in memory. */
export async function shownOccupations(
  db: Database,
  segments: Segment[],
  refs: string[],
): Promise<Map<string, Named>> {
  const shown = new Map<string, Named>()
  if (refs.length === 0) return shown
  for (const segment of segments)
    if (segment.collection.startsWith(occupationCollection(''))) {
      const { occupations } = await namesOf(db, segment)
      for (const ref of refs) {
        const occupation = occupations.get(ref)
        if (occupation) shown.set(ref, occupation)
      }
    }
  return shown
}

/**
 * Reads the whole search index, and the occupations' names beside it, and stems every word of those
 * names (what visitors type most): at start, before anyone asks.
 */
export function readSearchIndex(db: Database): Promise<void> {
  return readingIndex(db, async () => {
    for (const segment of await readWholeIndex(db))
      if (segment.collection.startsWith(occupationCollection(''))) await namesOf(db, segment)
    const words = rowsOf<{ language: string; word: string; stems: string[] }>(
      await db.execute(sql`
        select w.language, w.word, tsvector_to_array(to_tsvector(${searchConfigSql(sql`w.language`)}, w.word)) as stems
        from (select distinct l.language, word
          from occupation_label l, regexp_split_to_table(l.search_text, '[^[:alnum:]]+') word
          where word <> '') w`),
    )
    const byLanguage = new Map<string, [string, string[]][]>()
    for (const row of words) {
      const stems = byLanguage.get(row.language) ?? []
      stems.push([row.word, row.stems])
      byLanguage.set(row.language, stems)
    }
    for (const [language, stems] of byLanguage) rememberStems(db, language, stems)
  })
}

/** An occupation as a search hit shows it: its title, and its names by language (preferred first, then common before rare). */
type Named = {
  taxonomy: OccupationHit['taxonomy']
  code: string
  title: LocalizedText
  description: LocalizedText
  /** Each name, by language. */
  names: Record<string, Name[]>
}

/**
 * A name, and where its trigrams' numbers are in the collection's `grams` (from, to): the trigrams of
 * every name numbered once and kept in one array, so that comparing names with a query builds nothing.
 */
type Name = { kind: string; label: string; from: number; to: number }

/** A collection's occupations with their names, and the trigram numbers the names point into. */
type Names = { occupations: Map<string, Named>; grams: Int32Array; numbers: Map<string, number> }

const named = new WeakMap<Segment, Promise<Names>>()

/**
 * The occupations of one collection with their names, read once per version of the collection and
 * kept beside it: a search then picks each hit's best-matching name without asking the database.
 */
function namesOf(db: Database, segment: Segment): Promise<Names> {
  let found = named.get(segment)
  if (!found) {
    found = readNames(db, segment.collection.slice(segment.collection.indexOf(':') + 1))
    named.set(segment, found)
  }
  return found
}

async function readNames(db: Database, taxonomy: string): Promise<Names> {
  const occupations = new Map<string, Named>()
  for (const row of rowsOf<{ id: string; code: string; title: LocalizedText; description: LocalizedText }>(
    await db.execute(sql`select id, code, title, description from occupation where taxonomy = ${taxonomy}`),
  ))
    occupations.set(row.id, {
      taxonomy: taxonomy as OccupationHit['taxonomy'],
      code: row.code,
      title: row.title,
      description: row.description,
      names: {},
    })
  const labels = rowsOf<{ id: string; language: string; kind: string; label: string }>(
    await db.execute(sql`
      select l.occupation_id as id, l.language, l.kind, l.label
      from occupation_label l join occupation o on o.id = l.occupation_id
      where o.taxonomy = ${taxonomy} and l.kind <> 'hidden'
      order by l.kind = 'preferred' desc, l.rare, l.label`),
  )
  const numbers = new Map<string, number>()
  const grams: number[] = []
  for (const label of labels) {
    const occupation = occupations.get(label.id)
    if (!occupation) continue
    const names = occupation.names[label.language] ?? []
    const from = grams.length
    for (const trigram of trigrams(searchForm(label.label))) {
      let number = numbers.get(trigram)
      if (number === undefined) {
        number = numbers.size
        numbers.set(trigram, number)
      }
      grams.push(number)
    }
    names.push({ kind: label.kind, label: label.label, from, to: grams.length })
    occupation.names[label.language] = names
  }
  return { occupations, grams: Int32Array.from(grams), numbers }
}

const WORD_BREAK = /[^\p{L}\p{N}]+/u

/** The trigrams of a text's words as PostgreSQL's pg_trgm counts them. */
function trigrams(text: string): Set<string> {
  const found = new Set<string>()
  for (const word of text.split(WORD_BREAK))
    if (word) for (const trigram of trigramsOf(word)) found.add(trigram)
  return found
}

/**
 * The name closest to the query by trigram similarity (the share of trigrams two texts have in common),
 * the first of equals winning: names come preferred first, then common before rare.
 */
function bestName(names: Name[], grams: Int32Array, query: Set<number>, querySize: number): Name | null {
  let best: Name | null = null
  let bestScore = -1
  for (const name of names) {
    let shared = 0
    for (let at = name.from; at < name.to; at++) if (query.has(grams[at] ?? -1)) shared += 1
    const score = shared / (name.to - name.from + querySize - shared || 1)
    if (score > bestScore) {
      best = name
      bestScore = score
    }
  }
  return best
}
