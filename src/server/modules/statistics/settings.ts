import { eq } from 'drizzle-orm'
import type { StatisticsSettings } from '../../../shared/schemas/statistics'
import type { Database } from '../../db/client'
import { centre } from '../../db/schema/centres'
import { notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'

export async function getStatisticsSettings(db: Database, centreId: string): Promise<StatisticsSettings> {
  const [row] = await db
    .select({ threshold: centre.disclosureThreshold, retentionDays: centre.retentionDays })
    .from(centre)
    .where(eq(centre.id, centreId))
  if (!row) throw notFound('error.centre.notFound')
  return row
}

export async function saveStatisticsSettings(options: {
  db: Database
  centreId: string
  actorUserId: string
  input: StatisticsSettings
}) {
  const { db, centreId, actorUserId, input } = options
  await db.transaction(async (tx) => {
    await tx
      .update(centre)
      .set({
        disclosureThreshold: input.threshold,
        retentionDays: input.retentionDays,
        updatedAt: new Date(),
      })
      .where(eq(centre.id, centreId))
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'update',
      entity: 'statistics_settings',
      entityId: centreId,
      data: input,
    })
  })
  return getStatisticsSettings(db, centreId)
}
