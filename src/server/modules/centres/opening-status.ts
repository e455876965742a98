import { TZDate } from '@date-fns/tz'
import { addDays, format } from 'date-fns'
import type { LocalizedText } from '../../db/schema/centres'

export type Span = { weekday: number; opensAt: string; closesAt: string }
export type ClosureSpan = { startsOn: string; endsOn: string; reason: LocalizedText }

export type OpenStatus = {
  isOpen: boolean
  /** When open: the closing time of the current span. */
  openUntil: string | null
  today: { opensAt: string; closesAt: string }[]
  closedToday: { reason: LocalizedText } | null
  nextOpening: { date: string; time: string } | null
  /** Reception opened or closed the area for the day, over its planned hours. */
  dayOverride: DayState | null
}

export type DayState = 'open' | 'closed'

/** PostgreSQL returns `time` as HH:MM:SS; the product speaks in HH:MM. */
export function toHourMinute(value: string): string {
  return value.slice(0, 5)
}

function closureOn(date: string, closures: readonly ClosureSpan[]) {
  return closures.find((closure) => closure.startsOn <= date && date <= closure.endsOn) ?? null
}

function spansOf(weekday: number, spans: readonly Span[]) {
  return spans
    .filter((span) => span.weekday === weekday)
    .map((span) => ({ opensAt: toHourMinute(span.opensAt), closesAt: toHourMinute(span.closesAt) }))
    .sort((a, b) => a.opensAt.localeCompare(b.opensAt))
}

/**
 * Whether a place is open at `now`, in its own time zone (a centre's screens and its visitors' phones
 * must agree, whatever the server's clock zone), today's hours, and when it next opens.
 */
export function computeOpenStatus(input: {
  spans: readonly Span[]
  closures: readonly ClosureSpan[]
  now: Date
  timezone: string
}): OpenStatus {
  const local = new TZDate(input.now.getTime(), input.timezone)
  const date = format(local, 'yyyy-MM-dd')
  const time = format(local, 'HH:mm')
  const weekday = Number(format(local, 'i'))
  const closedToday = closureOn(date, input.closures)
  const today = spansOf(weekday, input.spans)
  const current = closedToday ? undefined : today.find((span) => span.opensAt <= time && time < span.closesAt)
  const isOpen = current !== undefined

  let nextOpening: OpenStatus['nextOpening'] = null
  if (!isOpen) {
    for (let offset = 0; offset <= 31 && !nextOpening; offset++) {
      const day = addDays(local, offset)
      const dayDate = format(day, 'yyyy-MM-dd')
      if (closureOn(dayDate, input.closures)) continue
      const next = spansOf(Number(format(day, 'i')), input.spans).find(
        (span) => offset > 0 || span.opensAt > time,
      )
      if (next) nextOpening = { date: dayDate, time: next.opensAt }
    }
  }
  return {
    isOpen,
    openUntil: current?.closesAt ?? null,
    today: closedToday ? [] : today,
    closedToday: closedToday && { reason: closedToday.reason },
    nextOpening,
    dayOverride: null,
  }
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function localDateOf(now: Date, timezone: string): string {
  return format(new TZDate(now.getTime(), timezone), 'yyyy-MM-dd')
}

/**
 * An area's status: its own hours when it has some (else the centre's), its own closures and the
 * centre's, and never open while the centre itself is closed. Reception's word for the day comes
 * last: `closed` closes it until tomorrow, `open` opens it whenever the centre is open today.
 */
export function computeAreaStatus(input: {
  centreSpans: readonly Span[]
  areaSpans: readonly Span[]
  centreClosures: readonly ClosureSpan[]
  areaClosures: readonly ClosureSpan[]
  dayState?: DayState | null
  now: Date
  timezone: string
}): OpenStatus {
  const { now, timezone } = input
  const centre = computeOpenStatus({
    spans: input.centreSpans,
    closures: input.centreClosures,
    now,
    timezone,
  })
  if (input.dayState === 'open') return { ...centre, dayOverride: 'open' }
  const today = localDateOf(now, timezone)
  const closedToday = input.dayState === 'closed' ? [{ startsOn: today, endsOn: today, reason: {} }] : []
  if (input.areaSpans.length === 0 && input.areaClosures.length === 0 && closedToday.length === 0) {
    return centre
  }
  const own = computeOpenStatus({
    spans: input.areaSpans.length ? input.areaSpans : input.centreSpans,
    closures: [...input.centreClosures, ...input.areaClosures, ...closedToday],
    now,
    timezone,
  })
  const status =
    own.isOpen && !centre.isOpen
      ? { ...own, isOpen: false, openUntil: null, nextOpening: centre.nextOpening }
      : own
  return { ...status, dayOverride: input.dayState ?? null }
}
