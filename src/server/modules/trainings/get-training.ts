import { and, arrayOverlaps, asc, desc, eq, notInArray, sql } from 'drizzle-orm'
import { pickText } from '../../../shared/i18n/locales'
import type { TrainingDetail } from '../../../shared/schemas/trainings'
import type { Database } from '../../db/client'
import { occupation } from '../../db/schema/occupations'
import { training, trainingOccupation } from '../../db/schema/trainings'
import { notFound } from '../../http/errors'
import { onisepTrainingsAttribution } from './imported-trainings'
import { folded, presentHit, sharedCount, visibleTo } from './queries'

/** Occupations of the same ONISEP domains shown on a course's page, at most. */
const BY_DOMAIN = 12

/** A course a centre's visitors can see (ONISEP's or this centre's own), or a 404. */
export async function findVisibleTraining(options: { db: Database; centreId: string; trainingId: string }) {
  const [row] = await options.db
    .select()
    .from(training)
    .where(and(eq(training.id, options.trainingId), visibleTo(options.centreId)))
  if (!row) throw notFound('error.training.notFound')
  return row
}

/**
 * A course with everything its page shows, and the occupations it leads to: those the centre linked by
 * hand first, then the ONISEP métiers of its domains, those sharing the most domains and whose title is
 * closest to the course's first.
 */
export async function getTraining(options: {
  db: Database
  centreId: string
  trainingId: string
  language: string
}): Promise<TrainingDetail> {
  const { db, language } = options
  const row = await findVisibleTraining(options)
  const linked = await db
    .select({
      id: occupation.id,
      taxonomy: occupation.taxonomy,
      code: occupation.code,
      title: occupation.title,
    })
    .from(trainingOccupation)
    .innerJoin(occupation, eq(occupation.id, trainingOccupation.occupationId))
    .where(eq(trainingOccupation.trainingId, row.id))
  const byDomain = row.domains.length
    ? await db
        .select({ taxonomy: occupation.taxonomy, code: occupation.code, title: occupation.title })
        .from(occupation)
        .where(
          and(
            eq(occupation.taxonomy, 'onisep'),
            arrayOverlaps(occupation.domains, row.domains),
            linked.length
              ? notInArray(
                  occupation.id,
                  linked.map((o) => o.id),
                )
              : undefined,
          ),
        )
        .orderBy(
          desc(sharedCount(occupation.domains, row.domains)),
          desc(
            sql`similarity(${folded(sql`${occupation.title}->>'fr'`)}, ${folded(sql`${row.title}::text`)})`,
          ),
          asc(folded(sql`${occupation.title}->>'fr'`)),
        )
        .limit(BY_DOMAIN)
    : []
  const named = (o: (typeof byDomain)[number], isLinked: boolean) => ({
    taxonomy: o.taxonomy as TrainingDetail['occupations'][number]['taxonomy'],
    code: o.code,
    title: pickText(o.title, language, 'fr', 'en'),
    linked: isLinked,
  })
  return {
    ...presentHit(row),
    rncpCode: row.rncpCode,
    authority: row.authority,
    url: row.url,
    domains: row.domains,
    description: row.description,
    release: row.release,
    occupations: [
      ...linked.map((o) => named(o, true)).sort((a, b) => a.title.localeCompare(b.title, language)),
      ...byDomain.map((o) => named(o, false)),
    ],
    attribution: row.source === 'onisep' ? onisepTrainingsAttribution(row.release) : null,
  }
}
