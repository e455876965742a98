import { describe, expect, it } from 'vitest'
import {
  type ClosureSpan,
  computeAreaStatus,
  computeOpenStatus,
  localDateOf,
  type Span,
  toHourMinute,
} from './opening-status'

const weekdays = (opensAt: string, closesAt: string): Span[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt, closesAt }))

const paris = (now: string, spans: Span[], closures: ClosureSpan[] = []) =>
  computeOpenStatus({ spans, closures, now: new Date(now), timezone: 'Europe/Paris' })

// 2026-11-24 is a Tuesday; Paris is UTC+1 in November (UTC+2 in summer).
describe('computeOpenStatus', () => {
  const week = weekdays('09:30', '17:00')

  it('is open inside a span and reports today’s hours', () => {
    expect(paris('2026-11-24T09:00:00Z', week)).toEqual({
      isOpen: true,
      openUntil: '17:00',
      today: [{ opensAt: '09:30', closesAt: '17:00' }],
      closedToday: null,
      nextOpening: null,
      dayOverride: null,
    })
  })

  it('opens on the minute and closes on the minute', () => {
    expect(paris('2026-11-24T08:30:00Z', week).isOpen).toBe(true) // 09:30 sharp
    expect(paris('2026-11-24T08:29:59Z', week).isOpen).toBe(false) // 09:29:59
    expect(paris('2026-11-24T15:59:59Z', week).isOpen).toBe(true) // 16:59:59
    expect(paris('2026-11-24T16:00:00Z', week).isOpen).toBe(false) // 17:00 sharp
  })

  it('is closed before opening, and opens later the same day', () => {
    expect(paris('2026-11-24T07:00:00Z', week)).toMatchObject({
      isOpen: false,
      today: [{ opensAt: '09:30', closesAt: '17:00' }],
      nextOpening: { date: '2026-11-24', time: '09:30' },
      dayOverride: null,
    })
  })

  it('is closed after closing, and opens the next day', () => {
    expect(paris('2026-11-24T17:30:00Z', week)).toMatchObject({
      isOpen: false,
      nextOpening: { date: '2026-11-25', time: '09:30' },
      dayOverride: null,
    })
  })

  it('reads the clock in the centre’s time zone, not the server’s', () => {
    const now = new Date('2026-11-24T09:00:00Z') // 10:00 in Paris, 04:00 in Montreal
    const inParis = computeOpenStatus({ spans: week, closures: [], now, timezone: 'Europe/Paris' })
    const inMontreal = computeOpenStatus({ spans: week, closures: [], now, timezone: 'America/Montreal' })
    expect(inParis.isOpen).toBe(true)
    expect(inMontreal).toMatchObject({ isOpen: false, nextOpening: { date: '2026-11-24', time: '09:30' } })
  })

  it('uses the local date across midnight UTC', () => {
    // Wednesday 00:30 in Paris is still Tuesday in UTC: Wednesday's hours apply.
    const spans: Span[] = [{ weekday: 3, opensAt: '00:00', closesAt: '01:00' }]
    expect(paris('2026-11-24T23:30:00Z', spans).isOpen).toBe(true)
    expect(localDateOf(new Date('2026-11-24T23:30:00Z'), 'Europe/Paris')).toBe('2026-11-25')
    expect(localDateOf(new Date('2026-11-24T23:30:00Z'), 'UTC')).toBe('2026-11-24')
  })

  it('follows summer time', () => {
    // 2026-07-07 is a Tuesday; 07:45 UTC is 09:45 in Paris in summer (it would be 08:45 in winter).
    expect(paris('2026-07-07T07:45:00Z', week).isOpen).toBe(true)
  })

  it('stays closed all day during a closure, gives its reason and shows no hours', () => {
    const closures: ClosureSpan[] = [
      { startsOn: '2026-11-23', endsOn: '2026-11-24', reason: { fr: 'Inventaire', en: 'Stocktaking' } },
    ]
    expect(paris('2026-11-24T10:00:00Z', week, closures)).toEqual({
      isOpen: false,
      openUntil: null,
      today: [],
      closedToday: { reason: { fr: 'Inventaire', en: 'Stocktaking' } },
      nextOpening: { date: '2026-11-25', time: '09:30' },
      dayOverride: null,
    })
  })

  it('skips closed days and the weekend when looking for the next opening', () => {
    // Thursday evening; Friday closed; Saturday and Sunday have no hours: next is Monday.
    const closures: ClosureSpan[] = [{ startsOn: '2026-11-27', endsOn: '2026-11-27', reason: {} }]
    expect(paris('2026-11-26T18:00:00Z', week, closures)).toMatchObject({
      isOpen: false,
      closedToday: null,
      nextOpening: { date: '2026-11-30', time: '09:30' },
      dayOverride: null,
    })
    // A closure that does not touch the coming days changes nothing.
    expect(paris('2026-11-26T18:00:00Z', week).nextOpening).toEqual({ date: '2026-11-27', time: '09:30' })
  })

  it('handles two spans with a lunch break', () => {
    const spans: Span[] = [
      { weekday: 2, opensAt: '14:00:00', closesAt: '17:30:00' },
      { weekday: 2, opensAt: '09:00:00', closesAt: '12:30:00' },
    ]
    const lunch = paris('2026-11-24T12:00:00Z', spans) // 13:00
    expect(lunch).toEqual({
      isOpen: false,
      openUntil: null,
      today: [
        { opensAt: '09:00', closesAt: '12:30' },
        { opensAt: '14:00', closesAt: '17:30' },
      ],
      closedToday: null,
      nextOpening: { date: '2026-11-24', time: '14:00' },
      dayOverride: null,
    })
    expect(paris('2026-11-24T10:00:00Z', spans)).toMatchObject({ isOpen: true, openUntil: '12:30' }) // 11:00
    expect(paris('2026-11-24T14:00:00Z', spans)).toMatchObject({ isOpen: true, openUntil: '17:30' }) // 15:00
    // After the afternoon span: next Tuesday, a week later.
    expect(paris('2026-11-24T17:00:00Z', spans).nextOpening).toEqual({ date: '2026-12-01', time: '09:00' })
  })

  it('has no next opening without any hours, or when closed for more than a month', () => {
    expect(paris('2026-11-24T09:00:00Z', [])).toMatchObject({ isOpen: false, nextOpening: null })
    const closures: ClosureSpan[] = [{ startsOn: '2026-11-01', endsOn: '2027-03-01', reason: {} }]
    expect(paris('2026-11-24T09:00:00Z', week, closures).nextOpening).toBeNull()
  })
})

