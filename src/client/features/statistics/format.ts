import { useMemo } from 'react'
import { useLocale } from '../../i18n/i18n-provider'

/** A plain day (`YYYY-MM-DD`) as a date that no time zone can move to the day before. */
const noon = (day: string) => new Date(`${day}T12:00:00Z`)

/** Numbers, days, weekdays and hours of the statistics, in the interface language. */
export function useStatisticsFormat() {
  const { locale } = useLocale()
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(locale)
    const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' })
    const shortDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
    const longDay = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    const range = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' })
    const hour = new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone: 'UTC' })
    return {
      number: (value: number) => numbers.format(value),
      minutes: (value: number) => minutes.format(value),
      /** "4 Mar" */
      shortDay: (day: string) => shortDay.format(noon(day)),
      /** "Wed 4 March 2026" */
      day: (day: string) => longDay.format(noon(day)),
      /** "1 – 31 March 2026" */
      period: (from: string, to: string) =>
        from === to ? range.format(noon(from)) : range.formatRange(noon(from), noon(to)),
      /** 1 = Monday … 7 = Sunday (5 January 2026 was a Monday). */
      weekday: (weekday1to7: number) =>
        weekday.format(noon(`2026-01-${String(4 + weekday1to7).padStart(2, '0')}`)),
      /** "9 h", "9 AM": an hour of arrival. */
      hour: (value: number) => hour.format(new Date(Date.UTC(2026, 0, 5, value))),
    }
  }, [locale])
}
export type StatisticsFormat = ReturnType<typeof useStatisticsFormat>
