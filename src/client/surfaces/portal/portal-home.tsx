import { useIntl } from 'react-intl'
import { Link, useLocation, useParams } from 'react-router'
import { usePortalHome } from '../../features/centres/api'
import { AreaCard } from '../../features/centres/area-card'
import { OpenStatusBadge, TodayHours } from '../../features/centres/open-status'
import { useLocalized } from '../../features/centres/use-localized'
import { AdviceSummary } from '../../features/rota/advice-summary'
import { usePublicRota } from '../../features/rota/api'
import { useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { ButtonLink } from '../../ui/button'
import { Page } from '../../ui/page'
import { Pictogram } from '../../ui/pictogram'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'

/**
 * The centre's front door on the web: it starts from what the visitor wants (the areas, named as
 * concerns), says what is open now, and never shows which institution staffs what (charter rules 2, 3).
 */
export function PortalHome() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const intl = useIntl()
  const home = usePortalHome(slug)
  const advice = usePublicRota(slug)
  const erased = Boolean((useLocation().state as { notebookErased?: boolean } | null)?.notebookErased)
  const text = useLocalized(home.data?.centre.defaultLanguage)

  if (home.isPending)
    return (
      <Page title={t('app.name')}>
        <Loading />
      </Page>
    )
  if (home.isError)
    return (
      <Page title={t('app.name')}>
        <ErrorMessage error={home.error} />
      </Page>
    )

  const { centre, status, areas, upcomingClosures } = home.data
  const name = text(centre.name)
  return (
    <Page title={t('portal.welcomeTitle')} brand={name} brandTo={`/c/${slug}`} heading={false}>
      {erased && <Alert tone="success">{t('notebook.erased')}</Alert>}
      <section className="hero" aria-labelledby="welcome">
        <h1 id="welcome">{t('portal.welcomeTitle')}</h1>
        <p>{t('portal.welcomeText')}</p>
        <div className="cluster">
          <OpenStatusBadge status={status} localDate={home.data.localDate} />
          <TodayHours status={status} />
        </div>
        {status.closedToday && text(status.closedToday.reason) && (
          <p className="muted">{t('portal.closedBecause', { reason: text(status.closedToday.reason) })}</p>
        )}
        {centre.address && <p className="muted">{centre.address}</p>}
        <p>
          <ButtonLink className="button guide-entry" to={`/c/${slug}/start`}>
            <Pictogram name="compass" />
            {t('guide.portalLink')}
          </ButtonLink>
        </p>
        <ul className="portal-links">
          <li>
            <Link to={`/c/${slug}/search`}>{t('portal.searchEverything')}</Link>
          </li>
          <li>
            <Link to={`/c/${slug}/occupations`}>{t('portal.exploreOccupations')}</Link>
          </li>
          <li>
            <Link to={`/c/${slug}/interests`}>{t('interests.portalLink')}</Link>
          </li>
          <li>
            <Link to={`/c/${slug}/resources`}>{t('resources.portalLink')}</Link>
          </li>
          <li>
            <Link to={`/c/${slug}/trainings`}>{t('portal.exploreTrainings')}</Link>
          </li>
          <li>
            <Link to={`/c/${slug}/events`}>{t('events.portalLink')}</Link>
          </li>
          <li>
            <Link to={`/c/${slug}/notebook`}>{t('notebook.portalLink')}</Link>
          </li>
          <li>
            <Link to={`/c/${slug}/advice`}>{t('rota.portalLink')}</Link>
          </li>
          <li>
            <Link to={`/c/${slug}/ask`}>{t('questions.portalLink')}</Link>
          </li>
          <li>
            <Link to={`/c/${slug}/services`}>{t('directory.portalLink')}</Link>
          </li>
          <li>
            <Link to={`/c/${slug}/partners`}>{t('partners.portalLink')}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="concerns">
        <h2 id="concerns">{t('portal.whatBringsYou')}</h2>
        {areas.length === 0 ? (
          <EmptyState title={t('portal.noAreasTitle')}>
            <p>{t('portal.noAreasText')}</p>
          </EmptyState>
        ) : (
          <ul className="grid plain-list concerns">
            {areas.map((area) => (
              <AreaCard
                key={area.id}
                area={area}
                heading={text(area.name)}
                localDate={home.data.localDate}
                meta={<TodayHours status={area.status} />}
              >
                <AdviceSummary week={advice.data} area={area.slug} className="concern__advice" />
              </AreaCard>
            ))}
          </ul>
        )}
      </section>

      {upcomingClosures.length > 0 && (
        <section aria-labelledby="closures">
          <h2 id="closures">{t('portal.upcomingClosures')}</h2>
          <ul>
            {upcomingClosures.map((closure) => {
              const area = areas.find((a) => a.id === closure.areaId)
              const range = intl.formatDateTimeRange(
                new Date(`${closure.startsOn}T12:00:00`),
                new Date(`${closure.endsOn}T12:00:00`),
                {
                  day: 'numeric',
                  month: 'long',
                },
              )
              return (
                <li key={closure.id}>
                  {area
                    ? t('portal.closureArea', { area: text(area.name), range })
                    : t('portal.closureCentre', { range })}
                  {text(closure.reason) && ` — ${text(closure.reason)}`}
                </li>
              )
            })}
          </ul>
        </section>
      )}
      <p className="muted">
        <Link to="/staff/login">{t('portal.staffLink')}</Link>
      </p>
    </Page>
  )
}
