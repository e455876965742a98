import { Link } from 'react-router'
import type { TrainingSearchResult } from '../../../shared/schemas/trainings'
import { searchOf, type TrainingFilters } from '../../features/trainings/api'
import { useT } from '../../i18n/i18n-provider'
import { domainLabel, levelName, upTo } from './training-words'

type Single = 'level' | 'maxMonths' | 'place'

/** The address with `key` set to `value`, or without it; the other filters and the query kept. */
const withFilter = (filters: TrainingFilters, key: Single, value: string | undefined) =>
  `?${searchOf({ ...filters, [key]: value })}`

/**
 * The filters, as links each saying how many courses it would give: a filter is an address, so the
 * back button, a shared link and the keyboard all work, and a screen reader hears which one is on.
 */
export function TrainingFilterPanel({
  facets,
  filters,
}: {
  facets: TrainingSearchResult['facets']
  filters: TrainingFilters
}) {
  const t = useT()
  const groups: {
    key: Single
    label: string
    any: string
    options: { value: string; label: string; count: number }[]
  }[] = [
    {
      key: 'level',
      label: t('trainings.level'),
      any: t('trainings.anyLevel'),
      options: facets.levels.map((f) => ({
        value: String(f.level),
        label: levelName(t, f.level),
        count: f.count,
      })),
    },
    {
      key: 'maxMonths',
      label: t('trainings.duration'),
      any: t('trainings.anyDuration'),
      options: facets.durations
        .filter((f) => f.count > 0)
        .map((f) => ({ value: String(f.maxMonths), label: upTo(t, f.maxMonths), count: f.count })),
    },
    {
      key: 'place',
      label: t('trainings.place'),
      any: t('trainings.anyPlace'),
      options: facets.places.map((f) => ({ value: f.place, label: f.place, count: f.count })),
    },
  ]
  const hasFilters = Boolean(filters.level || filters.maxMonths || filters.place || filters.domain.length)
  if (!hasFilters && groups.every((group) => group.options.length === 0)) return null
  return (
    <nav className="training-filters" aria-labelledby="filters-title">
      <h2 id="filters-title">{t('trainings.filters')}</h2>
      {filters.domain.length > 0 && (
        <ul className="plain-list training-filters__domains">
          {filters.domain.map((domain) => (
            <li key={domain} className="training-chip">
              {t('trainings.domainFilter', { domain: domainLabel(domain) })}{' '}
              <Link
                to={`?${searchOf({ ...filters, domain: filters.domain.filter((d) => d !== domain) })}`}
                aria-label={t('trainings.removeDomain', { domain: domainLabel(domain) })}
              >
                ✕
              </Link>
            </li>
          ))}
        </ul>
      )}
      {groups.map((group) => {
        const selected = filters[group.key]
        if (group.options.length === 0 && !selected) return null
        return (
          <div key={group.key} className="training-facet">
            <h3>{group.label}</h3>
            <ul className="plain-list">
              <li>
                <Link
                  to={withFilter(filters, group.key, undefined)}
                  aria-current={selected ? undefined : 'true'}
                >
                  {group.any}
                </Link>
              </li>
              {group.options.map((option) => (
                <li key={option.value}>
                  <Link
                    to={withFilter(filters, group.key, option.value)}
                    aria-current={option.value === selected ? 'true' : undefined}
                  >
                    {t('trainings.withCount', { label: option.label, count: option.count })}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )
      })}
      {hasFilters && (
        <p className="training-filters__clear">
          <Link to={`?${searchOf({ q: filters.q, domain: [] })}`}>{t('trainings.clearFilters')}</Link>
        </p>
      )}
    </nav>
  )
}
