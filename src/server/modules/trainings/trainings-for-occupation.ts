import { and, arrayOverlaps, asc, count, desc, eq, notInArray, sql } from 'drizzle-orm'
import type { OccupationTrainings } from '../../../shared/schemas/trainings'
import type { Database } from '../../db/client'
import { occupation, occupationLink } from '../../db/schema/occupations'
import { training, trainingOccupation } from '../../db/schema/trainings'
import { onisepTrainingsAttribution } from './imported-trainings'
import { folded, hitColumns, presentHit, sharedCount, visibleTo } from './queries'

/**
 * The fields whose courses lead to an occupation: an ONISEP métier's own domains; for another source's
 * occupation (a ROME fiche), those most of the ONISEP métiers that are the same occupation share. A ROME
 * fiche may stand for dozens of métiers, and the union of all their domains would reach far beyond it.
 */
async function domainsOf(db: Database, row: { id: string; taxonomy: string; domains: string[] }) {
  if (row.taxonomy === 'onisep') return row.domains
  const listed = await db
    .select({ domain: sql<string>`d.domain`, count: count() })
    .from(occupationLink)
    .innerJoin(occupation, eq(occupation.id, occupationLink.fromId))
    .innerJoin(sql`unnest(${occupation.domains}) as d (domain)`, sql`true`)
    .where(
      and(
        eq(occupationLink.toId, row.id),
        eq(occupationLink.kind, 'equivalent'),
        eq(occupation.taxonomy, 'onisep'),
      ),
    )
    .groupBy(sql`d.domain`)
    .orderBy(desc(count()), asc(sql`d.domain`))
  const most = listed[0]?.count ?? 0
  return listed.filter((entry) => entry.count * 2 >= most).map((entry) => entry.domain)
}

/**
 * The courses that lead to an occupation, for one centre's visitors: those the centre linked to it by
 * hand first, then the courses of its ONISEP domains, those whose title is closest to the occupation's
 * first. `domains` says what a "see them all" search would filter on.
 */
export async function trainingsForOccupation(
  db: Database,
  occupationId: string,
  options: { centreId: string | null; limit: number },
): Promise<OccupationTrainings> {
  const [row] = await db
    .select({
      id: occupation.id,
      taxonomy: occupation.taxonomy,
      title: occupation.title,
      domains: occupation.domains,
    })
    .from(occupation)
    .where(eq(occupation.id, occupationId))
  if (!row) return { items: [], domains: [], attribution: null }
  // Without a centre, only the imported courses: a centre's own are for its own visitors.
  const visible = options.centreId ? visibleTo(options.centreId) : eq(training.source, 'onisep')
  const linked = await db
    .select(hitColumns)
    .from(trainingOccupation)
    .innerJoin(training, eq(training.id, trainingOccupation.trainingId))
    .where(and(eq(trainingOccupation.occupationId, row.id), visible))
    .orderBy(asc(folded(training.title)))
    .limit(options.limit)
  const domains = await domainsOf(db, row)
  const title = Object.values(row.title).join(' ')
  const byDomain =
    domains.length && linked.length < options.limit
      ? await db
          .select(hitColumns)
          .from(training)
          .where(
            and(
              visible,
              arrayOverlaps(training.domains, domains),
              linked.length
                ? notInArray(
                    training.id,
                    linked.map((t) => t.id),
                  )
                : undefined,
            ),
          )
          .orderBy(
            desc(sql`word_similarity(${folded(sql`${title}::text`)}, ${folded(training.title)})`),
            desc(sharedCount(training.domains, domains)),
            asc(folded(training.title)),
            asc(training.id),
          )
          .limit(options.limit - linked.length)
      : []
  const onisep = [...linked, ...byDomain].find((t) => t.source === 'onisep')
  return {
    items: [
      ...linked.map((t) => ({ ...presentHit(t), linked: true })),
      ...byDomain.map((t) => ({ ...presentHit(t), linked: false })),
    ],
    domains,
    attribution: onisep ? onisepTrainingsAttribution(onisep.release) : null,
  }
}
