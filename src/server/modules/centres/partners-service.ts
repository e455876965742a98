import { asc, eq } from 'drizzle-orm'
import type { PartnerSummary } from '../../../shared/schemas/centres'
import type { Database } from '../../db/client'
import { partner } from '../../db/schema/centres'

/** A centre's partners by name: none put first. */
export async function listPartners({
  db,
  centreId,
}: {
  db: Database
  centreId: string
}): Promise<PartnerSummary[]> {
  return db
    .select({ id: partner.id, name: partner.name })
    .from(partner)
    .where(eq(partner.centreId, centreId))
    .orderBy(asc(partner.name))
}
