import { and, asc, eq, sql } from 'drizzle-orm'
import {
  type ResourceThemeInput,
  resourceThemeInputSchema,
  type ThemeOrderInput,
  themeOrderInputSchema,
} from '../../../shared/schemas/resources'
import type { Database } from '../../db/client'
import { uniqueViolation } from '../../db/errors'
import { resourceTheme } from '../../db/schema/resources'
import { AppError, conflict, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { lockCatalogue, reindexResources } from './search'

type Scope = { db: Database; centreId: string }
type Write = Scope & { actorUserId: string | null }

export async function listThemes({ db, centreId }: Scope) {
  return db
    .select()
    .from(resourceTheme)
    .where(eq(resourceTheme.centreId, centreId))
    .orderBy(asc(resourceTheme.position), asc(resourceTheme.slug))
}

function rethrowThemeConflict(error: unknown): never {
  if (uniqueViolation(error) === 'resource_theme_centre_slug_key')
    throw conflict('error.resourceTheme.slugTaken', 'slug')
  throw error
}

/** A new theme goes last unless a position is given. */
export async function createTheme({
  db,
  centreId,
  actorUserId,
  input,
}: Write & { input: ResourceThemeInput }) {
  const values = resourceThemeInputSchema.parse(input)
  try {
    return await db.transaction(async (tx) => {
      const [last] = await tx
        .select({ position: sql<number>`coalesce(max(${resourceTheme.position}) + 1, 0)::int` })
        .from(resourceTheme)
        .where(eq(resourceTheme.centreId, centreId))
      const [row] = await tx
        .insert(resourceTheme)
        .values({ ...values, position: values.position ?? last?.position ?? 0, centreId })
        .returning()
      if (!row) throw new Error('theme insert returned nothing')
      await recordAudit(tx, {
        actorUserId,
        centreId,
        action: 'create',
        entity: 'resource_theme',
        entityId: row.id,
        data: values,
      })
      return row
    })
  } catch (error) {
    rethrowThemeConflict(error)
  }
}

/** Renaming a theme changes what its resources are found by: the catalogue's index is rebuilt. */
export async function updateTheme(options: Write & { themeId: string; input: ResourceThemeInput }) {
  const { db, centreId, actorUserId, themeId } = options
  const values = resourceThemeInputSchema.parse(options.input)
  try {
    return await db.transaction(async (tx) => {
      await lockCatalogue(tx, centreId)
      const [row] = await tx
        .update(resourceTheme)
        .set(values)
        .where(and(eq(resourceTheme.centreId, centreId), eq(resourceTheme.id, themeId)))
        .returning()
      if (!row) throw notFound('error.resourceTheme.notFound')
      await recordAudit(tx, {
        actorUserId,
        centreId,
        action: 'update',
        entity: 'resource_theme',
        entityId: themeId,
        data: values,
      })
      await reindexResources(tx, centreId)
      return row
    })
  } catch (error) {
    rethrowThemeConflict(error)
  }
}

/** Removing a theme untags its resources (they stay in the catalogue). */
export async function deleteTheme({ db, centreId, actorUserId, themeId }: Write & { themeId: string }) {
  await db.transaction(async (tx) => {
    await lockCatalogue(tx, centreId)
    const [row] = await tx
      .delete(resourceTheme)
      .where(and(eq(resourceTheme.centreId, centreId), eq(resourceTheme.id, themeId)))
      .returning({ slug: resourceTheme.slug })
    if (!row) throw notFound('error.resourceTheme.notFound')
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'delete',
      entity: 'resource_theme',
      entityId: themeId,
      data: { slug: row.slug },
    })
    await reindexResources(tx, centreId)
  })
}

/**
 * Puts the themes in the order given. The list must hold every theme of the centre exactly once, so
 * that two managers reordering at once cannot leave a theme without a place.
 */
export async function reorderThemes({
  db,
  centreId,
  actorUserId,
  input,
}: Write & { input: ThemeOrderInput }) {
  const { ids } = themeOrderInputSchema.parse(input)
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ id: resourceTheme.id })
      .from(resourceTheme)
      .where(eq(resourceTheme.centreId, centreId))
      .for('update')
    const known = new Set(current.map((row) => row.id))
    if (ids.length !== known.size || ids.some((id) => !known.has(id)))
      throw new AppError(
        'validation',
        'error.resourceTheme.orderIncomplete',
        {},
        {
          ids: { key: 'error.resourceTheme.orderIncomplete', values: {} },
        },
      )
    for (const [position, id] of ids.entries()) {
      await tx.update(resourceTheme).set({ position }).where(eq(resourceTheme.id, id))
    }
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'update',
      entity: 'resource_theme_order',
      data: { ids },
    })
    return listThemes({ db: tx, centreId })
  })
}
