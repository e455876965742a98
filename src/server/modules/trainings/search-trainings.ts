import { and, arrayOverlaps, asc, count, desc, eq, isNotNull, lte, type SQL, sql } from 'drizzle-orm'
import {
  durationSteps,
  type TrainingSearchFilters,
  type TrainingSearchResult,
} from '../../../shared/schemas/trainings'
import type { Database } from '../../db/client'
import { training } from '../../db/schema/trainings'
import { onisepTrainingsAttribution } from './imported-trainings'
import { folded, hitColumns, presentHit, visibleTo } from './queries'
import { matchText } from './text-match'

type Filter = 'level' | 'place' | 'maxMonths'
const centreFirst = desc(eq(training.source, 'centre'))

/**
 * Courses a centre's visitors can choose from — ONISEP's and the centre's own — matching a query and
 * filters, with how many there are at each level, duration and place: each count as if its own filter
 * were not set, so a visitor sees what choosing another value would give.
 */
export async function searchTrainings(options: {
  db: Database
  centreId: string
  language: string
  filters: TrainingSearchFilters
}): Promise<TrainingSearchResult> {
  const { db, centreId, filters } = options
  const text = await matchText({ db, centreId, q: filters.q, language: options.language })
  const conditions: Record<Filter | 'base', SQL | undefined> = {
    base: and(
      visibleTo(centreId),
      text?.condition,
      filters.source ? eq(training.source, filters.source) : undefined,
      filters.domain.length ? arrayOverlaps(training.domains, filters.domain) : undefined,
    ),
    level: filters.level ? eq(training.level, filters.level) : undefined,
    place: filters.place
      ? sql`${folded(training.place)} = ${folded(sql`${filters.place}::text`)}`
      : undefined,
    maxMonths: filters.maxMonths ? lte(training.durationMonths, filters.maxMonths) : undefined,
  }
  const except = (skip?: Filter) =>
    and(...Object.entries(conditions).flatMap(([name, condition]) => (name === skip ? [] : [condition])))

  const offset = Number(filters.cursor ?? 0)
  // Best matches first, as the index ranks them; then a centre's own courses, the ones a visitor can
  // join from here.
  const page = () => {
    const query = db.select(hitColumns).from(training).$dynamic()
    return (text ? query.innerJoin(text.ranked, sql`hit.ref::uuid = ${training.id}`) : query)
      .where(except())
      .orderBy(...(text ? [sql`hit.rank`] : []), centreFirst, asc(folded(training.title)), asc(training.id))
      .limit(filters.limit)
      .offset(offset)
  }
  const [items, [total], levels, durations, places] = await Promise.all([
    page(),
    db.select({ n: count() }).from(training).where(except()),
    db
      .select({ level: training.level, count: count() })
      .from(training)
      .where(and(except('level'), isNotNull(training.level)))
      .groupBy(training.level)
      .orderBy(asc(training.level)),
    db
      .select(
        Object.fromEntries(
          durationSteps.map((months) => [
            `m${months}`,
            sql<number>`count(*) filter (where ${training.durationMonths} <= ${months})`.mapWith(Number),
          ]),
        ),
      )
      .from(training)
      .where(except('maxMonths')),
    db
      .select({ place: training.place, count: count() })
      .from(training)
      .where(and(except('place'), eq(training.centreId, centreId), isNotNull(training.place)))
      .groupBy(training.place)
      .orderBy(asc(folded(training.place))),
  ])
  const found = total?.n ?? 0
  const onisep = items.find((item) => item.source === 'onisep')
  return {
    items: items.map(presentHit),
    total: found,
    nextCursor: offset + items.length < found ? String(offset + items.length) : null,
    facets: {
      levels: levels.flatMap((row) => (row.level ? [{ level: row.level, count: row.count }] : [])),
      durations: durationSteps.map((maxMonths) => ({
        maxMonths,
        count: Number(durations[0]?.[`m${maxMonths}`] ?? 0),
      })),
      places: places.flatMap((row) => (row.place ? [{ place: row.place, count: row.count }] : [])),
    },
    attribution: onisep ? onisepTrainingsAttribution(onisep.release) : null,
  }
}
