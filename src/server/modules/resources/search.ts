import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'

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

/** Rebuilds the centre's catalogue in the search index, inside the write's own transaction. */
export async function reindexResources(_tx: Database, _centreId: string): Promise<void> {
  // Until the shared index lands, searching reads the catalogue directly (see searchResources).
}

export type ResourceHit = { ref: string; score: number }

/**
 * Resources of a centre matching `q`, best first. Temporary: every word must appear (accents and case
 * ignored) in the title, summary, publisher or a theme name; a word in the title counts most.
 */
export async function searchResources(options: {
  db: Database
  centreId: string
  q: string
  languages: string[]
  limit: number
}): Promise<ResourceHit[]> {
  const words = options.q
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 8)
  if (words.length === 0) return []
  const pattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const haystack = sql`lower(unaccent(r.title || ' ' || r.summary || ' ' || r.publisher || ' ' || coalesce((
      select string_agg(t.name::text, ' ') from resource_theme_link tl join resource_theme t on t.id = tl.theme_id
      where tl.resource_id = r.id), '')))`
  const every = sql.join(
    words.map((word) => sql`${haystack} like lower(unaccent(${pattern(word)}))`),
    sql` and `,
  )
  const score = sql.join(
    words.map(
      (word) =>
        sql`(case when lower(unaccent(r.title)) like lower(unaccent(${pattern(word)})) then 3 else 1 end)`,
    ),
    sql` + `,
  )
  const result = await options.db.execute(sql`
    select r.id as ref, (${score})::real as score from resource r
    where r.centre_id = ${options.centreId} and ${every}
    order by score desc, r.id
    limit ${options.limit}`)
  const rows = (result as unknown as { rows: { ref: string; score: number }[] }).rows
  return rows.map((row) => ({ ref: row.ref, score: Number(row.score) }))
}
