import type { VisitStatistics } from '../../../shared/schemas/statistics'
import { useStatisticsFormat } from '../../features/statistics/format'
import { useT } from '../../i18n/i18n-provider'
import { Count } from './count'
import { ExportLink, ScrollRegion } from './stat-table'

/** Five shades from the quietest hour to the busiest; the number is always written in the cell. */
const LEVELS = 5

/**
 * Arrivals by weekday and hour as a table whose cells are shaded by how busy they were: the numbers are
 * in the cells, so the table is its own accessible alternative, and it prints in black and white.
 */
export function HeatMap({ heatMap, k }: { heatMap: VisitStatistics['heatMap']; k: number }) {
  const t = useT()
  const format = useStatisticsFormat()
  const title = t('statistics.visits.heatMap')
  const max = Math.max(
    1,
    ...heatMap.rows.flatMap((row) => row.counts.filter((count) => typeof count === 'number')),
  )
  const levelOf = (count: VisitStatistics['heatMap']['rows'][number]['counts'][number]) =>
    typeof count === 'number' ? String(count === 0 ? 0 : Math.ceil((count / max) * LEVELS)) : 'withheld'
  return (
    <div className="stat-block">
      <h3>{title}</h3>
      <ScrollRegion label={title}>
        <table className="table heat-map">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.weekday')}</th>
              {heatMap.hours.map((hour) => (
                <th key={hour} scope="col" className="num">
                  {format.hour(hour)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {heatMap.rows.map((row) => (
              <tr key={row.weekday}>
                <th scope="row">{format.weekday(row.weekday)}</th>
                {row.counts.map((count, index) => (
                  <td
                    key={heatMap.hours[index] ?? index}
                    className="num heat-map__cell"
                    data-level={levelOf(count)}
                  >
                    <Count value={count} k={k} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="muted heat-map__key">{t('statistics.visits.heatMapKey')}</p>
      <ExportLink table="visits-by-hour" what={title} />
    </div>
  )
}
