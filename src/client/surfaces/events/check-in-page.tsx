import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { useParams, useSearchParams } from 'react-router'
import type { BookingView } from '../../../shared/schemas/events'
import { usePortalHome } from '../../features/centres/api'
import { useCheckIn, useDropIns, useProgramme, useStaffEvent } from '../../features/events/api'
import { useWhen } from '../../features/events/labels'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { StaffPage } from '../staff/staff-shell'
import './events.css'

/**
 * What was typed or scanned, as a code: a scanner reading the QR code types the booking page's address,
 * so the code is what follows `/b/`.
 */
export function codeFrom(input: string) {
  const scanned = /\/b\/([0-9A-Za-z-]+)/.exec(input)
  return (scanned?.[1] ?? input).trim()
}

/**
 * At the door of a session: bookings checked in by code (typed, or read by a scanner from the QR
 * code), people without a booking counted, and the totals. Only counts are kept.
 */
export function CheckInPage() {
  const t = useT()
  const { locale } = useLocale()
  const { centre: slug = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const home = usePortalHome(slug)
  const today = home.data?.localDate
  const list = useProgramme(slug, today ? { from: today, to: today } : {}, locale, 60_000)
  const timeZone = home.data?.centre.timezone ?? 'Europe/Paris'
  const when = useWhen(timeZone)
  const sessions = (list.data?.items ?? []).filter((session) => !session.cancelled)
  const chosen = sessions.find((s) => s.sessionId === params.get('session')) ?? sessions[0]

  return (
    <StaffPage
      title={t('surface.checkIn')}
      roles={['reception', 'counsellor', 'partner_coordinator', 'manager']}
    >
      {() =>
        list.isPending || home.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorMessage error={list.error} />
        ) : !chosen ? (
          <EmptyState title={t('checkIn.noneTitle')}>
            <p>{t('checkIn.noneText')}</p>
          </EmptyState>
        ) : (
          <div className="stack">
            <SelectField
              label={t('checkIn.session')}
              value={chosen.sessionId}
              onChange={(session) => setParams({ session }, { replace: true })}
              options={sessions.map((session) => ({
                id: session.sessionId,
                label: `${when.hours(session.startsAt, session.endsAt)} · ${session.title}`,
              }))}
            />
            <SessionDoor
              key={chosen.sessionId}
              slug={slug}
              sessionId={chosen.sessionId}
              eventId={chosen.eventId}
              booking={chosen.booking}
            />
          </div>
        )
      }
    </StaffPage>
  )
}

function SessionDoor({
  slug,
  sessionId,
  eventId,
  booking,
}: {
  slug: string
  sessionId: string
  eventId: string
  booking: boolean
}) {
  const t = useT()
  const details = useStaffEvent(slug, eventId, 15_000)
  const counts = details.data?.sessions.find((s) => s.id === sessionId)
  const checkIn = useCheckIn(slug, sessionId)
  const dropIns = useDropIns(slug, sessionId)
  const [typed, setTyped] = useState('')
  const [last, setLast] = useState<{ code: string; view: BookingView } | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const code = codeFrom(typed)
    if (!code) return
    checkIn.mutate(
      { code },
      {
        onSuccess: (view) => {
          setLast({ code, view })
          setTyped('')
        },
      },
    )
  }

  return (
    <div className="check-in">
      {booking && (
        <section className="card stack" aria-labelledby="by-code">
          <h2 id="by-code">{t('checkIn.byCode')}</h2>
          <Form onSubmit={submit} className="check-in__form">
            <TextField
              label={t('checkIn.code')}
              hint={t('checkIn.codeHint')}
              value={typed}
              onChange={setTyped}
              maxLength={200}
              autoComplete="off"
            />
            <Button type="submit" isDisabled={checkIn.isPending || !typed.trim()}>
              {t('checkIn.submit')}
            </Button>
          </Form>
          {checkIn.isError && <ErrorMessage error={checkIn.error} />}
          {last && !checkIn.isError && (
            <Alert tone="success">
              {t('checkIn.done', { count: last.view.checkedIn, seats: last.view.seats })}
              {last.view.seats > 1 && (
                <span className="cluster check-in__fewer">
                  {t('checkIn.fewer')}
                  {Array.from({ length: last.view.seats }, (_, i) => i + 1)
                    .filter((n) => n !== last.view.checkedIn)
                    .map((n) => (
                      <Button
                        key={n}
                        variant="secondary"
                        onPress={() =>
                          checkIn.mutate(
                            { code: last.code, seats: n },
                            { onSuccess: (view) => setLast({ ...last, view }) },
                          )
                        }
                      >
                        {t('checkIn.seatsCame', { count: n })}
                      </Button>
                    ))}
                </span>
              )}
            </Alert>
          )}
        </section>
      )}
      <section className="card stack" aria-labelledby="drop-ins">
        <h2 id="drop-ins">{booking ? t('checkIn.withoutBooking') : t('checkIn.headCount')}</h2>
        <div className="cluster check-in__counter">
          <Button
            variant="secondary"
            isDisabled={dropIns.isPending || !counts?.dropIns}
            onPress={() => dropIns.mutate(-1)}
          >
            {t('checkIn.minusOne')}
          </Button>
          <output className="check-in__count" aria-live="polite">
            {counts?.dropIns ?? 0}
          </output>
          <Button isDisabled={dropIns.isPending} onPress={() => dropIns.mutate(1)}>
            {t('checkIn.plusOne')}
          </Button>
        </div>
        {dropIns.isError && <ErrorMessage error={dropIns.error} />}
      </section>
      {counts && (
        <dl className="card check-in__totals">
          {booking && (
            <>
              <div>
                <dt>{t('checkIn.booked')}</dt>
                <dd>{counts.bookedSeats}</dd>
              </div>
              <div>
                <dt>{t('checkIn.checkedIn')}</dt>
                <dd>{counts.checkedIn}</dd>
              </div>
            </>
          )}
          <div>
            <dt>{t('checkIn.present')}</dt>
            <dd>{counts.checkedIn + counts.dropIns}</dd>
          </div>
          {counts.capacity !== null && (
            <div>
              <dt>{t('checkIn.capacity')}</dt>
              <dd>{counts.capacity}</dd>
            </div>
          )}
        </dl>
      )}
    </div>
  )
}
