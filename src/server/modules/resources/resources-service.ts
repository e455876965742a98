import { and, eq, sql } from 'drizzle-orm'
import {
  type OccupationRef,
  type ResourceInput,
  type ResourceValues,
  resourceInputSchema,
} from '../../../shared/schemas/resources'
import type { Database } from '../../db/client'
import { area } from '../../db/schema/centres'
import {
  resource,
  resourceArea,
  resourceOccupation,
  resourceTheme,
  resourceThemeLink,
} from '../../db/schema/resources'
import { together } from '../../db/together'
import { fieldRefusal, forbidden, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { canChange, type PartnerWriter, partnerForNew } from '../auth/partner-writer'
import { countOfCentre } from '../centres/of-centre'
import { lockCatalogue, reindexResources } from './search'

type Write = { db: Database; centreId: string; actorUserId: string | null; writer: PartnerWriter }

/** `rome:J1501` — how an occupation is named in messages and in the CSV. */
export const occupationKey = (ref: OccupationRef) => `${ref.taxonomy}:${ref.code}`

/** The ids of the occupations named, in the same order; `undefined` where the reference data has none. */
export async function findOccupationIds(db: Database, refs: readonly OccupationRef[]) {
  if (refs.length === 0) return []
  const result = await db.execute(sql`
    select o.id, o.taxonomy, o.code from occupation o
    join jsonb_to_recordset(${JSON.stringify(refs)}::jsonb) as r (taxonomy text, code text)
      on o.taxonomy = r.taxonomy and o.code = r.code`)
  const rows = (result as unknown as { rows: { id: string; taxonomy: string; code: string }[] }).rows
  const ids = new Map(rows.map((row) => [occupationKey(row), row.id]))
  return refs.map((ref) => ids.get(occupationKey(ref)))
}

/** The resource's links, checked to belong to the centre: an unknown id is a 422, never a silent drop. */
async function resolveLinks(tx: Database, centreId: string, values: ResourceValues) {
  const [areas, themes, occupationIds] = await together(
    tx,
    () => countOfCentre(tx, area, centreId, values.areaIds),
    () => countOfCentre(tx, resourceTheme, centreId, values.themeIds),
    () => findOccupationIds(tx, values.occupations),
  )
  if (areas !== values.areaIds.length) throw fieldRefusal('areaIds', 'error.resource.unknownArea')
  if (themes !== values.themeIds.length) throw fieldRefusal('themeIds', 'error.resource.unknownTheme')
  if (occupationIds.some((id) => id === undefined))
    throw fieldRefusal('occupations', 'error.resource.unknownOccupation')
  return { areaIds: values.areaIds, themeIds: values.themeIds, occupationIds: occupationIds as string[] }
}

export type ResourceLinks = { areaIds: string[]; themeIds: string[]; occupationIds: string[] }

/** The columns of a resource row, from validated values. */
export function resourceColumns(values: ResourceValues) {
  return {
    type: values.type,
    title: values.title,
    summary: values.summary,
    languages: values.languages,
    audiences: values.audiences,
    easyRead: values.easyRead,
    shelf: values.shelf,
    copies: values.copies,
    url: values.url,
    publisher: values.publisher,
    lastReviewed: values.lastReviewed,
  }
}

/** Replaces a resource's areas, themes and occupations. */
export async function replaceLinks(tx: Database, resourceId: string, links: ResourceLinks) {
  await tx.delete(resourceArea).where(eq(resourceArea.resourceId, resourceId))
  await tx.delete(resourceThemeLink).where(eq(resourceThemeLink.resourceId, resourceId))
  await tx.delete(resourceOccupation).where(eq(resourceOccupation.resourceId, resourceId))
  if (links.areaIds.length > 0)
    await tx.insert(resourceArea).values(links.areaIds.map((areaId) => ({ resourceId, areaId })))
  if (links.themeIds.length > 0)
    await tx.insert(resourceThemeLink).values(links.themeIds.map((themeId) => ({ resourceId, themeId })))
  if (links.occupationIds.length > 0)
    await tx
      .insert(resourceOccupation)
      .values(links.occupationIds.map((occupationId) => ({ resourceId, occupationId })))
}

/** A resource of the centre, locked for the write, checked against what the writer may change. */
export async function lockChangeable(
  tx: Database,
  centreId: string,
  resourceId: string,
  writer: PartnerWriter,
) {
  const [current] = await tx
    .select({ id: resource.id, partnerId: resource.partnerId, title: resource.title })
    .from(resource)
    .where(and(eq(resource.centreId, centreId), eq(resource.id, resourceId)))
    .for('update')
  if (!current) throw notFound('error.resource.notFound')
  if (!canChange(writer, current.partnerId)) throw forbidden()
  return current
}

export async function createResource({
  db,
  centreId,
  actorUserId,
  writer,
  input,
}: Write & { input: ResourceInput }) {
  const values = resourceInputSchema.parse(input)
  return db.transaction(async (tx) => {
    await lockCatalogue(tx, centreId)
    const links = await resolveLinks(tx, centreId, values)
    const [row] = await tx
      .insert(resource)
      .values({ ...resourceColumns(values), centreId, partnerId: partnerForNew(writer) })
      .returning({ id: resource.id })
    if (!row) throw new Error('resource insert returned nothing')
    await replaceLinks(tx, row.id, links)
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'create',
      entity: 'resource',
      entityId: row.id,
      data: { title: values.title, type: values.type },
    })
    await reindexResources(tx, centreId)
    return row.id
  })
}

export async function updateResource(options: Write & { resourceId: string; input: ResourceInput }) {
  const { db, centreId, actorUserId, writer, resourceId } = options
  const values = resourceInputSchema.parse(options.input)
  await db.transaction(async (tx) => {
    await lockCatalogue(tx, centreId)
    await lockChangeable(tx, centreId, resourceId, writer)
    const links = await resolveLinks(tx, centreId, values)
    await tx
      .update(resource)
      .set({ ...resourceColumns(values), updatedAt: sql`now()` })
      .where(eq(resource.id, resourceId))
    await replaceLinks(tx, resourceId, links)
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'update',
      entity: 'resource',
      entityId: resourceId,
      data: { title: values.title, type: values.type },
    })
    await reindexResources(tx, centreId)
  })
}

export async function deleteResource({
  db,
  centreId,
  actorUserId,
  writer,
  resourceId,
}: Write & { resourceId: string }) {
  await db.transaction(async (tx) => {
    await lockCatalogue(tx, centreId)
    const current = await lockChangeable(tx, centreId, resourceId, writer)
    await tx.delete(resource).where(eq(resource.id, resourceId))
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'delete',
      entity: 'resource',
      entityId: resourceId,
      data: { title: current.title },
    })
    await reindexResources(tx, centreId)
  })
}
