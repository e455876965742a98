import { useSearchParams } from 'react-router'
import { statisticsQuerySchema } from '../../../shared/schemas/statistics'
import type { StatisticsFilters } from '../../features/statistics/api'
import { isPeriodPreset, type PeriodPreset, presetPeriod } from '../../features/statistics/period'
import { useT } from '../../i18n/i18n-provider'
import { type FieldErrors, validate } from '../../lib/form-errors'

/** The preset shown when the address names none. */
const DEFAULT_PRESET: PeriodPreset = 'month'

export type FilterChanges = Partial<Record<'period' | 'from' | 'to' | 'area' | 'partner', string | undefined>>

/**
 * The dashboard's filters as the address holds them (`?period=last7`, or `?from=…&to=…`, `&area=…`,
 * `&partner=…`), so that a view can be bookmarked or sent to a colleague.
 */
export function useStatisticsFilters(today: string) {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const named = params.get('period')
  const custom = !isPeriodPreset(named) && Boolean(params.get('from') || params.get('to'))
  const preset: PeriodPreset | 'custom' = custom ? 'custom' : isPeriodPreset(named) ? named : DEFAULT_PRESET
  const period =
    preset === 'custom'
      ? { from: params.get('from') || today, to: params.get('to') || today }
      : presetPeriod(preset, today)
  const area = params.get('area') ?? undefined
  const partner = params.get('partner') ?? undefined
  const filters: StatisticsFilters = { ...period, ...(area ? { area } : {}), ...(partner ? { partner } : {}) }
  const checked = validate(statisticsQuerySchema, filters, t)
  const errors: FieldErrors = checked.errors ?? {}

  const change = (changes: FilterChanges) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next, { replace: true })
  }
  /** The address of a preset, keeping the area and partner. */
  const presetSearch = (choice: PeriodPreset) => {
    const next = new URLSearchParams(params)
    next.delete('from')
    next.delete('to')
    next.set('period', choice)
    return `?${next}`
  }
  return { preset, filters, errors, isValid: checked.data !== null, change, presetSearch }
}
