import { asc, eq } from 'drizzle-orm'
import { type CentreInput, centreInputSchema } from '../../../shared/schemas/centres'
import { slugSchema } from '../../../shared/schemas/common'
import type { Database } from '../../db/client'
import { uniqueViolation } from '../../db/errors'
import { centre } from '../../db/schema/centres'
import { conflict, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'

export async function listCentres({ db }: { db: Database }) {
  return db.select().from(centre).orderBy(asc(centre.slug))
}

export async function getCentreBySlug({ db, slug }: { db: Database; slug: string }) {
  // Route guards call this with the path's raw segment, before validation: what cannot be a slug names no
  // centre, and never reaches PostgreSQL (which refuses a NUL character in text with an error).
  if (!slugSchema.safeParse(slug).success) throw notFound('error.centre.notFound')
  const [row] = await db.select().from(centre).where(eq(centre.slug, slug))
  if (!row) throw notFound('error.centre.notFound')
  return row
}

function rethrowCentreConflict(error: unknown): never {
  if (uniqueViolation(error) === 'centre_slug_unique') throw conflict('error.centre.slugTaken', 'slug')
  throw error
}

export async function createCentre({
  db,
  actorUserId,
  input,
}: {
  db: Database
  actorUserId: string | null
  input: CentreInput
}) {
  const values = centreInputSchema.parse(input)
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(centre).values(values).returning()
      if (!row) throw new Error('centre insert returned nothing')
      await recordAudit(tx, {
        actorUserId,
        centreId: row.id,
        action: 'create',
        entity: 'centre',
        entityId: row.id,
        data: values,
      })
      return row
    })
  } catch (error) {
    rethrowCentreConflict(error)
  }
}

export async function updateCentre(options: {
  db: Database
  actorUserId: string | null
  centreId: string
  input: CentreInput
}) {
  const values = centreInputSchema.parse(options.input)
  try {
    return await options.db.transaction(async (tx) => {
      const [row] = await tx
        .update(centre)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(centre.id, options.centreId))
        .returning()
      if (!row) throw notFound('error.centre.notFound')
      await recordAudit(tx, {
        actorUserId: options.actorUserId,
        centreId: row.id,
        action: 'update',
        entity: 'centre',
        entityId: row.id,
        data: values,
      })
      return row
    })
  } catch (error) {
    rethrowCentreConflict(error)
  }
}

/**
 * Serialises writes to one centre's set-up that replace a set of rows (a week of hours, a desk's areas):
 * under READ COMMITTED two "delete then insert" transactions would otherwise both keep their rows.
 */
export async function lockCentre(tx: Database, centreId: string) {
  await tx.select({ id: centre.id }).from(centre).where(eq(centre.id, centreId)).for('update')
}
