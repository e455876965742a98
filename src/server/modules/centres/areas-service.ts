import { and, asc, eq } from 'drizzle-orm'
import { type AreaInput, areaInputSchema } from '../../../shared/schemas/centres'
import type { Database } from '../../db/client'
import { uniqueViolation } from '../../db/errors'
import { area } from '../../db/schema/centres'
import { conflict, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'

type Scope = { db: Database; centreId: string }

export async function listAreas({ db, centreId }: Scope) {
  return db.select().from(area).where(eq(area.centreId, centreId)).orderBy(asc(area.position), asc(area.slug))
}

export async function getArea({ db, centreId, areaId }: Scope & { areaId: string }) {
  const [row] = await db
    .select()
    .from(area)
    .where(and(eq(area.centreId, centreId), eq(area.id, areaId)))
  if (!row) throw notFound('error.area.notFound')
  return row
}

// The unique constraints decide, so two managers saving the same letter at once cannot both win.
function rethrowAreaConflict(error: unknown): never {
  const constraint = uniqueViolation(error)
  if (constraint === 'area_centre_slug_key') throw conflict('error.area.slugTaken', 'slug')
  if (constraint === 'area_centre_letter_key') throw conflict('error.area.letterTaken', 'ticketLetter')
  throw error
}

export async function createArea({
  db,
  centreId,
  actorUserId,
  input,
}: Scope & { actorUserId: string | null; input: AreaInput }) {
  const values = areaInputSchema.parse(input)
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(area)
        .values({ ...values, centreId })
        .returning()
      if (!row) throw new Error('area insert returned nothing')
      await recordAudit(tx, {
        actorUserId,
        centreId,
        action: 'create',
        entity: 'area',
        entityId: row.id,
        data: values,
      })
      return row
    })
  } catch (error) {
    rethrowAreaConflict(error)
  }
}

export async function updateArea(
  options: Scope & { actorUserId: string | null; areaId: string; input: AreaInput },
) {
  const { db, centreId, actorUserId, areaId } = options
  const values = areaInputSchema.parse(options.input)
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(area)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(area.centreId, centreId), eq(area.id, areaId)))
        .returning()
      if (!row) throw notFound('error.area.notFound')
      await recordAudit(tx, {
        actorUserId,
        centreId,
        action: 'update',
        entity: 'area',
        entityId: areaId,
        data: values,
      })
      return row
    })
  } catch (error) {
    rethrowAreaConflict(error)
  }
}

export async function deleteArea({
  db,
  centreId,
  actorUserId,
  areaId,
}: Scope & { actorUserId: string | null; areaId: string }) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(area)
      .where(and(eq(area.centreId, centreId), eq(area.id, areaId)))
      .returning({ id: area.id, slug: area.slug })
    if (!row) throw notFound('error.area.notFound')
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'delete',
      entity: 'area',
      entityId: areaId,
      data: { slug: row.slug },
    })
  })
}
