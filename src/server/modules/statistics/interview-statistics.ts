import { sql } from 'drizzle-orm'
import { type InterviewOutcome, interviewOutcomes } from '../../../shared/schemas/interviews'
import type { InterviewStatistics, StatisticsQuery } from '../../../shared/schemas/statistics'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { protectCount, protectSeries } from './disclosure'
import { areasOf, byGroup, byKey, countFactsMany, daysOf, dimensions, medianOf } from './facts'

/**
 * A centre's interviews over a period, counted by day, area, theme, outcome and service referred to, each
 * count withheld when it is from 1 to k−1. Days and areas split the interviews, so they are protected as
 * series with their total; an interview has several themes and outcomes, so those are protected count by
 * count. `partner` keeps one partner's interviews (a partner coordinator's only view).
 */
export async function interviewStatistics(options: {
  db: Database
  centreId: string
  query: StatisticsQuery
  k: number
}): Promise<InterviewStatistics> {
  const { db, centreId, query, k } = options
  const scope = { centreId, ...query }
  const [days = [], areas = [], themes = [], outcomes = [], referrals = [], minutes = []] =
    await countFactsMany(db, scope, [
      { dimension: dimensions.interview, by: 'day' },
      { dimension: dimensions.interview, by: 'area' },
      { dimension: dimensions.interviewTheme, by: 'total' },
      { dimension: dimensions.interviewOutcome, by: 'total' },
      { dimension: dimensions.interviewReferral, by: 'total' },
      { dimension: dimensions.interviewMinutes, by: 'total' },
    ])
  const perDay = byGroup(days)
  const dates = daysOf(query.from, query.to)
  const byDay = protectSeries(
    dates.map((date) => perDay.get(date) ?? 0),
    k,
  )
  const perArea = byGroup(areas)
  const named = await areasOf(db, centreId, perArea.keys())
  const byArea = protectSeries(
    named.map((area) => perArea.get(area.id ?? '') ?? 0),
    k,
  )
  const total = [...perDay.values()].reduce((sum, count) => sum + count, 0)
  const themeNames = rowsOf<{ id: string; name: Record<string, string>; position: number }>(
    await db.execute(sql`select id, name, position from interview_theme where centre_id = ${centreId}`),
  )
  const perTheme = byKey(themes)
  const perOutcome = byKey(outcomes)
  const descending = <T extends { count: number }>(a: T, b: T) => b.count - a.count
  return {
    k,
    from: query.from,
    to: query.to,
    total: protectCount(total, k),
    byDay: dates.map((date, index) => ({ date, count: byDay.values[index] ?? 'hidden' })),
    byArea: named.map((area, index) => ({ ...area, count: byArea.values[index] ?? 'hidden' })),
    byTheme: themeNames
      .filter((theme) => perTheme.has(theme.id))
      .map((theme) => ({
        id: theme.id,
        name: theme.name,
        position: theme.position,
        count: perTheme.get(theme.id) ?? 0,
      }))
      .sort((a, b) => descending(a, b) || a.position - b.position)
      .map(({ id, name, count }) => ({ id, name, count: protectCount(count, k) })),
    byOutcome: interviewOutcomes
      .filter((outcome) => perOutcome.has(outcome))
      .map((outcome: InterviewOutcome) => ({ outcome, count: perOutcome.get(outcome) ?? 0 }))
      .sort(descending)
      .map(({ outcome, count }) => ({ outcome, count: protectCount(count, k) })),
    byReferral: [...byKey(referrals)]
      .map(([label, count]) => ({ label, count }))
      .sort((a, b) => descending(a, b) || a.label.localeCompare(b.label))
      .map(({ label, count }) => ({ label, count: protectCount(count, k) })),
    medianMinutes:
      total >= k ? medianOf(minutes.map(({ key, count }) => ({ value: Number(key), count }))) : null,
  }
}
