import { sql } from 'drizzle-orm'
import { guideSituations } from '../../../shared/schemas/guide'
import type { SelfServiceStatistics, StatisticsQuery } from '../../../shared/schemas/statistics'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { protectCount, protectSeries } from './disclosure'
import { byKey, countFacts, daysOf, dimensions } from './facts'

/** How many resources, occupations and queries the top lists name. */
const TOP = 10

/**
 * Self-service use over a period: views of resource and occupation pages and searches by day, the most
 * viewed pages and the words most searched — those only when searched on at least k different days, so
 * that no one's own search shows. Tickets taken at the kiosk come from the visits.
 */
export async function selfServiceStatistics(options: {
  db: Database
  centreId: string
  query: StatisticsQuery
  k: number
  language: string
}): Promise<SelfServiceStatistics> {
  const { db, centreId, query, k, language } = options
  const period = sql`u.centre_id = ${centreId} and u.day between ${query.from}::date and ${query.to}::date`
  const [daily, resources, occupations, queries, kiosk, guide] = await Promise.all([
    db.execute(sql`select to_char(u.day, 'YYYY-MM-DD') as date, u.kind, sum(u.count)::int as count
      from usage_count u where ${period} and u.kind in ('resource_view', 'occupation_view', 'search')
      group by 1, 2`),
    db.execute(sql`select r.id, r.title, sum(u.count)::int as count
      from usage_count u join resource r on r.id::text = u.key and r.centre_id = u.centre_id
      where ${period} and u.kind = 'resource_view'
      group by r.id, r.title order by 3 desc, r.title limit ${TOP}`),
    db.execute(sql`select o.taxonomy, o.code,
        coalesce(o.title ->> ${language}, o.title ->> 'fr', o.title ->> 'en', o.code) as title,
        sum(u.count)::int as count
      from usage_count u join occupation o on o.taxonomy || ':' || o.code = u.key
      where ${period} and u.kind = 'occupation_view'
      group by o.id order by 4 desc, 3 limit ${TOP}`),
    db.execute(sql`select u.key as query, sum(u.count)::int as count
      from usage_count u where ${period} and u.kind = 'search_query'
      group by u.key having count(*) >= ${k} order by 2 desc, 1 limit ${TOP}`),
    countFacts(db, { centreId, from: query.from, to: query.to }, dimensions.visitChannel),
    db.execute(sql`select u.kind, u.key, sum(u.count)::int as count
      from usage_count u where ${period} and u.kind in ('guide_situation', 'guide_text')
      group by 1, 2`),
  ])
  const guideUse = new Map(
    rowsOf<{ kind: string; key: string; count: number }>(guide).map((row) => [
      `${row.kind} ${row.key}`,
      row.count,
    ]),
  )
  // The situations as one series, so that a small count cannot be worked out from the total.
  const situations = protectSeries(
    guideSituations.map((situation) => guideUse.get(`guide_situation ${situation}`) ?? 0),
    k,
  )
  const dates = daysOf(query.from, query.to)
  const rows = rowsOf<{ date: string; kind: string; count: number }>(daily)
  const perDay = new Map(rows.map((row) => [`${row.kind} ${row.date}`, row.count]))
  const column = (kind: string) =>
    protectSeries(
      dates.map((date) => perDay.get(`${kind} ${date}`) ?? 0),
      k,
    )
  const [resourceViews, occupationViews, searches] = [
    column('resource_view'),
    column('occupation_view'),
    column('search'),
  ]
  return {
    k,
    from: query.from,
    to: query.to,
    resourceViews: resourceViews.total,
    occupationViews: occupationViews.total,
    searches: searches.total,
    kioskTickets: protectCount(byKey(kiosk).get('kiosk') ?? 0, k),
    byDay: dates.map((date, index) => ({
      date,
      resourceViews: resourceViews.values[index] ?? 'hidden',
      occupationViews: occupationViews.values[index] ?? 'hidden',
      searches: searches.values[index] ?? 'hidden',
    })),
    topResources: rowsOf<{ id: string; title: string; count: number }>(resources).map((row) => ({
      ...row,
      count: protectCount(row.count, k),
    })),
    topOccupations: rowsOf<{ taxonomy: string; code: string; title: string; count: number }>(occupations).map(
      (row) => ({ ...row, count: protectCount(row.count, k) }),
    ),
    guide: {
      situations: guideSituations.map((situation, index) => ({
        situation,
        count: situations.values[index] ?? 'hidden',
      })),
      understood: protectCount(guideUse.get('guide_text understood') ?? 0, k),
      notUnderstood: protectCount(guideUse.get('guide_text not_understood') ?? 0, k),
    },
    topQueries: rowsOf<{ query: string; count: number }>(queries).map((row) => ({
      ...row,
      count: protectCount(row.count, k),
    })),
  }
}
