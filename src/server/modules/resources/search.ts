import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { indexCollection, lockCollection } from '../search/index-collection'
import { searchIndex } from '../search/query'

/** A centre's catalogue is one collection of the shared search index: word rarity counts within it. */
export const resourceCollection = (centreId: string) => `resource:${centreId}`

/**
 * What the index holds for each resource: one document per language it is written in (or the centre's
 * default language when none is given), its title counting most, then its summary, then its publisher
 * and theme names.
 */
export function resourceSearchSource(centreId: string): SQL {
  return sql`
    with docs as (
      select r.id, r.title, r.summary, r.publisher, c.default_language,
        case when cardinality(r.languages) > 0 then r.languages else array[c.default_language] end as languages
      from resource r join centre c on c.id = r.centre_id
      where r.centre_id = ${centreId}
    )
    select d.id as ref, l.language, f.weight, f.body
    from docs d
    cross join lateral unnest(d.languages) as l(language)
    cross join lateral (values
      (3.0::real, d.title),
      (1.0::real, d.summary),
      (0.5::real, d.publisher),
      (0.5::real, (
        select string_agg(coalesce(t.name ->> l.language, t.name ->> d.default_language, ''), ' ')
        from resource_theme_link tl join resource_theme t on t.id = tl.theme_id
        where tl.resource_id = d.id
      ))
    ) as f(weight, body)
    where coalesce(f.body, '') <> ''`
}

/** Serialises a centre's catalogue writes (see `lockCollection`). */
export async function lockCatalogue(tx: Database, centreId: string): Promise<void> {
  await lockCollection(tx, resourceCollection(centreId))
}

/** Rebuilds the centre's catalogue in the search index, inside the write's own transaction. */
export async function reindexResources(tx: Database, centreId: string): Promise<void> {
  await indexCollection(tx, resourceCollection(centreId), resourceSearchSource(centreId))
}

export type ResourceHit = { ref: string; score: number }

/**
 * Resources of a centre matching `q`, best first, from the shared search index: words stemmed in each
 * of `languages` (the visitor's, then the centre's), typos and a word still being typed forgiven. A
 * resource found in several languages keeps its best score.
 */
export async function searchResources(options: {
  db: Database
  centreId: string
  q: string
  languages: string[]
  limit: number
}): Promise<ResourceHit[]> {
  const best = new Map<string, number>()
  for (const language of options.languages) {
    const hits = await searchIndex({
      db: options.db,
      q: options.q,
      language,
      collections: [resourceCollection(options.centreId)],
      limit: options.limit,
    })
    for (const hit of hits) best.set(hit.ref, Math.max(best.get(hit.ref) ?? 0, hit.score))
  }
  return [...best]
    .map(([ref, score]) => ({ ref, score }))
    .sort((a, b) => b.score - a.score || a.ref.localeCompare(b.ref))
    .slice(0, options.limit)
}
