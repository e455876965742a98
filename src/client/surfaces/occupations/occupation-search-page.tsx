import { Link, useParams } from 'react-router'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { MIN_QUERY, occupationPath, useOccupationSearch } from '../../features/occupations/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Page } from '../../ui/page'
import { SearchBox, useTypedQuery } from '../../ui/search-box'
import { EmptyState, ErrorMessage } from '../../ui/states'
import { SourceName } from './source'
import './occupations.css'

/**
 * Finding an occupation the way people name it — "cariste", "aide soignante", "dev web" — typos
 * forgiven, results as you type. The query stays in the address, so the back button and a shared link
 * bring the same results.
 */
export function OccupationSearchPage() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const { locale } = useLocale()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const { typed, setTyped, query } = useTypedQuery()
  const search = useOccupationSearch(query, locale)
  const items = search.data?.items ?? []
  const tooShort = query.trim().length < MIN_QUERY

  return (
    <Page
      title={t('occupations.searchTitle')}
      brand={home.data ? text(home.data.centre.name) : undefined}
      brandTo={`/c/${slug}`}
    >
      <p className="lead">{t('occupations.searchIntro')}</p>
      <SearchBox
        className="occupation-search"
        label={t('occupations.searchLabel')}
        hint={t('occupations.searchHint')}
        value={typed}
        onChange={setTyped}
      />
      <div aria-live="polite" aria-atomic="false" className="occupation-results">
        {search.isError ? (
          <ErrorMessage error={search.error} />
        ) : tooShort ? null : search.isSuccess && items.length === 0 ? (
          <EmptyState title={t('occupations.noResultsTitle')}>
            <p>{t('occupations.noResultsText')}</p>
          </EmptyState>
        ) : (
          items.length > 0 && (
            <>
              <p className="muted">{t('occupations.resultCount', { count: items.length })}</p>
              <ol className="plain-list stack occupation-list" aria-busy={search.isFetching}>
                {items.map((item) => (
                  <li key={`${item.taxonomy}:${item.code}`} className="card occupation-hit">
                    <h2 className="occupation-hit__title">
                      <Link to={occupationPath(slug, item.taxonomy, item.code)} lang={item.titleLanguage}>
                        {item.title}
                      </Link>
                    </h2>
                    {item.matched && (
                      <p className="occupation-hit__matched">
                        {t('occupations.alsoCalled', { name: item.matched })}
                      </p>
                    )}
                    <p className="muted occupation-hit__source">
                      <SourceName taxonomy={item.taxonomy} />
                    </p>
                  </li>
                ))}
              </ol>
            </>
          )
        )}
      </div>
    </Page>
  )
}
