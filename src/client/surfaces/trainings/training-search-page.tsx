import { Link, useParams, useSearchParams } from 'react-router'
import type { TrainingHit } from '../../../shared/schemas/trainings'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { filtersFrom, trainingPath, useTrainingSearch } from '../../features/trainings/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { SearchBox, useTypedQuery } from '../../ui/search-box'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TrainingFilterPanel } from './training-filters'
import { durationWords, levelName } from './training-words'
import './trainings.css'

/**
 * Finding a course: ONISEP's initial trainings and the centre's own, by words, level, duration, place
 * or field, results as you type. The query and the filters stay in the address, so the back button and
 * a shared link bring the same results.
 */
export function TrainingSearchPage() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const { locale } = useLocale()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const [params] = useSearchParams()
  const { typed, setTyped, query } = useTypedQuery()
  const filters = { ...filtersFrom(params), q: query }
  const search = useTrainingSearch(slug, filters, locale)
  const first = search.data?.pages[0]
  const items = search.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <Page
      title={t('trainings.searchTitle')}
      brand={home.data ? text(home.data.centre.name) : undefined}
      brandTo={`/c/${slug}`}
    >
      <p className="lead">{t('trainings.searchIntro')}</p>
      <SearchBox
        className="training-search"
        label={t('trainings.searchLabel')}
        hint={t('trainings.searchHint')}
        value={typed}
        onChange={setTyped}
      />
      {search.isError ? (
        <ErrorMessage error={search.error} />
      ) : !first ? (
        <Loading />
      ) : (
        <div className="training-layout">
          <TrainingFilterPanel facets={first.facets} filters={filters} />
          <section className="training-results" aria-labelledby="results-count">
            <p id="results-count" role="status" className="muted">
              {t('trainings.resultCount', { count: first.total })}
            </p>
            {items.length === 0 ? (
              <EmptyState title={t('trainings.noResultsTitle')}>
                <p>{t('trainings.noResultsText')}</p>
              </EmptyState>
            ) : (
              <ol className="plain-list stack" aria-busy={search.isFetching}>
                {items.map((item) => (
                  <li key={item.id} className="card training-hit">
                    <TrainingHitCard slug={slug} item={item} />
                  </li>
                ))}
              </ol>
            )}
            {search.hasNextPage && (
              <Button
                variant="secondary"
                isDisabled={search.isFetchingNextPage}
                onPress={() => search.fetchNextPage()}
              >
                {t('trainings.more')}
              </Button>
            )}
            {first.attribution && <p className="training-credit">{first.attribution}</p>}
          </section>
        </div>
      )}
    </Page>
  )
}

function TrainingHitCard({ slug, item }: { slug: string; item: TrainingHit }) {
  const t = useT()
  const facts = [item.level ? levelName(t, item.level) : null, durationWords(t, item), item.place].filter(
    Boolean,
  )
  return (
    <>
      <h2 className="training-hit__title">
        <Link to={trainingPath(slug, item.id)} lang={item.language}>
          {item.title}
        </Link>
      </h2>
      {item.kind && (
        <p className="training-hit__kind" lang={item.language}>
          {item.kind}
          {item.kindAcronym && ` (${item.kindAcronym})`}
        </p>
      )}
      <p className="muted training-hit__facts">
        {item.source === 'centre' && <span className="training-badge">{t('trainings.ownCourse')}</span>}
        {facts.join(' · ')}
      </p>
    </>
  )
}
