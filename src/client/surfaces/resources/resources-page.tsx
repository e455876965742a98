import { useEffect, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { audiences, resourceTypes } from '../../../shared/schemas/resources'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { type Filters, filterKeys, useResources, useResourceThemes } from '../../features/resources/api'
import { useResourceLabels } from '../../features/resources/labels'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { Pictogram } from '../../ui/pictogram'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { FacetFilters, type FacetGroup, withFilter } from './facet-filters'
import { ResourceCard } from './resource-card'
import './resources.css'

/** Waits this long after the last key before asking: answers as you type, not on every letter. */
const TYPING_PAUSE_MS = 250

/**
 * The documentation centre online: browse by area or theme, narrow down with filters that say how many
 * resources each would give, or type a few words. Everything lives in the address.
 */
export function ResourcesPage() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const { locale } = useLocale()
  const labels = useResourceLabels()
  const home = usePortalHome(slug)
  const themes = useResourceThemes(slug)
  const defaultLanguage = home.data?.centre.defaultLanguage ?? 'fr'
  const text = useLocalized(defaultLanguage)
  const [params, setParams] = useSearchParams()
  const filters: Filters = Object.fromEntries(
    filterKeys.flatMap((key) => (params.get(key) ? [[key, params.get(key) ?? '']] : [])),
  )
  const [typed, setTyped] = useState(filters.q ?? '')
  // Only what the visitor types rewrites the address (a rewrite on arrival could undo a click).
  useEffect(() => {
    if (typed === (params.get('q') ?? '')) return
    const timer = setTimeout(() => {
      const next = new URLSearchParams(params)
      if (typed.trim()) next.set('q', typed)
      else next.delete('q')
      setParams(next, { replace: true })
    }, TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [typed, params, setParams])

  const list = useResources(slug, filters, locale)
  const first = list.data?.pages[0]
  const items = list.data?.pages.flatMap((page) => page.items) ?? []
  const isBrowsing = !Object.values(filters).some(Boolean)
  const areas = home.data?.areas ?? []

  const groups: FacetGroup[] = [
    {
      key: 'area',
      label: t('resources.filter.area'),
      options: areas.map((a) => ({ value: a.slug, label: text(a.name) })),
    },
    {
      key: 'theme',
      label: t('resources.filter.theme'),
      options: (themes.data ?? []).map((theme) => ({ value: theme.slug, label: text(theme.name) })),
    },
    {
      key: 'type',
      label: t('resources.filter.type'),
      options: resourceTypes.map((v) => ({ value: v, label: labels.type(v) })),
    },
    {
      key: 'language',
      label: t('resources.filter.language'),
      options: (first?.facets.language ?? []).map((entry) => ({
        value: entry.value,
        label: labels.language(entry.value),
      })),
    },
    {
      key: 'audience',
      label: t('resources.filter.audience'),
      options: audiences.map((v) => ({ value: v, label: labels.audience(v) })),
    },
  ]
  const areaCounts = new Map(first?.facets.area.map((entry) => [entry.value, entry.count]))
  const themeCounts = new Map(first?.facets.theme.map((entry) => [entry.value, entry.count]))

  return (
    <Page
      title={t('resources.title')}
      brand={home.data ? text(home.data.centre.name) : undefined}
      brandTo={`/c/${slug}`}
    >
      <p className="lead">{t('resources.intro')}</p>
      <search className="resource-search">
        <form onSubmit={(event) => event.preventDefault()}>
          <TextField
            label={t('resources.searchLabel')}
            hint={t('resources.searchHint')}
            value={typed}
            onChange={setTyped}
            maxLength={200}
            autoComplete="off"
          />
        </form>
      </search>

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : isBrowsing && first?.total === 0 ? (
        <EmptyState title={t('resources.emptyTitle')}>
          <p>{t('resources.emptyText')}</p>
        </EmptyState>
      ) : (
        <>
          {isBrowsing && areaCounts.size > 0 && (
            <section aria-labelledby="by-area">
              <h2 id="by-area">{t('resources.byArea')}</h2>
              <ul className="grid plain-list browse-areas">
                {areas
                  .filter((area) => areaCounts.has(area.slug))
                  .map((area) => (
                    <li key={area.id}>
                      <Link
                        className="card concern browse-card"
                        style={{ ['--area-colour' as string]: area.colour }}
                        to={withFilter({}, 'area', area.slug)}
                      >
                        <span className="concern__icon">
                          <Pictogram name={area.pictogram} />
                        </span>
                        <span>
                          <span className="browse-card__title">{text(area.name)}</span>
                          <span className="muted">
                            {t('resources.count', { count: areaCounts.get(area.slug) ?? 0 })}
                          </span>
                        </span>
                      </Link>
                    </li>
                  ))}
              </ul>
            </section>
          )}
          {isBrowsing && themeCounts.size > 0 && (
            <section aria-labelledby="by-theme">
              <h2 id="by-theme">{t('resources.byTheme')}</h2>
              <ul className="plain-list browse-themes">
                {(themes.data ?? [])
                  .filter((theme) => themeCounts.has(theme.slug))
                  .map((theme) => (
                    <li key={theme.id}>
                      <Link className="theme-chip" to={withFilter({}, 'theme', theme.slug)}>
                        {text(theme.name)}
                        <span className="theme-chip__count">
                          {t('resources.count', { count: themeCounts.get(theme.slug) ?? 0 })}
                        </span>
                      </Link>
                    </li>
                  ))}
              </ul>
            </section>
          )}
          <div className="resource-browser">
            {first && <FacetFilters groups={groups} facets={first.facets} filters={filters} />}
            <section aria-labelledby="results-title" className="resource-results" aria-busy={list.isFetching}>
              <h2 id="results-title" aria-live="polite">
                {isBrowsing
                  ? t('resources.allResources')
                  : t('resources.resultCount', { count: first?.total ?? 0 })}
              </h2>
              {items.length === 0 ? (
                <EmptyState title={t('resources.noResultsTitle')}>
                  <p>{t('resources.noResultsText')}</p>
                </EmptyState>
              ) : (
                <ul className="plain-list stack">
                  {items.map((item) => (
                    <ResourceCard
                      key={item.id}
                      centre={slug}
                      resource={item}
                      defaultLanguage={defaultLanguage}
                    />
                  ))}
                </ul>
              )}
              {list.hasNextPage && (
                <Button
                  variant="secondary"
                  onPress={() => list.fetchNextPage()}
                  isDisabled={list.isFetchingNextPage}
                >
                  {t('resources.showMore')}
                </Button>
              )}
            </section>
          </div>
        </>
      )}
    </Page>
  )
}
