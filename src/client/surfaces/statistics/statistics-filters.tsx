import { Link } from 'react-router'
import { periodPresets } from '../../features/statistics/period'
import { useT } from '../../i18n/i18n-provider'
import { fieldError } from '../../lib/form-errors'
import { SelectField } from '../../ui/select-field'
import { TextField } from '../../ui/text-field'
import type { useStatisticsFilters } from './use-statistics-filters'

const ALL = 'all'

type Option = { id: string; label: string }

/**
 * The period in one click (today, the last 7 days, this month, this year, last year) or as two dates,
 * and, where given, an area and a partner to narrow the figures to.
 */
export function StatisticsFilters({
  state,
  areas,
  partners,
}: {
  state: ReturnType<typeof useStatisticsFilters>
  areas?: readonly Option[] | undefined
  partners?: readonly Option[] | undefined
}) {
  const t = useT()
  const { preset, filters, errors, change, presetSearch } = state
  const setDay = (which: 'from' | 'to') => (value: string) => {
    if (!value) return
    change({ period: undefined, from: filters.from, to: filters.to, [which]: value })
  }
  return (
    <search className="stat-filters no-print" aria-label={t('statistics.filters')}>
      <nav className="stat-presets" aria-label={t('statistics.period')}>
        {periodPresets.map((choice) => (
          <Link
            key={choice}
            to={presetSearch(choice)}
            replace
            aria-current={preset === choice ? 'true' : undefined}
          >
            {t(`statistics.preset.${choice}`)}
          </Link>
        ))}
      </nav>
      <div className="stat-filters__fields">
        <TextField
          label={t('statistics.from')}
          type="date"
          value={filters.from}
          onChange={setDay('from')}
          error={fieldError(errors, 'from')}
        />
        <TextField
          label={t('statistics.to')}
          type="date"
          value={filters.to}
          onChange={setDay('to')}
          error={fieldError(errors, 'to')}
        />
        {areas && (
          <SelectField
            label={t('statistics.area')}
            value={filters.area ?? ALL}
            onChange={(area) => change({ area: area === ALL ? undefined : area })}
            options={[{ id: ALL, label: t('statistics.allAreas') }, ...areas]}
          />
        )}
        {partners && (
          <SelectField
            label={t('statistics.partner')}
            value={filters.partner ?? ALL}
            onChange={(partner) => change({ partner: partner === ALL ? undefined : partner })}
            options={[{ id: ALL, label: t('statistics.allPartners') }, ...partners]}
          />
        )}
      </div>
      {areas && (
        <p className="muted stat-filters__hint">
          {t(partners ? 'statistics.filtersHint' : 'statistics.filtersHintArea')}
        </p>
      )}
    </search>
  )
}