describe('computeAreaStatus', () => {
  const centreSpans = weekdays('09:00', '18:00')
  const morningsOnly = weekdays('09:00', '12:00')
  const area = (now: string, dayState: 'open' | 'closed' | null, areaSpans: Span[] = []) =>
    computeAreaStatus({
      centreSpans,
      areaSpans,
      centreClosures: [],
      areaClosures: [],
      dayState,
      now: new Date(now),
      timezone: 'Europe/Paris',
    })

  it('follows the area’s own hours, never outside the centre’s', () => {
    expect(area('2026-11-24T10:00:00Z', null, morningsOnly).isOpen).toBe(true) // 11:00
    expect(area('2026-11-24T13:00:00Z', null, morningsOnly)).toMatchObject({
      isOpen: false,
      nextOpening: { date: '2026-11-25', time: '09:00' },
      dayOverride: null,
    })
  })

  it('closed by reception: closed until the next planned opening after today', () => {
    expect(area('2026-11-24T07:00:00Z', 'closed')).toMatchObject({
      isOpen: false,
      today: [],
      nextOpening: { date: '2026-11-25', time: '09:00' },
      dayOverride: 'closed',
    })
  })

  it('opened by reception: open while the centre is, whatever the area’s own hours', () => {
    expect(area('2026-11-24T13:00:00Z', 'open', morningsOnly)).toMatchObject({
      isOpen: true,
      openUntil: '18:00',
      dayOverride: 'open',
    })
    expect(area('2026-11-24T17:30:00Z', 'open', morningsOnly).isOpen).toBe(false) // 18:30
  })
})

describe('toHourMinute', () => {
  it('drops the seconds PostgreSQL adds', () => {
    expect(toHourMinute('09:30:00')).toBe('09:30')
    expect(toHourMinute('09:30')).toBe('09:30')
  })
})
