import { Link } from 'react-router'
import type { ResourceFacets } from '../../../shared/schemas/resources'
import type { FilterKey, Filters } from '../../features/resources/api'
import { useT } from '../../i18n/i18n-provider'

export type FacetOption = { value: string; label: string }
export type FacetGroup = { key: Exclude<FilterKey, 'q' | 'easyRead'>; label: string; options: FacetOption[] }

/** The address with one filter set to `value`, or removed when `value` is undefined. */
export function withFilter(filters: Filters, key: FilterKey, value: string | undefined) {
  const params = new URLSearchParams()
  for (const [name, current] of Object.entries({ ...filters, [key]: value })) {
    if (current) params.set(name, current)
  }
  const search = params.toString()
  return search ? `?${search}` : '?'
}

/**
 * Filters as links, each with how many resources it would give: a filter is an address, so the back
 * button, a shared link and a middle click all work, and a screen reader hears the current one.
 */
export function FacetFilters({
  groups,
  facets,
  filters,
}: {
  groups: FacetGroup[]
  facets: ResourceFacets
  filters: Filters
}) {
  const t = useT()
  const hasFilters = Object.entries(filters).some(([key, value]) => key !== 'q' && value)
  return (
    <nav className="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">{t('resources.filters')}</h2>
      {groups.map((group) => {
        const counts = new Map(facets[group.key].map((entry) => [entry.value, entry.count]))
        const selected = filters[group.key]
        const options = group.options.filter(
          (option) => counts.has(option.value) || option.value === selected,
        )
        if (options.length === 0) return null
        return (
          <div key={group.key} className="facet">
            <h3>{group.label}</h3>
            <ul className="plain-list">
              {selected && (
                <li>
                  <Link to={withFilter(filters, group.key, undefined)}>{t('resources.filter.any')}</Link>
                </li>
              )}
              {options.map((option) => {
                const isCurrent = option.value === selected
                return (
                  <li key={option.value}>
                    <Link
                      to={withFilter(filters, group.key, isCurrent ? undefined : option.value)}
                      aria-current={isCurrent ? 'true' : undefined}
                    >
                      {t('resources.filter.choice', {
                        label: option.label,
                        count: counts.get(option.value) ?? 0,
                      })}
                    </Link>
                  </li>
                )
              })}
            </ul>
          </div>
        )
      })}
      {(facets.easyRead > 0 || filters.easyRead) && (
        <p className="facet">
          <Link
            to={withFilter(filters, 'easyRead', filters.easyRead ? undefined : 'true')}
            aria-current={filters.easyRead ? 'true' : undefined}
          >
            {t('resources.easyReadOnly', { count: facets.easyRead })}
          </Link>
        </p>
      )}
      {hasFilters && (
        <p>
          <Link to={withFilter({ q: filters.q }, 'q', filters.q)}>{t('resources.clearFilters')}</Link>
        </p>
      )}
    </nav>
  )
}
