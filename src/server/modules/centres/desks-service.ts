import { and, asc, eq, inArray } from 'drizzle-orm'
import { type DeskInput, deskInputSchema } from '../../../shared/schemas/centres'
import type { Database } from '../../db/client'
import { uniqueViolation } from '../../db/errors'
import { area, desk, deskArea } from '../../db/schema/centres'
import { AppError, conflict, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { lockCentre } from './centres-service'

type Scope = { db: Database; centreId: string }

export async function listDesks({ db, centreId }: Scope) {
  const desks = await db
    .select()
    .from(desk)
    .where(eq(desk.centreId, centreId))
    .orderBy(asc(desk.position), asc(desk.name))
  const links = desks.length
    ? await db
        .select({ deskId: deskArea.deskId, areaId: deskArea.areaId })
        .from(deskArea)
        .where(
          inArray(
            deskArea.deskId,
            desks.map((d) => d.id),
          ),
        )
    : []
  return desks.map((row) => ({ row, areaIds: links.filter((l) => l.deskId === row.id).map((l) => l.areaId) }))
}

/** A desk may only serve areas of its own centre. */
async function assertAreasInCentre(tx: Database, centreId: string, areaIds: string[]) {
  if (areaIds.length === 0) return
  const found = await tx
    .select({ id: area.id })
    .from(area)
    .where(and(eq(area.centreId, centreId), inArray(area.id, areaIds)))
  if (found.length !== new Set(areaIds).size) {
    throw new AppError(
      'validation',
      'error.desk.unknownArea',
      {},
      { areaIds: { key: 'error.desk.unknownArea', values: {} } },
    )
  }
}

function rethrowDeskConflict(error: unknown): never {
  if (uniqueViolation(error) === 'desk_centre_name_key') throw conflict('error.desk.nameTaken', 'name')
  throw error
}

async function saveDesk(options: Scope & { actorUserId: string | null; deskId?: string; input: DeskInput }) {
  const { db, centreId, actorUserId, deskId } = options
  const { areaIds, ...values } = deskInputSchema.parse(options.input)
  const uniqueAreaIds = [...new Set(areaIds)]
  try {
    return await db.transaction(async (tx) => {
      await lockCentre(tx, centreId)
      await assertAreasInCentre(tx, centreId, uniqueAreaIds)
      const [row] = deskId
        ? await tx
            .update(desk)
            .set({ ...values, updatedAt: new Date() })
            .where(and(eq(desk.centreId, centreId), eq(desk.id, deskId)))
            .returning()
        : await tx
            .insert(desk)
            .values({ ...values, centreId })
            .returning()
      if (!row) throw notFound('error.desk.notFound')
      await tx.delete(deskArea).where(eq(deskArea.deskId, row.id))
      if (uniqueAreaIds.length)
        await tx.insert(deskArea).values(uniqueAreaIds.map((areaId) => ({ deskId: row.id, areaId })))
      await recordAudit(tx, {
        actorUserId,
        centreId,
        action: deskId ? 'update' : 'create',
        entity: 'desk',
        entityId: row.id,
        data: { ...values, areaIds: uniqueAreaIds },
      })
      return { row, areaIds: uniqueAreaIds }
    })
  } catch (error) {
    rethrowDeskConflict(error)
  }
}

export function createDesk(options: Scope & { actorUserId: string | null; input: DeskInput }) {
  return saveDesk(options)
}

export function updateDesk(
  options: Scope & { actorUserId: string | null; deskId: string; input: DeskInput },
) {
  return saveDesk(options)
}

export async function deleteDesk({
  db,
  centreId,
  actorUserId,
  deskId,
}: Scope & { actorUserId: string | null; deskId: string }) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(desk)
      .where(and(eq(desk.centreId, centreId), eq(desk.id, deskId)))
      .returning({ id: desk.id, name: desk.name })
    if (!row) throw notFound('error.desk.notFound')
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'delete',
      entity: 'desk',
      entityId: deskId,
      data: { name: row.name },
    })
  })
}
