import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { indexCollection } from '../search/index-collection'

/** The search index collection of ONISEP's courses, or of one centre's own. */
export const trainingCollection = (centreId: string | null) =>
  centreId ? `training:centre:${centreId}` : 'training:onisep'

/**
 * How much a word counts where it appears: in the title, in the kind of course and its acronym ("BTS"),
 * in its place, in its ONISEP domains ("paramédical"), and in its description.
 */
export const TRAINING_WEIGHTS = { title: 3, kind: 1.5, place: 1, domains: 0.6, description: 0.25 }

/**
 * Rebuilds the search index of ONISEP's courses (`centreId: null`) or of one centre's own, in the
 * caller's transaction: an import's, or a staff write's.
 */
export async function indexTrainings(db: Database, options: { centreId: string | null }): Promise<void> {
  const w = TRAINING_WEIGHTS
  const mine = options.centreId
    ? sql`t.source = 'centre' and t.centre_id = ${options.centreId}`
    : sql`t.source = 'onisep' and t.centre_id is null`
  await indexCollection(
    db,
    trainingCollection(options.centreId),
    sql`select t.id as ref, t.language, ${w.title}::real as weight, t.title as body from training t where ${mine}
      union all
      select t.id, t.language, ${w.kind}::real, concat_ws(' ', t.kind, t.kind_acronym) from training t where ${mine}
      union all
      select t.id, t.language, ${w.place}::real, t.place from training t where ${mine} and t.place is not null
      union all
      select t.id, t.language, ${w.domains}::real, array_to_string(t.domains, ' ') from training t where ${mine}
      union all
      select t.id, t.language, ${w.description}::real, t.description from training t where ${mine}`,
  )
}
