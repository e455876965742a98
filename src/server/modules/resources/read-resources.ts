import { asc, eq, inArray } from 'drizzle-orm'
import type { Pictogram } from '../../../shared/constants'
import { pickText } from '../../../shared/i18n/locales'
import type {
  AskArea,
  Audience,
  ResourceCard,
  ResourceTheme,
  ResourceType,
  StaffResource,
} from '../../../shared/schemas/resources'
import type { Database } from '../../db/client'
import { area, partner } from '../../db/schema/centres'
import { occupation } from '../../db/schema/occupations'
import {
  resource,
  resourceArea,
  resourceOccupation,
  resourceTheme,
  resourceThemeLink,
} from '../../db/schema/resources'
import { together } from '../../db/together'
import { canChange, type PartnerWriter } from '../auth/partner-writer'

export type ResourceRow = typeof resource.$inferSelect

const group = <T extends { resourceId: string }>(rows: T[]) => {
  const byResource = new Map<string, T[]>()
  for (const row of rows) byResource.set(row.resourceId, [...(byResource.get(row.resourceId) ?? []), row])
  return (id: string) => byResource.get(id) ?? []
}

/**
 * The areas, themes and occupations of some resources, read in three queries whatever their number.
 * Occupation titles are given in `language`, else the centre's default, else any.
 */
export async function loadLinks(db: Database, ids: string[], languages: string[]) {
  if (ids.length === 0) return { areasOf: group([]), themesOf: group([]), occupationsOf: group([]) }
  const [areas, themes, occupations] = await together(
    db,
    () =>
      db
        .select({
          resourceId: resourceArea.resourceId,
          id: area.id,
          slug: area.slug,
          name: area.name,
          description: area.description,
          colour: area.colour,
          pictogram: area.pictogram,
        })
        .from(resourceArea)
        .innerJoin(area, eq(area.id, resourceArea.areaId))
        .where(inArray(resourceArea.resourceId, ids))
        .orderBy(asc(area.position), asc(area.slug)),
    () =>
      db
        .select({
          resourceId: resourceThemeLink.resourceId,
          id: resourceTheme.id,
          slug: resourceTheme.slug,
          name: resourceTheme.name,
        })
        .from(resourceThemeLink)
        .innerJoin(resourceTheme, eq(resourceTheme.id, resourceThemeLink.themeId))
        .where(inArray(resourceThemeLink.resourceId, ids))
        .orderBy(asc(resourceTheme.position), asc(resourceTheme.slug)),
    () =>
      db
        .select({
          resourceId: resourceOccupation.resourceId,
          taxonomy: occupation.taxonomy,
          code: occupation.code,
          title: occupation.title,
        })
        .from(resourceOccupation)
        .innerJoin(occupation, eq(occupation.id, resourceOccupation.occupationId))
        .where(inArray(resourceOccupation.resourceId, ids))
        .orderBy(asc(occupation.taxonomy), asc(occupation.code)),
  )
  return {
    areasOf: group(areas.map((row) => ({ ...row, pictogram: row.pictogram as Pictogram }))),
    themesOf: group(themes),
    occupationsOf: group(
      occupations.map(({ title, ...row }) => ({ ...row, title: pickText(title, ...languages) })),
    ),
  }
}

export type Links = Awaited<ReturnType<typeof loadLinks>>

/** Resource rows of a centre, in the order of `ids`. */
export async function loadResources(db: Database, ids: string[]) {
  if (ids.length === 0) return []
  const rows = await db.select().from(resource).where(inArray(resource.id, ids))
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

export function presentTheme(row: typeof resourceTheme.$inferSelect): ResourceTheme {
  return { id: row.id, slug: row.slug, name: row.name, position: row.position }
}

const tagOf = ({ id, slug, name }: { id: string; slug: string; name: Record<string, string> }) => ({
  id,
  slug,
  name,
})

/** An area where a visitor can ask about something, as the visitor pages show it. */
export function presentAskArea(a: {
  id: string
  slug: string
  name: Record<string, string>
  description: Record<string, string>
  colour: string
  pictogram: string
}): Omit<AskArea, 'status'> {
  const { id, slug, name, description, colour } = a
  return { id, slug, name, description, colour, pictogram: a.pictogram as Pictogram }
}

/** A resource in a visitor's list. Only what is listed here leaves the server: no partner, ever. */
export function presentCard(row: ResourceRow, links: Links): ResourceCard {
  return {
    id: row.id,
    type: row.type as ResourceType,
    title: row.title,
    summary: row.summary,
    languages: row.languages,
    audiences: row.audiences as Audience[],
    easyRead: row.easyRead,
    shelf: row.shelf,
    isOnline: row.url !== null,
    areas: links.areasOf(row.id).map((a) => ({ ...tagOf(a), colour: a.colour, pictogram: a.pictogram })),
    themes: links.themesOf(row.id).map(tagOf),
  }
}

/** Staff read resources with their contributing partner and whether they may change them. */
export async function presentStaffResources(options: {
  db: Database
  rows: ResourceRow[]
  languages: string[]
  writer: PartnerWriter | null
}): Promise<StaffResource[]> {
  const { db, rows, writer } = options
  const ids = rows.map((row) => row.id)
  const partnerIds = [...new Set(rows.flatMap((row) => (row.partnerId ? [row.partnerId] : [])))]
  const [links, partners] = await together(
    db,
    () => loadLinks(db, ids, options.languages),
    async () =>
      partnerIds.length === 0
        ? []
        : db
            .select({ id: partner.id, name: partner.name })
            .from(partner)
            .where(inArray(partner.id, partnerIds)),
  )
  const partnerOf = new Map(partners.map((p) => [p.id, p]))
  return rows.map((row) => ({
    id: row.id,
    type: row.type as ResourceType,
    title: row.title,
    summary: row.summary,
    languages: row.languages,
    audiences: row.audiences as Audience[],
    easyRead: row.easyRead,
    shelf: row.shelf,
    copies: row.copies,
    url: row.url,
    publisher: row.publisher,
    lastReviewed: row.lastReviewed,
    areaIds: links.areasOf(row.id).map((a) => a.id),
    themeIds: links.themesOf(row.id).map((t) => t.id),
    occupations: links.occupationsOf(row.id).map(({ taxonomy, code, title }) => ({ taxonomy, code, title })),
    partner: (row.partnerId && partnerOf.get(row.partnerId)) || null,
    canEdit: writer !== null && canChange(writer, row.partnerId),
    updatedAt: row.updatedAt.toISOString(),
  }))
}
