import { and, asc, countDistinct, eq, inArray, sql } from 'drizzle-orm'
import type {
  OccupationAtCentre,
  ResourceDetail,
  ResourceFilters,
  ResourcePage,
} from '../../../shared/schemas/resources'
import type { Database } from '../../db/client'
import { area, type centre } from '../../db/schema/centres'
import { resource, resourceArea, resourceOccupation } from '../../db/schema/resources'
import { notFound } from '../../http/errors'
import { loadOpenStatuses } from '../centres/area-status'
import { findResources } from './catalogue-query'
import { loadLinks, loadResources, presentAskArea, presentCard } from './read-resources'

type Centre = typeof centre.$inferSelect

/** Languages to read texts in: the visitor's first, then the centre's default. */
const languagesFor = (home: Centre, language: string) => [...new Set([language, home.defaultLanguage])]

/** The catalogue as visitors browse it: filters, facet counts, one page of cards. */
export async function listVisitorResources(options: {
  db: Database
  home: Centre
  filters: ResourceFilters
  language: string
}): Promise<ResourcePage> {
  const { db, home, filters } = options
  const languages = languagesFor(home, options.language)
  const found = await findResources({ db, centreId: home.id, filters, languages, withFacets: true })
  const rows = await loadResources(db, found.ids)
  const links = await loadLinks(db, found.ids, languages)
  return {
    items: rows.map((row) => presentCard(row, links)),
    total: found.total,
    nextCursor: found.nextCursor,
    facets: found.facets ?? { type: [], area: [], theme: [], language: [], audience: [], easyRead: 0 },
  }
}

/**
 * One resource for a visitor: where it is (shelf or address), and the areas to ask about it, each with
 * whether it is open now. Nothing about the partner that contributed it.
 */
export async function getVisitorResource(options: {
  db: Database
  home: Centre
  resourceId: string
  language: string
  now: Date
}): Promise<ResourceDetail> {
  const { db, home, resourceId } = options
  const [row] = await db
    .select()
    .from(resource)
    .where(and(eq(resource.centreId, home.id), eq(resource.id, resourceId)))
  if (!row) throw notFound('error.resource.notFound')
  const [links, statuses] = await Promise.all([
    loadLinks(db, [row.id], languagesFor(home, options.language)),
    loadOpenStatuses({ db, home, now: options.now }),
  ])
  const card = presentCard(row, links)
  return {
    id: row.id,
    type: card.type,
    title: row.title,
    summary: row.summary,
    languages: row.languages,
    audiences: card.audiences,
    easyRead: row.easyRead,
    shelf: row.shelf,
    copies: row.copies,
    url: row.url,
    publisher: row.publisher,
    lastReviewed: row.lastReviewed,
    areas: links.areasOf(row.id).map((a) => ({ ...presentAskArea(a), status: statuses.area(a.id) })),
    themes: card.themes,
    occupations: links.occupationsOf(row.id).map(({ taxonomy, code, title }) => ({ taxonomy, code, title })),
    localDate: statuses.localDate,
  }
}

/** Resources an occupation page lists before "see them all". */
const RESOURCES_SHOWN = 6

/**
 * What a centre has about an occupation, for its page: its resources (visitor-safe cards, those on a
 * shelf first, then by title) and the areas to talk about it, each open or not now. Those areas are the
 * ones shelving resources about it, most first; failing those, the area that shelves the most resources
 * about occupations at all; failing that, none (the page then points to the centre's home).
 */
export async function occupationAtCentre(options: {
  db: Database
  home: Centre
  occupationIds: string[]
  language: string
  now: Date
}): Promise<OccupationAtCentre> {
  const { db, home, occupationIds } = options
  const languages = languagesFor(home, options.language)
  const about = and(eq(resource.centreId, home.id), inArray(resourceOccupation.occupationId, occupationIds))
  const [rows, [count], areaRows, statuses] = await Promise.all([
    db
      .selectDistinct({
        id: resource.id,
        onShelf: sql<boolean>`${resource.shelf} is not null`,
        title: sql<string>`lower(${resource.title})`,
      })
      .from(resource)
      .innerJoin(resourceOccupation, eq(resourceOccupation.resourceId, resource.id))
      .where(about)
      .orderBy(sql`2 desc`, sql`3`, resource.id)
      .limit(RESOURCES_SHOWN),
    db
      .select({ total: countDistinct(resource.id) })
      .from(resource)
      .innerJoin(resourceOccupation, eq(resourceOccupation.resourceId, resource.id))
      .where(about),
    db
      .select({
        id: area.id,
        aboutIt:
          sql<number>`count(distinct ${resource.id}) filter (where ${inArray(resourceOccupation.occupationId, occupationIds)})`.mapWith(
            Number,
          ),
      })
      .from(resourceOccupation)
      .innerJoin(resource, eq(resource.id, resourceOccupation.resourceId))
      .innerJoin(resourceArea, eq(resourceArea.resourceId, resource.id))
      .innerJoin(area, eq(area.id, resourceArea.areaId))
      .where(eq(resource.centreId, home.id))
      .groupBy(area.id, area.position)
      .orderBy(sql`2 desc`, sql`count(distinct ${resource.id}) desc`, asc(area.position))
      .then((ranked) => {
        const aboutIt = ranked.filter((row) => row.aboutIt > 0)
        return aboutIt.length > 0 ? aboutIt : ranked.slice(0, 1)
      }),
    loadOpenStatuses({ db, home, now: options.now }),
  ])
  const ids = rows.map((row) => row.id)
  const [cards, links, areas] = await Promise.all([
    loadResources(db, ids),
    loadLinks(db, ids, languages),
    areaRows.length === 0
      ? []
      : db
          .select()
          .from(area)
          .where(
            inArray(
              area.id,
              areaRows.map((row) => row.id),
            ),
          ),
  ])
  return {
    resources: cards.map((row) => presentCard(row, links)),
    totalResources: count?.total ?? 0,
    areas: areaRows.flatMap(({ id }) => {
      const found = areas.find((a) => a.id === id)
      return found ? [{ ...presentAskArea(found), status: statuses.area(id) }] : []
    }),
    localDate: statuses.localDate,
  }
}
