import { and, eq, isNull, notInArray, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { training } from '../../db/schema/trainings'
import { indexTrainings } from './training-index'

/** ONISEP's data set of initial trainings, by the name its licence asks to credit. */
export const ONISEP_TRAININGS = 'Idéo-Formations initiales en France'

/** The credit ONISEP's licence (ODbL 1.0) asks for wherever its courses are shown. */
export const onisepTrainingsAttribution = (release: string) =>
  `Source : Onisep – ${ONISEP_TRAININGS} (${release}), licence ODbL 1.0`

/** One course of a reference data set, as an importer read it. */
export type ImportedTraining = {
  code: string
  title: string
  kind: string
  kindAcronym: string | null
  level: number | null
  durationMonths: number | null
  durationText: string
  rncpCode: string | null
  authority: string
  url: string | null
  domains: string[]
}

/** Rows per INSERT: 13 values each, far under the 65,535 parameters one statement may carry. */
const BATCH = 1_000

/**
 * Writes a release's courses in place of the previous one, inside the caller's import transaction:
 * courses are updated by their code (their ids, and so the pages and links that name them, survive a
 * new release), those the release no longer has are removed, and the collection is indexed again.
 */
export async function replaceImportedTrainings(
  tx: Database,
  options: { source: 'onisep'; release: string; started: Date; trainings: ImportedTraining[] },
): Promise<{ trainings: number; trainingsRemoved: number }> {
  const { source, release, started } = options
  const codes: string[] = []
  for (let start = 0; start < options.trainings.length; start += BATCH) {
    const rows = options.trainings
      .slice(start, start + BATCH)
      .map((t) => ({ ...t, source, centreId: null, language: 'fr', release, updatedAt: started }))
    const written = await tx
      .insert(training)
      .values(rows)
      .onConflictDoUpdate({
        target: [training.source, training.code, training.centreId],
        set: {
          title: sql`excluded.title`,
          kind: sql`excluded.kind`,
          kindAcronym: sql`excluded.kind_acronym`,
          level: sql`excluded.level`,
          durationMonths: sql`excluded.duration_months`,
          durationText: sql`excluded.duration_text`,
          rncpCode: sql`excluded.rncp_code`,
          authority: sql`excluded.authority`,
          url: sql`excluded.url`,
          domains: sql`excluded.domains`,
          release: sql`excluded.release`,
          updatedAt: sql`excluded.updated_at`,
        },
      })
      .returning({ code: training.code })
    for (const row of written) codes.push(row.code)
  }
  const removed = await tx
    .delete(training)
    .where(
      and(
        eq(training.source, source),
        isNull(training.centreId),
        codes.length ? notInArray(training.code, codes) : undefined,
      ),
    )
    .returning({ id: training.id })
  await indexTrainings(tx, { centreId: null })
  return { trainings: codes.length, trainingsRemoved: removed.length }
}
