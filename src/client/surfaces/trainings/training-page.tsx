import { Link, useParams } from 'react-router'
import type { TrainingDetail } from '../../../shared/schemas/trainings'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { SaveToNotebook } from '../../features/notebooks/save-to-notebook'
import { occupationPath } from '../../features/occupations/api'
import { trainingSearchPath, useTraining } from '../../features/trainings/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Page } from '../../ui/page'
import { ErrorMessage, Loading } from '../../ui/states'
import { domainLabel, durationWords, levelExplained } from './training-words'
import './trainings.css'

/** France compétences' page of an RNCP certification: what the diploma certifies, officially. */
const rncpUrl = (code: string) =>
  `https://www.francecompetences.fr/recherche/rncp/${encodeURIComponent(code)}/`

/**
 * A course: what kind it is, its level said in words, how long it lasts, who it answers to, where to
 * read more — and the occupations it leads to, one click away. ONISEP's courses carry its credit.
 */
export function TrainingPage() {
  const { centre: slug = '', id = '' } = useParams()
  const t = useT()
  const { locale } = useLocale()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const course = useTraining(slug, id, locale)
  const brand = home.data ? text(home.data.centre.name) : undefined
  if (course.isPending || course.isError)
    return (
      <Page title={t('trainings.searchTitle')} brand={brand} brandTo={`/c/${slug}`}>
        {course.isPending ? <Loading /> : <ErrorMessage error={course.error} />}
        <p>
          <Link to={`/c/${slug}/trainings`}>{t('trainings.backToSearch')}</Link>
        </p>
      </Page>
    )
  const c = course.data
  return (
    <Page title={c.title} brand={brand} brandTo={`/c/${slug}`} heading={false}>
      <nav aria-label={t('trainings.breadcrumb')} className="training-breadcrumb">
        <Link to={`/c/${slug}/trainings`}>{t('trainings.backToSearch')}</Link>
      </nav>
      <article className="training">
        <header>
          <h1 lang={c.language}>{c.title}</h1>
          {c.kind && (
            <p className="training__kind" lang={c.language}>
              {c.kind}
              {c.kindAcronym && ` (${c.kindAcronym})`}
            </p>
          )}
          {c.source === 'centre' && <p className="training-badge">{t('trainings.ownCourse')}</p>}
          <SaveToNotebook centre={slug} item={{ kind: 'training', ref: c.id }} />
        </header>
        <Facts slug={slug} course={c} />
        {c.description && (
          <section aria-labelledby="about">
            <h2 id="about">{t('trainings.about')}</h2>
            {c.description.split('\n').map((line) => (
              <p key={line} lang={c.language}>
                {line}
              </p>
            ))}
          </section>
        )}
        {c.url && (
          <p className="training__more">
            <a href={c.url} rel="noopener noreferrer">
              {c.source === 'onisep' ? t('trainings.onisepLink') : t('trainings.moreInfo')}
            </a>
          </p>
        )}
        <section aria-labelledby="leads-to">
          <h2 id="leads-to">{t('trainings.leadsTo')}</h2>
          {c.occupations.length === 0 ? (
            <p>{t('trainings.leadsToNone')}</p>
          ) : (
            <ul>
              {c.occupations.map((o) => (
                <li key={`${o.taxonomy}:${o.code}`}>
                  <Link to={occupationPath(slug, o.taxonomy, o.code)}>{o.title}</Link>
                  {o.linked && <span className="muted"> · {t('trainings.chosenByCentre')}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside className="card training__visit" aria-labelledby="talk">
          <h2 id="talk">{t('trainings.talkTitle')}</h2>
          <p>{t('trainings.talkText')}</p>
          <Link to={`/c/${slug}`}>{t('trainings.talkLink')}</Link>
        </aside>
      </article>
      {c.attribution && <p className="training-credit">{c.attribution}</p>}
    </Page>
  )
}

function Facts({ slug, course }: { slug: string; course: TrainingDetail }) {
  const t = useT()
  const duration = durationWords(t, course)
  return (
    <section aria-labelledby="facts">
      <h2 id="facts">{t('trainings.facts')}</h2>
      <dl className="training-facts">
        <dt>{t('trainings.level')}</dt>
        <dd>{levelExplained(t, course.level)}</dd>
        {duration && (
          <>
            <dt>{t('trainings.duration')}</dt>
            <dd>{duration}</dd>
          </>
        )}
        {course.place && (
          <>
            <dt>{t('trainings.place')}</dt>
            <dd lang={course.language}>{course.place}</dd>
          </>
        )}
        {course.rncpCode && (
          <>
            <dt>{t('trainings.rncp')}</dt>
            <dd>
              <a
                href={rncpUrl(course.rncpCode)}
                rel="noopener noreferrer"
                aria-label={t('trainings.rncpLink', { code: course.rncpCode })}
              >
                RNCP {course.rncpCode}
              </a>
            </dd>
          </>
        )}
        {course.authority && (
          <>
            <dt>{t('trainings.authority')}</dt>
            <dd lang={course.language}>{course.authority}</dd>
          </>
        )}
        {course.domains.length > 0 && (
          <>
            <dt>{t('trainings.domains')}</dt>
            <dd>
              <ul>
                {course.domains.map((domain) => (
                  <li key={domain} lang={course.language}>
                    <Link to={trainingSearchPath(slug, { domain: [domain] })}>{domainLabel(domain)}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </section>
  )
}
