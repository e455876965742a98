import { and, eq } from 'drizzle-orm'
import type { ResourceFilters, StaffResource } from '../../../shared/schemas/resources'
import type { Database } from '../../db/client'
import type { centre } from '../../db/schema/centres'
import { resource } from '../../db/schema/resources'
import { notFound } from '../../http/errors'
import type { Actor } from '../auth/actor'
import { findPartnerWriter } from '../auth/partner-writer'
import { findResources } from './catalogue-query'
import { loadResources, presentStaffResources } from './read-resources'

type Centre = typeof centre.$inferSelect

/** The catalogue as staff manage it: the same filters as visitors, with partners and edit rights. */
export async function listStaffResources(options: {
  db: Database
  home: Centre
  actor: Actor
  filters: ResourceFilters
  language: string
}) {
  const { db, home } = options
  const languages = [...new Set([options.language, home.defaultLanguage])]
  const found = await findResources({
    db,
    centreId: home.id,
    filters: options.filters,
    languages,
    withFacets: false,
  })
  const items = await presentStaffResources({
    db,
    rows: await loadResources(db, found.ids),
    languages,
    writer: findPartnerWriter(options.actor, home.id),
  })
  return { items, total: found.total, nextCursor: found.nextCursor }
}

export async function getStaffResource(options: {
  db: Database
  home: Centre
  actor: Actor
  resourceId: string
  language: string
}): Promise<StaffResource> {
  const { db, home } = options
  const rows = await db
    .select()
    .from(resource)
    .where(and(eq(resource.centreId, home.id), eq(resource.id, options.resourceId)))
  if (rows.length === 0) throw notFound('error.resource.notFound')
  const [item] = await presentStaffResources({
    db,
    rows,
    languages: [...new Set([options.language, home.defaultLanguage])],
    writer: findPartnerWriter(options.actor, home.id),
  })
  if (!item) throw notFound('error.resource.notFound')
  return item
}
