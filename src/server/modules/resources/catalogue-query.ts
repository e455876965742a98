import { and, eq, type SQL, sql } from 'drizzle-orm'
import type { ResourceFacets, ResourceFilters } from '../../../shared/schemas/resources'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { area } from '../../db/schema/centres'
import { resourceTheme } from '../../db/schema/resources'
import { searchResources } from './search'

/** How many search hits are filtered and counted: far more than anyone reads, few enough to stay fast. */
const MAX_HITS = 1000

type Facet = 'type' | 'area' | 'theme' | 'language' | 'audience' | 'easyRead'

/** A list of validated uuids as a PostgreSQL array. */
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`

async function slugId(db: Database, centreId: string, kind: 'area' | 'theme', slug: string | undefined) {
  if (!slug) return undefined
  const table = kind === 'area' ? area : resourceTheme
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.centreId, centreId), eq(table.slug, slug)))
  // An unknown slug (a link to an area since removed) matches nothing rather than failing.
  return row?.id ?? null
}

/**
 * The resources of a centre that pass the filters, one page of them in order (best match first when
 * searching, else by title), how many there are, and — when asked — the facet counts.
 */
export async function findResources(options: {
  db: Database
  centreId: string
  filters: ResourceFilters
  /** Languages to search the words in: the visitor's, then the centre's. */
  languages: string[]
  withFacets: boolean
}) {
  const { db, centreId, filters } = options
  const offset = Number(filters.cursor ?? 0)
  const [areaId, themeId] = await Promise.all([
    slugId(db, centreId, 'area', filters.area),
    slugId(db, centreId, 'theme', filters.theme),
  ])
  const q = filters.q?.trim() ?? ''
  const hits = q
    ? await searchResources({ db, centreId, q, languages: options.languages, limit: MAX_HITS })
    : null
  if (areaId === null || themeId === null || hits?.length === 0) {
    return { ids: [] as string[], total: 0, nextCursor: null, facets: options.withFacets ? noFacets() : null }
  }
  const hitIds = hits ? uuidArray(hits.map((hit) => hit.ref)) : null

  const where = (except?: Facet) => {
    const conditions: SQL[] = [sql`r.centre_id = ${centreId}`]
    if (hitIds) conditions.push(sql`r.id = any(${hitIds})`)
    if (filters.type && except !== 'type') conditions.push(sql`r.type = ${filters.type}`)
    if (areaId && except !== 'area')
      conditions.push(
        sql`exists (select 1 from resource_area x where x.resource_id = r.id and x.area_id = ${areaId})`,
      )
    if (themeId && except !== 'theme')
      conditions.push(
        sql`exists (select 1 from resource_theme_link x where x.resource_id = r.id and x.theme_id = ${themeId})`,
      )
    if (filters.language && except !== 'language')
      conditions.push(sql`${filters.language} = any(r.languages)`)
    if (filters.audience && except !== 'audience')
      conditions.push(sql`${filters.audience} = any(r.audiences)`)
    if (filters.easyRead !== undefined && except !== 'easyRead')
      conditions.push(sql`r.easy_read = ${filters.easyRead}`)
    return sql.join(conditions, sql` and `)
  }

  const order = hitIds ? sql`array_position(${hitIds}, r.id)` : sql`lower(unaccent(r.title)), r.id`
  const [page, counted, facets] = await Promise.all([
    db.execute(sql`select r.id from resource r where ${where()} order by ${order}
      limit ${filters.limit} offset ${offset}`),
    db.execute(sql`select count(*)::int as n from resource r where ${where()}`),
    options.withFacets ? countFacets(db, where) : null,
  ])
  const ids = rowsOf<{ id: string }>(page).map((row) => row.id)
  const total = rowsOf<{ n: number }>(counted)[0]?.n ?? 0
  const next = offset + ids.length
  return { ids, total, nextCursor: next < total ? String(next) : null, facets }
}

function noFacets(): ResourceFacets {
  return { type: [], area: [], theme: [], language: [], audience: [], easyRead: 0 }
}

/** Each facet counted with every other filter applied but its own. */
async function countFacets(db: Database, where: (except?: Facet) => SQL): Promise<ResourceFacets> {
  type Count = { value: string; count: number }
  const ordered = sql`order by count desc, value`
  const [type, areas, themes, language, audience, easyRead] = await Promise.all([
    db.execute(sql`select r.type as value, count(*)::int as count from resource r
      where ${where('type')} group by r.type ${ordered}`),
    db.execute(sql`select a.slug as value, count(*)::int as count from resource r
      join resource_area x on x.resource_id = r.id join area a on a.id = x.area_id
      where ${where('area')} group by a.slug ${ordered}`),
    db.execute(sql`select t.slug as value, count(*)::int as count from resource r
      join resource_theme_link x on x.resource_id = r.id join resource_theme t on t.id = x.theme_id
      where ${where('theme')} group by t.slug ${ordered}`),
    db.execute(sql`select l.value, count(*)::int as count from resource r
      cross join lateral unnest(r.languages) l(value)
      where ${where('language')} group by l.value ${ordered}`),
    db.execute(sql`select l.value, count(*)::int as count from resource r
      cross join lateral unnest(r.audiences) l(value)
      where ${where('audience')} group by l.value ${ordered}`),
    db.execute(sql`select count(*)::int as n from resource r where ${where('easyRead')} and r.easy_read`),
  ])
  return {
    type: rowsOf<Count>(type),
    area: rowsOf<Count>(areas),
    theme: rowsOf<Count>(themes),
    language: rowsOf<Count>(language),
    audience: rowsOf<Count>(audience),
    easyRead: rowsOf<{ n: number }>(easyRead)[0]?.n ?? 0,
  }
}
