import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import type { Published } from '../../../shared/schemas/statistics'
import { useStatisticsFormat } from '../../features/statistics/format'
import { drawnValue } from '../../features/statistics/published'
import { useStatisticsView } from './statistics-view'

export type Category = { key: string; label: string }
export type Series = { key: string; label: string; values: Published[] }

/** Distinct series colours, each at least 3:1 against white, told apart in grey when printed. */
const seriesColours = ['#1d4e89', '#b4531a', '#2e7d4f', '#7b3f98']
/** Ordered bands (waiting minutes), light to dark, so that longer reads darker on paper too. */
const bandColours = ['#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b']

/** The width of a chart on an A4 page (180 mm of text at 96 dpi), so that it prints whole. */
export const PRINT_WIDTH = 660

type Props = {
  /** Read out instead of the drawing (role="img"): what the chart shows, the table under it has the rest. */
  summary: string
  categories: readonly Category[]
  series: readonly Series[]
  kind?: 'bar' | 'line'
  /** Categories down the side (long names: areas, themes, answers). */
  horizontal?: boolean
  stacked?: boolean
  /** Colours for ordered bands instead of distinct series. */
  ordered?: boolean
  /** How a category is written on the axis (days shortened, for instance). */
  tick?: (key: string) => string
}

/**
 * A Recharts chart drawn in SVG: withheld counts ("<k", "x") have no bar or point rather than a zero
 * one. The drawing is one image for assistive technologies; its table follows it.
 */
export function StatChart({
  summary,
  categories,
  series,
  kind = 'bar',
  horizontal,
  stacked,
  ordered,
  tick,
}: Props) {
  const { isReport } = useStatisticsView()
  const format = useStatisticsFormat()
  const data = categories.map((category, index) => ({
    key: category.key,
    label: category.label,
    ...Object.fromEntries(series.map((s) => [s.key, drawnValue(s.values[index] ?? 0)])),
  }))
  const colours = ordered ? bandColours : seriesColours
  const colourOf = (index: number) => colours[index % colours.length]
  // A row per category: taller when several bars stand side by side in it.
  const rowHeight = stacked || series.length === 1 ? 30 : 12 * series.length + 14
  const height = horizontal ? Math.max(120, categories.length * rowHeight + 70) : 260
  const size = isReport
    ? { width: PRINT_WIDTH, height }
    : { responsive: true, style: { width: '100%', height } }
  const common = {
    ...size,
    data,
    accessibilityLayer: false,
    margin: { top: 8, right: 16, bottom: 8, left: 8 },
  }
  const categoryTick = (value: string) => {
    const found = data.find((row) => row.key === value)
    return tick ? tick(value) : (found?.label ?? value)
  }
  const numberAxis = { allowDecimals: false, tickFormatter: (value: number) => format.number(value) }
  const tooltip = (
    <Tooltip
      isAnimationActive={false}
      labelFormatter={(value) => categoryTick(String(value))}
      formatter={(value) => (typeof value === 'number' ? format.number(value) : '–')}
    />
  )
  // In the series' own order (bands of minutes from the shortest), not sorted by name.
  const legend = series.length > 1 && <Legend itemSorter={null} wrapperStyle={{ fontSize: '0.85rem' }} />

  return (
    <div className="stat-chart" role="img" aria-label={summary}>
      {kind === 'line' ? (
        <LineChart {...common}>
          <CartesianGrid stroke="#d5d0c5" vertical={false} />
          <XAxis
            dataKey="key"
            tickFormatter={categoryTick}
            minTickGap={16}
            padding={{ left: 16, right: 16 }}
          />
          <YAxis {...numberAxis} width="auto" />
          {tooltip}
          {legend}
          {series.map((s, index) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={colourOf(index)}
              strokeWidth={2}
              strokeDasharray={index === 0 ? undefined : `${4 + index * 2} 3`}
              dot={categories.length < 40}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      ) : (
        <BarChart {...common} layout={horizontal ? 'vertical' : 'horizontal'}>
          <CartesianGrid stroke="#d5d0c5" vertical={Boolean(horizontal)} horizontal={!horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" {...numberAxis} />
              <YAxis type="category" dataKey="key" tickFormatter={categoryTick} width="auto" interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey="key" tickFormatter={categoryTick} minTickGap={8} />
              <YAxis {...numberAxis} width="auto" />
            </>
          )}
          {tooltip}
          {legend}
          {series.map((s, index) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={colourOf(index)}
              stroke={ordered ? '#ffffff' : undefined}
              {...(stacked ? { stackId: 'stack' } : {})}
              maxBarSize={48}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      )}
    </div>
  )
}
