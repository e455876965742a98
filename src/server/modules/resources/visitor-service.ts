import { and, asc, eq, sql } from 'drizzle-orm'
import type {
  ResourceCard,
  ResourceDetail,
  ResourceFilters,
  ResourcePage,
} from '../../../shared/schemas/resources'
import type { Database } from '../../db/client'
import type { centre } from '../../db/schema/centres'
import { resource, resourceOccupation } from '../../db/schema/resources'
import { notFound } from '../../http/errors'
import { loadOpenStatuses } from '../centres/area-status'
import { findResources } from './catalogue-query'
import { loadLinks, loadResources, presentCard } from './read-resources'

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
    areas: links.areasOf(row.id).map((a) => ({
      id: a.id,
      slug: a.slug,
      name: a.name,
      description: a.description,
      colour: a.colour,
      pictogram: a.pictogram,
      status: statuses.area(a.id),
    })),
    themes: card.themes,
    occupations: links.occupationsOf(row.id).map(({ taxonomy, code, title }) => ({ taxonomy, code, title })),
    localDate: statuses.localDate,
  }
}

/**
 * Resources of a centre about an occupation, for the occupation's page: visitor-safe cards, those on a
 * shelf first, then by title.
 */
export async function resourcesForOccupation(
  db: Database,
  options: { centreId: string; occupationId: string; limit: number; language?: string },
): Promise<ResourceCard[]> {
  const rows = await db
    .select({ id: resource.id })
    .from(resource)
    .innerJoin(resourceOccupation, eq(resourceOccupation.resourceId, resource.id))
    .where(
      and(eq(resource.centreId, options.centreId), eq(resourceOccupation.occupationId, options.occupationId)),
    )
    .orderBy(sql`${resource.shelf} is null`, asc(sql`lower(${resource.title})`), asc(resource.id))
    .limit(Math.max(1, Math.min(options.limit, 50)))
  const ids = rows.map((row) => row.id)
  const [resources, links] = await Promise.all([
    loadResources(db, ids),
    loadLinks(db, ids, options.language ? [options.language] : []),
  ])
  return resources.map((row) => presentCard(row, links))
}
