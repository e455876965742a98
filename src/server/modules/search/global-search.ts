import { sql } from 'drizzle-orm'
import type { SearchHit, SearchResult, SearchType } from '../../../shared/schemas/search'
import { searchTypes } from '../../../shared/schemas/search'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { pickLanguage, shownOccupations } from '../occupations/search'
import { OCCUPATION_TAXONOMIES, occupationCollection } from '../occupations/search-index'
import { highlight } from './highlight'
import { type ResolvedQuery, resolveQuery, searchIndex } from './query'

/** Results considered for facets and pages: far more than anyone reads, few enough to count at once. */
const CANDIDATES = 300

/** The collections of the search index behind each type of result, for a centre or for everyone. */
export function collectionsOf(type: SearchType, centreId: string | null): string[] {
  if (type === 'occupation') return OCCUPATION_TAXONOMIES.map(occupationCollection)
  if (type === 'training') return ['training:onisep', ...(centreId ? [`training:centre:${centreId}`] : [])]
  return centreId ? [`resource:${centreId}`] : []
}

const typeOf = (collection: string) => collection.split(':')[0] as SearchType

type Candidate = {
  ref: string
  type: SearchType
  score: number
  /** A resource's filters; empty for other types. */
  areas: string[]
  languages: string[]
  audiences: string[]
}

type Filters = { types: readonly SearchType[]; area?: string; language?: string; audience?: string }

const keeps = (candidate: Candidate, filters: Filters, except?: keyof Filters) =>
  (except === 'types' || filters.types.includes(candidate.type)) &&
  (except === 'area' || !filters.area || candidate.areas.includes(filters.area)) &&
  (except === 'language' || !filters.language || candidate.languages.includes(filters.language)) &&
  (except === 'audience' || !filters.audience || candidate.audiences.includes(filters.audience))

function countBy(values: string[]) {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/**
 * One search across occupations, trainings and (for a centre) its resources: the best of each, ranked
 * together by the same index, filtered by type and by a resource's area, language and audience, with
 * the counts a filter panel shows and a snippet of each result with the words found marked.
 */
export async function globalSearch(options: {
  db: Database
  q: string
  language: string
  centreId: string | null
  filters: Filters
  limit: number
  offset: number
}): Promise<SearchResult> {
  const { db, language, centreId, filters } = options
  const collections = searchTypes.flatMap((type) => collectionsOf(type, centreId))
  const resolved = await resolveQuery(db, options.q, language, collections)
  const hits = await searchIndex({ db, q: options.q, language, resolved, collections, limit: CANDIDATES })
  const resourceIds = hits.filter((hit) => typeOf(hit.collection) === 'resource').map((hit) => hit.ref)
  const resourceFacts = new Map<string, { areas: string[]; languages: string[]; audiences: string[] }>()
  if (resourceIds.length > 0) {
    const rows = await db.execute(sql`
      select r.id, r.languages, r.audiences,
        coalesce(array(select a.slug from resource_area ra join area a on a.id = ra.area_id
          where ra.resource_id = r.id order by a.position), '{}') as areas
      from resource r where r.id in (${sql.join(
        resourceIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`)
    for (const row of rowsOf<{ id: string; languages: string[]; audiences: string[]; areas: string[] }>(rows))
      resourceFacts.set(row.id, row)
  }
  const candidates: Candidate[] = hits.map((hit) => ({
    ref: hit.ref,
    type: typeOf(hit.collection),
    score: hit.score,
    ...(resourceFacts.get(hit.ref) ?? { areas: [], languages: [], audiences: [] }),
  }))
  const kept = candidates.filter((candidate) => keeps(candidate, filters))
  const facet = (except: keyof Filters, values: (candidate: Candidate) => string[]) =>
    countBy(candidates.filter((candidate) => keeps(candidate, filters, except)).flatMap(values))
  const page = kept.slice(options.offset, options.offset + options.limit)
  const items = await describe(db, page, language, resolved)
  const next = options.offset + options.limit
  return {
    items,
    total: kept.length,
    facets: {
      type: facet('types', (candidate) => [candidate.type]),
      area: facet('area', (candidate) => candidate.areas),
      language: facet('language', (candidate) => candidate.languages),
      audience: facet('audience', (candidate) => candidate.audiences),
    },
    nextCursor: next < kept.length ? String(next) : null,
  }
}

type Described = { id: string; title: string; language: string; text: string; extra: Partial<SearchHit> }

/** Titles and texts of a page of results, each in the visitor's language when it has it. */
async function describe(
  db: Database,
  page: Candidate[],
  language: string,
  { terms, segments }: ResolvedQuery,
): Promise<SearchHit[]> {
  const ids = (type: SearchType) => page.filter((c) => c.type === type).map((c) => sql`${c.ref}::uuid`)
  const found = new Map<string, Described>()
  for (const [ref, occupation] of await shownOccupations(
    db,
    segments,
    page.filter((c) => c.type === 'occupation').map((c) => c.ref),
  )) {
    const [title, titleLanguage] = pickLanguage(occupation.title, language)
    found.set(ref, {
      id: ref,
      title,
      language: titleLanguage,
      text: occupation.description[titleLanguage] ?? '',
      extra: { taxonomy: occupation.taxonomy, code: occupation.code },
    })
  }
  if (ids('training').length > 0) {
    const rows = await db.execute(sql`select id, title, language, kind, description from training
      where id in (${sql.join(ids('training'), sql`, `)})`)
    for (const row of rowsOf<{
      id: string
      title: string
      language: string
      kind: string
      description: string
    }>(rows))
      found.set(row.id, { ...row, text: row.description || row.kind, extra: {} })
  }
  if (ids('resource').length > 0) {
    const rows = await db.execute(sql`select id, title, summary, type, languages from resource
      where id in (${sql.join(ids('resource'), sql`, `)})`)
    for (const row of rowsOf<{
      id: string
      title: string
      summary: string
      type: string
      languages: string[]
    }>(rows))
      found.set(row.id, {
        id: row.id,
        title: row.title,
        language: row.languages.includes(language) ? language : (row.languages[0] ?? language),
        text: row.summary,
        extra: { resourceType: row.type },
      })
  }
  const described = page.flatMap((candidate) => {
    const item = found.get(candidate.ref)
    return item ? [{ candidate, item }] : []
  })
  const stems = [...new Set(terms.map((term) => term.term))]
  return described.map(({ candidate, item }) => ({
    type: candidate.type,
    id: item.id,
    title: item.title,
    language: item.language,
    snippet: highlight(item.text, stems),
    score: Math.round(candidate.score * 1000) / 1000,
    ...item.extra,
  }))
}
