import {
  type MinuteBand,
  minuteBands,
  type StatisticsQuery,
  ticketOutcomes,
  type VisitStatistics,
} from '../../../shared/schemas/statistics'
import type { Database } from '../../db/client'
import { protectCount, protectSeries, protectTable } from './disclosure'
import {
  areasOf,
  byGroup,
  byKey,
  countFactsMany,
  daysOf,
  dimensions,
  type FactCount,
  type FactScope,
  medianOf,
} from './facts'

/** The hours a heat map always shows, widened to any hour with arrivals. */
const USUAL_HOURS = [9, 10, 11, 12, 13, 14, 15, 16, 17]
const channels = ['kiosk', 'reception', 'portal'] as const

const bandOf = (minutes: number): MinuteBand =>
  minutes < 5
    ? '0-4'
    : minutes < 10
      ? '5-9'
      : minutes < 20
        ? '10-19'
        : minutes < 30
          ? '20-29'
          : minutes < 45
            ? '30-44'
            : minutes < 60
              ? '45-59'
              : '60+'

/**
 * A centre's walk-in visits over a period: tickets by day, area, weekday and hour, how they ended, by
 * channel and language, and how long people waited and were served in each area. Series that split the
 * visits are protected with their total; the heat map and the duration bands as tables.
 */
export async function visitStatistics(options: {
  db: Database
  centreId: string
  query: StatisticsQuery
  k: number
}): Promise<VisitStatistics> {
  const { db, centreId, query, k } = options
  const scope: FactScope = { centreId, from: query.from, to: query.to, area: query.area }
  const [
    days = [],
    areas = [],
    weekdayHours = [],
    channelCounts = [],
    languages = [],
    waits = [],
    services = [],
  ] = await countFactsMany(db, scope, [
    { dimension: dimensions.visitStatus, by: 'day' },
    { dimension: dimensions.visitStatus, by: 'area' },
    { dimension: dimensions.visitHour, by: 'weekday' },
    { dimension: dimensions.visitChannel, by: 'total' },
    { dimension: dimensions.visitLanguage, by: 'total' },
    { dimension: dimensions.waitMinutes, by: 'area' },
    { dimension: dimensions.serviceMinutes, by: 'area' },
  ])
  // How tickets ended, over the period: the days' counts by outcome, summed.
  const outcomes = days
  const perDay = byGroup(days)
  const dates = daysOf(query.from, query.to)
  const byDay = protectSeries(
    dates.map((date) => perDay.get(date) ?? 0),
    k,
  )
  const perArea = byGroup(areas)
  const named = await areasOf(db, centreId, [
    ...perArea.keys(),
    ...byGroup(waits).keys(),
    ...byGroup(services).keys(),
  ])
  const visitedAreas = named.filter((area) => perArea.has(area.id ?? ''))
  const byArea = protectSeries(
    visitedAreas.map((area) => perArea.get(area.id ?? '') ?? 0),
    k,
  )
  const total = [...perDay.values()].reduce((sum, count) => sum + count, 0)

  const hours = [...new Set([...USUAL_HOURS, ...weekdayHours.map((row) => Number(row.key))])].sort(
    (a, b) => a - b,
  )
  const weekdays = [1, 2, 3, 4, 5, 6, 7]
  const heat = protectTable(
    weekdays.map((weekday) =>
      hours.map((hour) =>
        weekdayHours
          .filter((row) => row.group === String(weekday) && Number(row.key) === hour)
          .reduce((sum, row) => sum + row.count, 0),
      ),
    ),
    k,
  )
  const series = <T extends string>(
    keys: readonly T[],
    counts: Map<string, number>,
    always: readonly T[] = [],
  ) => {
    const shown = keys.filter((key) => counts.has(key) || always.includes(key))
    const protectedSeries = protectSeries(
      shown.map((key) => counts.get(key) ?? 0),
      k,
    )
    return shown.map((key, index) => ({ key, count: protectedSeries.values[index] ?? ('hidden' as const) }))
  }
  const perLanguage = byKey(languages)
  return {
    k,
    from: query.from,
    to: query.to,
    total: protectCount(total, k),
    byDay: dates.map((date, index) => ({ date, count: byDay.values[index] ?? 'hidden' })),
    byArea: visitedAreas.map((area, index) => ({ ...area, count: byArea.values[index] ?? 'hidden' })),
    heatMap: {
      hours,
      rows: weekdays.map((weekday, index) => ({ weekday, counts: heat.cells[index] ?? [] })),
    },
    byOutcome: series(ticketOutcomes, byKey(outcomes)).map(({ key, count }) => ({ outcome: key, count })),
    byChannel: series(channels, byKey(channelCounts), channels).map(({ key, count }) => ({
      channel: key,
      count,
    })),
    byLanguage: series([...perLanguage.keys()].sort(), perLanguage).map(({ key, count }) => ({
      language: key,
      count,
    })),
    waiting: durations(named, waits, k),
    service: durations(named, services, k),
  }
}

/** Per area, how many durations fell in each band (protected as one table) and their median. */
function durations(
  areas: readonly { id: string | null; name: Record<string, string> }[],
  counts: readonly FactCount[],
  k: number,
): VisitStatistics['waiting'] {
  const shown = areas.filter((area) => counts.some((row) => (row.group ?? '') === (area.id ?? '')))
  const ofArea = (area: { id: string | null }) =>
    counts.filter((row) => (row.group ?? '') === (area.id ?? ''))
  const table = protectTable(
    shown.map((area) =>
      minuteBands.map((band) =>
        ofArea(area)
          .filter((row) => bandOf(Number(row.key)) === band)
          .reduce((sum, row) => sum + row.count, 0),
      ),
    ),
    k,
  )
  return shown.map((area, index) => {
    const values = ofArea(area).map((row) => ({ value: Number(row.key), count: row.count }))
    const total = values.reduce((sum, { count }) => sum + count, 0)
    return {
      ...area,
      total: table.rowTotals[index] ?? 'hidden',
      bands: minuteBands.map((band, column) => ({ band, count: table.cells[index]?.[column] ?? 'hidden' })),
      medianMinutes: total >= k ? medianOf(values) : null,
    }
  })
}
