import { and, eq } from 'drizzle-orm'
import {
  type OccupationRef,
  type TrainingInput,
  trainingInputSchema,
} from '../../../shared/schemas/trainings'
import type { Database } from '../../db/client'
import { uniqueViolation } from '../../db/errors'
import { occupation } from '../../db/schema/occupations'
import { training, trainingOccupation } from '../../db/schema/trainings'
import { conflict, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { lockCollection } from '../search/index-collection'
import { indexTrainings, trainingCollection } from './training-index'

type Scope = { db: Database; centreId: string; actorUserId: string | null }

function rethrowCodeTaken(error: unknown): never {
  if (uniqueViolation(error) === 'training_source_code_key')
    throw conflict('error.training.codeTaken', 'code')
  throw error
}

/**
 * A write to a centre's own courses, in one transaction with its audit entry and the rebuild of the
 * centre's search collection, so search never finds a course that is not (or no longer) there.
 */
async function write<T>(scope: Scope, work: (tx: Database) => Promise<T>): Promise<T> {
  try {
    return await scope.db.transaction(async (tx) => {
      await lockCollection(tx, trainingCollection(scope.centreId))
      const result = await work(tx)
      await indexTrainings(tx, { centreId: scope.centreId })
      return result
    })
  } catch (error) {
    rethrowCodeTaken(error)
  }
}

function audit(
  tx: Database,
  scope: Scope,
  entry: {
    action: 'create' | 'update' | 'delete'
    entity: 'training' | 'training_occupation'
    entityId: string
    data: Record<string, unknown>
  },
) {
  return recordAudit(tx, { actorUserId: scope.actorUserId, centreId: scope.centreId, ...entry })
}

/** One of the centre's own courses, locked for the rest of the transaction; ONISEP's cannot be changed here. */
async function ownTraining(tx: Database, centreId: string, trainingId: string) {
  const [row] = await tx
    .select({ id: training.id })
    .from(training)
    .where(and(eq(training.id, trainingId), eq(training.source, 'centre'), eq(training.centreId, centreId)))
    .for('update')
  if (!row) throw notFound('error.training.notFound')
  return row
}

export async function createCentreTraining(scope: Scope & { input: TrainingInput }) {
  const values = trainingInputSchema.parse(scope.input)
  return write(scope, async (tx) => {
    const [row] = await tx
      .insert(training)
      .values({ ...values, source: 'centre', centreId: scope.centreId })
      .returning({ id: training.id })
    if (!row) throw new Error('training insert returned nothing')
    await audit(tx, scope, { action: 'create', entity: 'training', entityId: row.id, data: values })
    return row.id
  })
}

export async function updateCentreTraining(scope: Scope & { trainingId: string; input: TrainingInput }) {
  const values = trainingInputSchema.parse(scope.input)
  return write(scope, async (tx) => {
    const { id } = await ownTraining(tx, scope.centreId, scope.trainingId)
    await tx
      .update(training)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(training.id, id))
    await audit(tx, scope, { action: 'update', entity: 'training', entityId: id, data: values })
    return id
  })
}

export async function deleteCentreTraining(scope: Scope & { trainingId: string }) {
  await write(scope, async (tx) => {
    const { id } = await ownTraining(tx, scope.centreId, scope.trainingId)
    const [row] = await tx.delete(training).where(eq(training.id, id)).returning({ code: training.code })
    await audit(tx, scope, { action: 'delete', entity: 'training', entityId: id, data: { code: row?.code } })
  })
}

async function findOccupation(tx: Database, ref: OccupationRef) {
  const [row] = await tx
    .select({ id: occupation.id })
    .from(occupation)
    .where(and(eq(occupation.taxonomy, ref.taxonomy), eq(occupation.code, ref.code)))
  if (!row) throw notFound('error.occupation.notFound')
  return row
}

/** Says by hand that one of the centre's own courses leads to an occupation (again: nothing changes). */
export async function linkTrainingOccupation(
  scope: Scope & { trainingId: string; occupation: OccupationRef },
) {
  await write(scope, async (tx) => {
    const { id } = await ownTraining(tx, scope.centreId, scope.trainingId)
    const target = await findOccupation(tx, scope.occupation)
    await tx
      .insert(trainingOccupation)
      .values({ trainingId: id, occupationId: target.id })
      .onConflictDoNothing()
    await audit(tx, scope, {
      action: 'create',
      entity: 'training_occupation',
      entityId: id,
      data: scope.occupation,
    })
  })
}

export async function unlinkTrainingOccupation(
  scope: Scope & { trainingId: string; occupation: OccupationRef },
) {
  await write(scope, async (tx) => {
    const { id } = await ownTraining(tx, scope.centreId, scope.trainingId)
    const target = await findOccupation(tx, scope.occupation)
    const removed = await tx
      .delete(trainingOccupation)
      .where(and(eq(trainingOccupation.trainingId, id), eq(trainingOccupation.occupationId, target.id)))
      .returning({ id: trainingOccupation.trainingId })
    if (removed.length === 0) throw notFound('error.training.notLinked')
    await audit(tx, scope, {
      action: 'delete',
      entity: 'training_occupation',
      entityId: id,
      data: scope.occupation,
    })
  })
}
