import type { Database } from '../../db/client'

/** The search index collection of ONISEP's courses, or of one centre's own. */
export const trainingCollection = (centreId: string | null) =>
  centreId ? `training:centre:${centreId}` : 'training:onisep'

/**
 * Rebuilds the search index of ONISEP's courses (`centreId: null`) or of one centre's own, in the
 * caller's transaction. Until the shared index lands, text search reads the table itself.
 */
export async function indexTrainings(_db: Database, _options: { centreId: string | null }): Promise<void> {}
