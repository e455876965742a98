import { describe, expect, it } from 'vitest'
import { isPeriodPreset, presetPeriod, yearPeriod } from './period'

describe('statistics periods', () => {
  it('counts each preset back from today, both days included', () => {
    expect(presetPeriod('today', '2026-03-04')).toEqual({ from: '2026-03-04', to: '2026-03-04' })
    expect(presetPeriod('last7', '2026-03-04')).toEqual({ from: '2026-02-26', to: '2026-03-04' })
    expect(presetPeriod('month', '2026-03-04')).toEqual({ from: '2026-03-01', to: '2026-03-04' })
    expect(presetPeriod('year', '2026-03-04')).toEqual({ from: '2026-01-01', to: '2026-03-04' })
    expect(presetPeriod('lastYear', '2026-01-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' })
  })

  it('stops the current year at today and gives a past year whole', () => {
    expect(yearPeriod(2026, '2026-06-15')).toEqual({ from: '2026-01-01', to: '2026-06-15' })
    expect(yearPeriod(2024, '2026-06-15')).toEqual({ from: '2024-01-01', to: '2024-12-31' })
  })

  it('knows its presets from anything else in the address', () => {
    expect(isPeriodPreset('last7')).toBe(true)
    expect(isPeriodPreset('custom')).toBe(false)
    expect(isPeriodPreset(null)).toBe(false)
  })
})
