import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import type { PortalHome } from '../../../shared/schemas/centres'
import type { GuideSituation, GuideUnderstanding } from '../../../shared/schemas/guide'
import { AreaCard } from '../../features/centres/area-card'
import { TodayHours } from '../../features/centres/open-status'
import { useLocalized } from '../../features/centres/use-localized'
import { useProgramme } from '../../features/events/api'
import { useWhen } from '../../features/events/labels'
import { useResources } from '../../features/resources/api'
import { hitPath, hitTypeLabel } from '../../features/search/hit'
import { useLocale, useT } from '../../i18n/i18n-provider'

/** How many resources and sessions a lead shows: a few to start with, the rest a link away. */
const FEW = 3
/** Situations where looking at occupations is a good first step. */
const exploring: GuideSituation[] = ['trade', 'change', 'unsure', 'newcomer']

/**
 * Where to start, for a situation or a sentence: the areas to go to (each with today's hours and how to
 * get a ticket), what the search found or a few of the area's resources, the next sessions in those
 * areas, and the next steps anyone can take alone (explore occupations, ask online, keep a notebook).
 */
export function GuideLeads({
  slug,
  home,
  areas,
  situation,
  understanding,
}: {
  slug: string
  home: PortalHome
  areas: string[]
  situation?: GuideSituation
  understanding?: GuideUnderstanding
}) {
  const t = useT()
  const intl = useIntl()
  const text = useLocalized(home.centre.defaultLanguage)
  const suggested = areas.flatMap((area) => home.areas.filter((a) => a.slug === area))
  const shown = suggested.length > 0 ? suggested : home.areas
  const phrases = understanding?.areas.flatMap((area) => area.phrases) ?? []

  return (
    <div className="guide-leads stack">
      <section aria-labelledby="guide-areas-title">
        <h2 id="guide-areas-title">{t('guide.areasTitle')}</h2>
        {phrases.length > 0 && (
          <p className="guide-recognised">
            {t('guide.matchedPhrases', { phrases: intl.formatList(phrases) })}
          </p>
        )}
        {understanding?.areas[0]?.via === 'search' && (
          <p className="guide-recognised">{t('guide.fromSearch')}</p>
        )}
        {suggested.length === 0 && <p>{t('guide.noArea')}</p>}
        <ul className="grid plain-list concerns">
          {shown.map((area) => (
            <AreaCard
              key={area.id}
              area={area}
              heading={text(area.name)}
              localDate={home.localDate}
              meta={<TodayHours status={area.status} />}
            >
              <p className="guide-ticket">{t('guide.takeTicketAtKiosk', { area: text(area.name) })}</p>
            </AreaCard>
          ))}
        </ul>
      </section>

      {understanding ? (
        <FoundResults slug={slug} understanding={understanding} />
      ) : (
        suggested[0] && <AreaResources slug={slug} area={suggested[0].slug} />
      )}

      <UpcomingSessions slug={slug} areas={shown.map((area) => area.slug)} timeZone={home.centre.timezone} />

      <section aria-labelledby="guide-next-title">
        <h2 id="guide-next-title">{t('guide.nextTitle')}</h2>
        <ul className="portal-links">
          {(!situation || exploring.includes(situation)) && (
            <li>
              <Link to={`/c/${slug}/interests`}>{t('guide.exploreInterests')}</Link>
            </li>
          )}
          <li>
            <Link to={`/c/${slug}/occupations`}>{t('guide.searchOccupations')}</Link>
          </li>
          <li>
            <Link to={`/c/${slug}/ask`}>{t('guide.askOnline')}</Link>
          </li>
          <li>
            <Link to={`/c/${slug}/notebook`}>{t('guide.keepInNotebook')}</Link>
          </li>
        </ul>
      </section>
    </div>
  )
}

/** What the search engine found for the sentence's meaningful words, or a plain "nothing". */
function FoundResults({ slug, understanding }: { slug: string; understanding: GuideUnderstanding }) {
  const t = useT()
  return (
    <section aria-labelledby="guide-found-title">
      <h2 id="guide-found-title">{t('guide.resultsTitle')}</h2>
      {understanding.words.length > 0 && (
        <p className="muted">{t('guide.wordsLookedFor', { words: understanding.words.join(', ') })}</p>
      )}
      {understanding.results.length === 0 ? (
        <p>{t('guide.nothingFound')}</p>
      ) : (
        <ul className="plain-list guide-found">
          {understanding.results.map((hit) => (
            <li key={`${hit.type}:${hit.id}`}>
              <span className="guide-found__type">{hitTypeLabel(t, hit)}</span>
              <Link to={hitPath(slug, hit)} lang={hit.language}>
                {hit.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** A few of the area's resources, easy-read ones first for a visitor reading in easy-read mode. */
function AreaResources({ slug, area }: { slug: string; area: string }) {
  const t = useT()
  const { locale, easyRead } = useLocale()
  const list = useResources(slug, easyRead ? { area, easyRead: 'true' } : { area }, locale)
  const fallback = useResources(slug, { area }, locale, easyRead && list.isSuccess)
  const items = (list.data?.pages[0]?.items.length ? list.data : fallback.data)?.pages[0]?.items ?? []
  if (items.length === 0) return null
  return (
    <section aria-labelledby="guide-read-title">
      <h2 id="guide-read-title">{t('guide.readTitle')}</h2>
      <ul className="plain-list guide-found">
        {items.slice(0, FEW).map((resource) => (
          <li key={resource.id}>
            <span className="guide-found__type">{t(`resources.type.${resource.type}`)}</span>
            <Link to={`/c/${slug}/resources/${resource.id}`}>{resource.title}</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/c/${slug}/resources?area=${encodeURIComponent(area)}`}>{t('guide.moreResources')}</Link>
      </p>
    </section>
  )
}

/** The next sessions in the areas proposed (any of them), with their day and time. */
function UpcomingSessions({ slug, areas, timeZone }: { slug: string; areas: string[]; timeZone: string }) {
  const t = useT()
  const { locale } = useLocale()
  const when = useWhen(timeZone)
  const programme = useProgramme(slug, {}, locale)
  const now = Date.now()
  const sessions = (programme.data?.items ?? [])
    .filter(
      (session) =>
        !session.cancelled &&
        Date.parse(session.endsAt) > now &&
        session.areas.some((area) => areas.includes(area.slug)),
    )
    .slice(0, FEW)
  if (sessions.length === 0) return null
  return (
    <section aria-labelledby="guide-events-title">
      <h2 id="guide-events-title">{t('guide.eventsTitle')}</h2>
      <ul className="plain-list guide-found">
        {sessions.map((session) => (
          <li key={session.sessionId}>
            <span className="guide-found__type">
              {when.day(session.startsAt)}, {when.hours(session.startsAt, session.endsAt)}
            </span>
            <Link to={`/c/${slug}/events/${session.eventId}`}>{session.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
