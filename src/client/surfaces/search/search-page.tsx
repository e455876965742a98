import { Link, useParams, useSearchParams } from 'react-router'
import type { MessageKey } from '../../../shared/i18n/messages'
import type { SearchResult, SearchType } from '../../../shared/schemas/search'
import { searchTypes } from '../../../shared/schemas/search'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { MIN_QUERY } from '../../features/occupations/api'
import { type SearchFilters, useSearch } from '../../features/search/api'
import { hitPath, hitTypeLabel } from '../../features/search/hit'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Page } from '../../ui/page'
import { SearchBox, useTypedQuery } from '../../ui/search-box'
import { EmptyState, ErrorMessage } from '../../ui/states'
import './search.css'

const isType = (value: string): value is SearchType => (searchTypes as readonly string[]).includes(value)

/**
 * Everything the centre can tell about a question, in one search box: occupations, trainings and the
 * documentation centre's resources together, best first, with filters that say how many results each
 * would leave. The query and filters stay in the address, so back and a shared link bring them again.
 */
export function SearchPage() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const { locale } = useLocale()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const [params, setParams] = useSearchParams()
  const { typed, setTyped, query } = useTypedQuery()
  const filters: SearchFilters = {
    types: (params.get('types') ?? '').split(',').filter(isType),
    area: params.get('area') ?? '',
    language: params.get('language') ?? '',
    audience: params.get('audience') ?? '',
  }
  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (value) next.set(name, value)
        else next.delete(name)
        return next
      },
      { replace: true },
    )
  const search = useSearch({ centre: slug, query, language: locale, filters })
  const result = search.data
  const tooShort = query.trim().length < MIN_QUERY

  return (
    <Page
      title={t('search.title')}
      brand={home.data ? text(home.data.centre.name) : undefined}
      brandTo={`/c/${slug}`}
    >
      <p className="lead">{t('search.intro')}</p>
      <SearchBox
        className="global-search"
        label={t('search.label')}
        hint={t('search.hint')}
        value={typed}
        onChange={setTyped}
      />
      {search.isError ? (
        <ErrorMessage error={search.error} />
      ) : tooShort || !result ? null : (
        <div className="search-layout">
          <Filters
            result={result}
            filters={filters}
            onChange={setParam}
            areaName={(value) => {
              const area = home.data?.areas.find((a) => a.slug === value)
              return area ? text(area.name) : value
            }}
          />
          <section aria-labelledby="search-results-title" aria-busy={search.isFetching}>
            <h2 id="search-results-title" className="search-count" aria-live="polite">
              {t('search.count', { count: result.total })}
            </h2>
            {result.items.length === 0 ? (
              <EmptyState title={t('search.noResultsTitle')}>
                <p>{t('search.noResultsText')}</p>
              </EmptyState>
            ) : (
              <ol className="plain-list stack search-list">
                {result.items.map((hit) => (
                  <li key={`${hit.type}:${hit.id}`} className="card search-hit">
                    <p className="search-hit__type">{hitTypeLabel(t, hit)}</p>
                    <h3 className="search-hit__title">
                      <Link to={hitPath(slug, hit)} lang={hit.language}>
                        {hit.title}
                      </Link>
                    </h3>
                    {hit.snippet.length > 0 && (
                      <p className="search-hit__snippet" lang={hit.language}>
                        {hit.snippet.map((part, index) =>
                          part.match ? (
                            // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed text, in order
                            <mark key={index}>{part.text}</mark>
                          ) : (
                            part.text
                          ),
                        )}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
    </Page>
  )
}

function Filters(props: {
  result: SearchResult
  filters: SearchFilters
  onChange: (name: string, value: string) => void
  areaName: (slug: string) => string
}) {
  const t = useT()
  const { locale } = useLocale()
  const { result, filters, onChange } = props
  const languageNames = new Intl.DisplayNames([locale], { type: 'language' })
  const toggleType = (type: SearchType) => {
    const next = filters.types.includes(type)
      ? filters.types.filter((x) => x !== type)
      : [...filters.types, type]
    onChange('types', next.join(','))
  }
  const choice = (
    name: 'area' | 'language' | 'audience',
    label: string,
    name_of: (value: string) => string,
  ) =>
    (result.facets[name].length > 0 || filters[name]) && (
      <div className="field">
        <label htmlFor={`search-filter-${name}`}>{label}</label>
        <select
          id={`search-filter-${name}`}
          value={filters[name]}
          onChange={(event) => onChange(name, event.target.value)}
        >
          <option value="">{t('search.any')}</option>
          {result.facets[name].map((facet) => (
            <option key={facet.value} value={facet.value}>
              {`${name_of(facet.value)} (${facet.count})`}
            </option>
          ))}
        </select>
      </div>
    )
  return (
    <aside className="search-filters" aria-label={t('search.filters')}>
      <fieldset className="search-types">
        <legend>{t('search.types')}</legend>
        {searchTypes.map((type) => {
          const count = result.facets.type.find((facet) => facet.value === type)?.count ?? 0
          return (
            <button
              key={type}
              type="button"
              className="chip"
              aria-pressed={filters.types.includes(type)}
              onClick={() => toggleType(type)}
            >
              {`${t(`search.type.${type}`)} (${count})`}
            </button>
          )
        })}
      </fieldset>
      {choice('area', t('search.area'), props.areaName)}
      {choice('language', t('search.language'), (value) => languageNames.of(value) ?? value)}
      {choice('audience', t('search.audience'), (value) => t(`resources.audience.${value}` as MessageKey))}
    </aside>
  )
}
