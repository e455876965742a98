import { useState } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { pickText } from '../../../shared/i18n/locales'
import type { BookingView } from '../../../shared/schemas/events'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { eventPath, sessionCalendarUrl, useBooking, useChangeBooking } from '../../features/events/api'
import { useWhen } from '../../features/events/labels'
import { SaveToNotebook } from '../../features/notebooks/save-to-notebook'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { QrImage } from '../../ui/qr-image'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import './events.css'

/** The code as shown: four groups of four, easy to read aloud or copy. */
const shownCode = (code: string) =>
  code
    .replace(/[\s-]+/g, '')
    .toUpperCase()
    .match(/.{1,4}/g)
    ?.join('-') ?? code

/**
 * A booking's own page, opened by its code alone: what it is for, whether the seats are confirmed or
 * how many bookings wait ahead, and the means to change the seats, cancel, or add it to a calendar.
 */
export function BookingPage() {
  const { code: typed = '' } = useParams()
  const code = shownCode(typed)
  const t = useT()
  const fresh = Boolean((useLocation().state as { fresh?: boolean } | null)?.fresh)
  const found = useBooking(code)
  const home = usePortalHome(found.data?.session.centre ?? '')
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const brand = home.data ? text(home.data.centre.name) : undefined
  const brandTo = found.data ? `/c/${found.data.session.centre}` : '/'

  if (found.isPending)
    return (
      <Page title={t('booking.title')} brand={brand} brandTo={brandTo}>
        <Loading />
      </Page>
    )
  if (found.isError) {
    const missing = found.error instanceof ApiError && found.error.status === 404
    return (
      <Page title={t('booking.title')} brand={brand} brandTo={brandTo}>
        {missing ? (
          <EmptyState title={t('booking.notFoundTitle')}>
            <p>{t('booking.notFoundText')}</p>
          </EmptyState>
        ) : (
          <ErrorMessage error={found.error} />
        )}
      </Page>
    )
  }
  return (
    <Page title={t('booking.title')} brand={brand} brandTo={brandTo}>
      {fresh && (
        <Alert tone="success">
          {found.data.status === 'waiting' ? t('booking.freshWaiting') : t('booking.freshConfirmed')}
        </Alert>
      )}
      <BookingDetails code={code} view={found.data} timeZone={home.data?.centre.timezone ?? 'Europe/Paris'} />
    </Page>
  )
}

function BookingDetails({ code, view, timeZone }: { code: string; view: BookingView; timeZone: string }) {
  const t = useT()
  const { locale } = useLocale()
  const when = useWhen(timeZone)
  const change = useChangeBooking(code)
  const [seats, setSeats] = useState(String(view.seats))
  const { session } = view
  const over = Date.parse(session.endsAt) < Date.now()
  const live = view.status !== 'cancelled' && !session.cancelled && !over
  const url = `${window.location.origin}/b/${code}`
  const title = pickText(session.title, locale)

  return (
    <div className="booking stack">
      <section className="card booking__what" aria-labelledby="booking-event">
        <h2 id="booking-event">
          <Link to={eventPath(session.centre, session.eventId)}>{title}</Link>
        </h2>
        <p>
          <time dateTime={session.startsAt}>{when.day(session.startsAt)}</time>
          {' · '}
          {when.hours(session.startsAt, session.endsAt)}
        </p>
        <p className="muted">
          {session.offSite ? t('events.offSiteAt', { place: session.place }) : session.place}
        </p>
        <Status view={view} />
        {view.checkedIn > 0 && <p>{t('booking.checkedIn', { count: view.checkedIn })}</p>}
        <SaveToNotebook centre={session.centre} item={{ kind: 'booking', ref: code }} />
      </section>

      <section className="card booking__code" aria-labelledby="booking-code">
        <h2 id="booking-code">{t('booking.codeTitle')}</h2>
        <p className="booking__code-text" translate="no">
          {code}
        </p>
        <QrImage url={url} label={t('booking.qrAlt', { code })} />
        <p className="muted">{t('booking.keepCode')}</p>
        <div className="cluster no-print">
          <Button variant="secondary" onPress={() => window.print()}>
            {t('booking.print')}
          </Button>
          {live && (
            <a className="button" data-variant="secondary" href={sessionCalendarUrl(view.sessionId, locale)}>
              {t('events.addToCalendar')}
            </a>
          )}
        </div>
      </section>

      {live && (
        <section className="card stack no-print" aria-labelledby="booking-change">
          <h2 id="booking-change">{t('booking.changeTitle')}</h2>
          {change.isError && <ErrorMessage error={change.error} />}
          {change.isSuccess && <Alert tone="success">{t('booking.changed')}</Alert>}
          <div className="cluster booking__seats">
            <SelectField
              label={t('events.seatsLabel')}
              value={seats}
              onChange={setSeats}
              options={Array.from({ length: session.maxGroup }, (_, i) => ({
                id: String(i + 1),
                label: t('events.seatCount', { count: i + 1 }),
              }))}
            />
            <Button
              variant="secondary"
              isDisabled={change.isPending || Number(seats) === view.seats}
              onPress={() => change.mutate({ seats: Number(seats) })}
            >
              {t('booking.changeSeats')}
            </Button>
          </div>
          <div>
            <Button
              variant="danger"
              isDisabled={change.isPending}
              onPress={() => {
                if (
                  window.confirm(
                    t(view.status === 'waiting' ? 'booking.confirmLeave' : 'booking.confirmCancel'),
                  )
                )
                  change.mutate('cancel')
              }}
            >
              {view.status === 'waiting' ? t('booking.leaveWaitingList') : t('booking.cancel')}
            </Button>
          </div>
          {view.hasContact && <p className="muted">{t('booking.contactKept')}</p>}
        </section>
      )}
    </div>
  )
}

function Status({ view }: { view: BookingView }) {
  const t = useT()
  if (view.session.cancelled)
    return (
      <p className="booking__status" data-status="cancelled" role="status">
        {t('booking.sessionCancelled')}
      </p>
    )
  if (view.status === 'cancelled')
    return (
      <p className="booking__status" data-status="cancelled" role="status">
        {t('booking.cancelled')}
      </p>
    )
  if (view.status === 'waiting')
    return (
      <p className="booking__status" data-status="waiting" role="status">
        {t('booking.waiting', { seats: view.seats, ahead: view.waitingAhead ?? 0 })}
      </p>
    )
  return (
    <p className="booking__status" data-status="confirmed" role="status">
      {t('booking.confirmed', { count: view.seats })}
    </p>
  )
}
