import { addDays, format, parseISO, startOfMonth, startOfYear, subYears } from 'date-fns'

/** The periods offered in one click; any other is typed as two dates. */
export const periodPresets = ['today', 'last7', 'month', 'year', 'lastYear'] as const
export type PeriodPreset = (typeof periodPresets)[number]
export type Period = { from: string; to: string }

const day = (date: Date) => format(date, 'yyyy-MM-dd')

export function isPeriodPreset(value: string | null): value is PeriodPreset {
  return (periodPresets as readonly (string | null)[]).includes(value)
}

/** The days of a preset, counted from `today` (`YYYY-MM-DD`): the days to come hold nothing yet. */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const now = parseISO(today)
  switch (preset) {
    case 'today':
      return { from: today, to: today }
    case 'last7':
      return { from: day(addDays(now, -6)), to: today }
    case 'month':
      return { from: day(startOfMonth(now)), to: today }
    case 'year':
      return { from: day(startOfYear(now)), to: today }
    case 'lastYear': {
      const year = subYears(now, 1).getFullYear()
      return { from: `${year}-01-01`, to: `${year}-12-31` }
    }
  }
}

/** A calendar year, up to today when it is the current one. */
export function yearPeriod(year: number, today: string): Period {
  const to = `${year}-12-31`
  return { from: `${year}-01-01`, to: to > today ? today : to }
}

/** Today as the centre lives it, whatever the device's clock zone. */
export function todayIn(timeZone?: string) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date())
}
