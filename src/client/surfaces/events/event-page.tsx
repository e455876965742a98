import { useState } from 'react'
import { Link, useParams } from 'react-router'
import type { PortalHome } from '../../../shared/schemas/centres'
import type { ProgrammeEvent, ProgrammeSession } from '../../../shared/schemas/events'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { sessionCalendarUrl, useProgrammeEvent } from '../../features/events/api'
import { useEventLabels, useWhen } from '../../features/events/labels'
import { SaveToNotebook } from '../../features/notebooks/save-to-notebook'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { BookingForm } from './booking-form'
import './events.css'
import { SeatsBadge } from './session-card'

/**
 * The event as schema.org `Event`s, one per session, for search engines and calendar tools: free, in
 * person, with its organisers named as they are on the page (partners alphabetically, none put first).
 */
function structuredData(found: ProgrammeEvent, home: PortalHome, centreName: string) {
  const url = window.location.href.split('?')[0]
  return found.sessions.map((session) => ({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: found.title,
    ...(found.description ? { description: found.description } : {}),
    startDate: session.startsAt,
    endDate: session.endsAt,
    eventStatus: session.cancelled
      ? 'https://schema.org/EventCancelled'
      : 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    inLanguage: session.language,
    isAccessibleForFree: true,
    url,
    location: {
      '@type': 'Place',
      name: session.offSite ? session.place : `${centreName} – ${session.place}`,
      address: session.offSite ? session.place : home.centre.address || centreName,
    },
    organizer: session.organisers.map((name) => ({ '@type': 'Organization', name })),
    ...(session.booking
      ? {
          offers: {
            '@type': 'Offer',
            price: 0,
            priceCurrency: 'EUR',
            url,
            availability:
              (session.seatsLeft ?? 0) > 0 ? 'https://schema.org/InStock' : 'https://schema.org/SoldOut',
          },
        }
      : {}),
  }))
}

/** JSON for a `<script>`: no `</script>` or `<!--` can close it early. */
const safeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

/** One event for anyone: what, for whom, where, who runs it, each session with seats left and a booking. */
export function EventPage() {
  const { centre: slug = '', id = '' } = useParams()
  const t = useT()
  const { locale } = useLocale()
  const labels = useEventLabels()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const found = useProgrammeEvent(slug, id, locale)
  const brand = home.data ? text(home.data.centre.name) : undefined
  const back = (
    <p className="breadcrumb">
      <Link to={`/c/${slug}/events`}>{t('events.backToProgramme')}</Link>
    </p>
  )
  if (found.isPending || home.isPending)
    return (
      <Page title={t('events.title')} brand={brand} brandTo={`/c/${slug}`}>
        <Loading />
      </Page>
    )
  if (found.isError || home.isError) {
    const error = found.error ?? home.error
    const missing = error instanceof ApiError && error.status === 404
    return (
      <Page
        title={missing ? t('events.notFoundTitle') : t('events.title')}
        brand={brand}
        brandTo={`/c/${slug}`}
      >
        {back}
        {missing ? (
          <EmptyState title={t('events.notFoundTitle')}>
            <p>{t('events.notFoundText')}</p>
          </EmptyState>
        ) : (
          <ErrorMessage error={error} />
        )}
      </Page>
    )
  }
  const item = found.data
  const first = item.sessions[0]
  const timeZone = home.data.centre.timezone
  return (
    <Page title={item.title} brand={brand} brandTo={`/c/${slug}`} heading={false}>
      <script
        type="application/ld+json"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: data, not markup, escaped by safeJson
        dangerouslySetInnerHTML={{ __html: safeJson(structuredData(item, home.data, brand ?? '')) }}
      />
      {back}
      <article className="event">
        <p className="event__kind">{labels.type(item.type)}</p>
        <h1 lang={item.textLanguage}>{item.title}</h1>
        <SaveToNotebook centre={slug} item={{ kind: 'event', ref: item.id }} />
        {item.cancelled && (
          <p className="alert" data-tone="error">
            {t('events.eventCancelled')}
          </p>
        )}
        {item.description && (
          <div className="event__description" lang={item.textLanguage}>
            {item.description.split(/\n{2,}/).map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        )}
        {first && (
          <dl className="event__facts">
            <div>
              <dt>{t('events.place')}</dt>
              <dd>{first.offSite ? t('events.offSiteAt', { place: first.place }) : first.place}</dd>
            </div>
            <div>
              <dt>{t('events.language')}</dt>
              <dd>{labels.language(first.language)}</dd>
            </div>
            {first.audiences.length > 0 && (
              <div>
                <dt>{t('events.audiences')}</dt>
                <dd>{first.audiences.map(labels.audience).join(', ')}</dd>
              </div>
            )}
            {first.accessibility.length > 0 && (
              <div>
                <dt>{t('events.accessibility')}</dt>
                <dd>{first.accessibility.map(labels.access).join(', ')}</dd>
              </div>
            )}
            {first.organisers.length > 0 && (
              <div>
                <dt>{t('events.organisers')}</dt>
                <dd>{first.organisers.join(', ')}</dd>
              </div>
            )}
            {first.areas.length > 0 && (
              <div>
                <dt>{t('events.areas')}</dt>
                <dd>{first.areas.map((area) => text(area.name)).join(', ')}</dd>
              </div>
            )}
          </dl>
        )}
        <section aria-labelledby="sessions-title">
          <h2 id="sessions-title">{t('events.sessions', { count: item.sessions.length })}</h2>
          {item.sessions.length === 0 ? (
            <p className="muted">{t('events.noSessionsLeft')}</p>
          ) : (
            <ul className="plain-list stack">
              {item.sessions.map((session) => (
                <SessionRow key={session.sessionId} slug={slug} session={session} timeZone={timeZone} />
              ))}
            </ul>
          )}
        </section>
      </article>
    </Page>
  )
}

/** A session of the event: when, seats left, a calendar file, and the booking form on demand. */
function SessionRow({
  slug,
  session,
  timeZone,
}: {
  slug: string
  session: ProgrammeSession
  timeZone: string
}) {
  const t = useT()
  const { locale } = useLocale()
  const when = useWhen(timeZone)
  const [open, setOpen] = useState(false)
  const bookable = session.booking && session.bookingOpen && !session.cancelled
  return (
    <li className="card event-session">
      <div className="event-session__head">
        <p className="event-session__when">
          <time dateTime={session.startsAt}>{when.day(session.startsAt)}</time>
          <span> · {when.hours(session.startsAt, session.endsAt)}</span>
        </p>
        <SeatsBadge session={session} timeZone={timeZone} />
      </div>
      <div className="cluster">
        {bookable && !open && (
          <Button onPress={() => setOpen(true)}>
            {(session.seatsLeft ?? 0) > 0 && !session.waitingList
              ? t('events.bookSeats')
              : t('events.joinWaitingList')}
          </Button>
        )}
        {!session.cancelled && (
          <a className="button" data-variant="secondary" href={sessionCalendarUrl(session.sessionId, locale)}>
            {t('events.addToCalendar')}
          </a>
        )}
      </div>
      {bookable && open && <BookingForm slug={slug} session={session} />}
    </li>
  )
}
