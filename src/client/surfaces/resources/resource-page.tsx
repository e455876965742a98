import { useIntl } from 'react-intl'
import { Link, useParams } from 'react-router'
import type { ResourceDetail } from '../../../shared/schemas/resources'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { SaveToNotebook } from '../../features/notebooks/save-to-notebook'
import { occupationPath } from '../../features/occupations/api'
import { useResource } from '../../features/resources/api'
import { useResourceLabels } from '../../features/resources/labels'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { hostOf } from '../../lib/host'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { AskInAreas } from './ask-in-areas'
import { withFilter } from './facet-filters'
import './resources.css'

/** Where it is, said plainly: the shelf and how many copies, or a link to open it. */
function WhereToFind({ resource }: { resource: ResourceDetail }) {
  const t = useT()
  const open =
    resource.type === 'website'
      ? t('resources.openSite')
      : resource.type === 'video'
        ? t('resources.watchVideo')
        : t('resources.openOnline')
  return (
    <section aria-labelledby="where" className="card resource-where">
      <h2 id="where">{t('resources.where')}</h2>
      {resource.shelf && (
        <>
          <p className="resource-where__shelf">
            {resource.copies
              ? t('resources.shelfCopies', { shelf: resource.shelf, copies: resource.copies })
              : t('resources.onShelf', { shelf: resource.shelf })}
          </p>
          <p className="muted">{t('resources.shelfHint')}</p>
        </>
      )}
      {resource.url && (
        <p className="resource-where__online">
          <a className="button" href={resource.url} rel="noopener noreferrer">
            {open}
          </a>{' '}
          <span className="muted">({t('resources.externalSite', { host: hostOf(resource.url) })})</span>
          <span className="print-only"> {resource.url}</span>
        </p>
      )}
    </section>
  )
}

/** One resource, for a visitor: what it is, where it is, who it is for, and where to talk about it. */
export function ResourcePage() {
  const { centre: slug = '', id = '' } = useParams()
  const t = useT()
  const intl = useIntl()
  const { locale } = useLocale()
  const labels = useResourceLabels()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const found = useResource(slug, id, locale)
  const brand = home.data ? text(home.data.centre.name) : undefined
  const back = (
    <p className="breadcrumb">
      <Link to={`/c/${slug}/resources`}>{t('resources.backToList')}</Link>
    </p>
  )

  if (found.isPending)
    return (
      <Page title={t('resources.title')} brand={brand} brandTo={`/c/${slug}`}>
        <Loading />
      </Page>
    )
  if (found.isError) {
    const missing = found.error instanceof ApiError && found.error.status === 404
    return (
      <Page
        title={missing ? t('resources.notFoundTitle') : t('resources.title')}
        brand={brand}
        brandTo={`/c/${slug}`}
      >
        {back}
        {missing ? (
          <EmptyState title={t('resources.notFoundTitle')}>
            <p>{t('resources.notFoundText')}</p>
          </EmptyState>
        ) : (
          <ErrorMessage error={found.error} />
        )}
      </Page>
    )
  }
  const resource = found.data
  return (
    <Page title={resource.title} brand={brand} brandTo={`/c/${slug}`} heading={false}>
      {back}
      <article className="resource">
        <p className="resource__kind">
          <span>{labels.type(resource.type)}</span>
          {resource.easyRead && <span className="tag tag--easy">{t('resources.easyRead')}</span>}
        </p>
        <h1>{resource.title}</h1>
        {resource.summary && <p className="lead">{resource.summary}</p>}
        <SaveToNotebook centre={slug} item={{ kind: 'resource', ref: resource.id }} />
        <WhereToFind resource={resource} />
        <dl className="resource__facts">
          {resource.languages.length > 0 && (
            <div>
              <dt>{t('resources.languages')}</dt>
              <dd>{resource.languages.map(labels.language).join(', ')}</dd>
            </div>
          )}
          {resource.audiences.length > 0 && (
            <div>
              <dt>{t('resources.audiences')}</dt>
              <dd>{resource.audiences.map(labels.audience).join(', ')}</dd>
            </div>
          )}
          {resource.themes.length > 0 && (
            <div>
              <dt>{t('resources.themes')}</dt>
              <dd>
                <ul className="plain-list cluster">
                  {resource.themes.map((theme) => (
                    <li key={theme.id}>
                      <Link
                        className="theme-chip"
                        to={`/c/${slug}/resources${withFilter({}, 'theme', theme.slug)}`}
                      >
                        {text(theme.name)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          {resource.occupations.length > 0 && (
            <div>
              <dt>{t('resources.occupations')}</dt>
              <dd>
                <ul className="plain-list">
                  {resource.occupations.map((job) => (
                    <li key={`${job.taxonomy}:${job.code}`}>
                      <Link to={occupationPath(slug, job.taxonomy, job.code)}>{job.title}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
        <AskInAreas slug={slug} areas={resource.areas} localDate={resource.localDate} />
        <p className="muted resource__source">
          {resource.publisher && t('resources.publisher', { publisher: resource.publisher })}
          {resource.publisher && resource.lastReviewed && ' · '}
          {resource.lastReviewed &&
            t('resources.reviewed', {
              date: intl.formatDate(new Date(`${resource.lastReviewed}T12:00:00`), { dateStyle: 'long' }),
            })}
        </p>
        <Button variant="secondary" onPress={() => window.print()}>
          {t('resources.print')}
        </Button>
      </article>
    </Page>
  )
}
