import { and, eq } from 'drizzle-orm'
import { type ClosureInput, closureInputSchema } from '../../../shared/schemas/centres'
import type { Database } from '../../db/client'
import { closure } from '../../db/schema/centres'
import { notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { getArea } from './areas-service'

type Scope = { db: Database; centreId: string }

export async function createClosure({
  db,
  centreId,
  actorUserId,
  input,
}: Scope & { actorUserId: string | null; input: ClosureInput }) {
  const values = closureInputSchema.parse(input)
  if (values.areaId) await getArea({ db, centreId, areaId: values.areaId })
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(closure)
      .values({ ...values, centreId })
      .returning()
    if (!row) throw new Error('closure insert returned nothing')
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'create',
      entity: 'closure',
      entityId: row.id,
      data: values,
    })
    return row
  })
}

export async function deleteClosure({
  db,
  centreId,
  actorUserId,
  closureId,
}: Scope & { actorUserId: string | null; closureId: string }) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(closure)
      .where(and(eq(closure.centreId, centreId), eq(closure.id, closureId)))
      .returning({ id: closure.id })
    if (!row) throw notFound('error.closure.notFound')
    await recordAudit(tx, { actorUserId, centreId, action: 'delete', entity: 'closure', entityId: closureId })
  })
}
