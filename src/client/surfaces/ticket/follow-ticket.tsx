import { type ReactNode, useEffect, useRef, useState } from 'react'
import { ToggleButton } from 'react-aria-components'
import { liveCallSchema, type TrackedTicket } from '../../../shared/schemas/tickets'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useT } from '../../i18n/i18n-provider'
import { useLiveStream } from '../../lib/live'
import { Page } from '../../ui/page'
import { Pictogram } from '../../ui/pictogram'
import { TicketStatus } from './ticket-status'
import { useCallAlert } from './use-call-alert'
import './ticket.css'

/** States in which something can still happen to the ticket, so the page keeps listening. */
const FOLLOWED: readonly TrackedTicket['status'][] = ['waiting', 'called', 'in_service', 'no_show']
/** A call replayed after a blip is news only if it is this recent. */
const FRESH_CALL_MS = 2 * 60_000
/** A stream still connecting after this long is worth a word to the visitor. */
const PATIENCE_MS = 3000

type Props = { ticket: TrackedTicket; refetch: () => unknown }

export function FollowTicket({ ticket, refetch }: Props) {
  const t = useT()
  const home = usePortalHome(ticket.centre)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const { canSound, soundOn, setSound, alert } = useCallAlert()
  const [patient, setPatient] = useState(true)
  useEffect(() => {
    const timer = setTimeout(() => setPatient(false), PATIENCE_MS)
    return () => clearTimeout(timer)
  }, [])

  // The public stream says when the queue moves or a code is called; the page then asks for its own
  // ticket again. Waking from sleep, the query also refreshes on focus and every 30 s.
  const live = useLiveStream(
    FOLLOWED.includes(ticket.status) ? `/api/v1/centres/${ticket.centre}/live` : null,
    {
      queue: () => refetch(),
      call: (data) => {
        const call = liveCallSchema.safeParse(data)
        if (!call.success || call.data.code !== ticket.code) return
        refetch()
        if (call.data.recall && Date.now() - Date.parse(call.data.at) < FRESH_CALL_MS) alert()
      },
    },
  )

  const previous = useRef(ticket.status)
  useEffect(() => {
    if (ticket.status === 'called' && previous.current !== 'called') alert()
    previous.current = ticket.status
  }, [ticket.status, alert])

  const area = home.data?.areas.find((a) => a.slug === ticket.area)
  const areaName = area ? text(area.name) : ticket.area
  const centreName = home.data ? text(home.data.centre.name) : undefined
  const called = ticket.status === 'called'
  const where = ticket.desk ? t('ticket.goTo', { desk: ticket.desk }) : t('ticket.goToDesks')
  const sound = canSound && (ticket.status === 'waiting' || called) && (
    <div className="follow__sound">
      <ToggleButton className="button follow__toggle" isSelected={soundOn} onChange={setSound}>
        <span className="follow__check" aria-hidden="true" />
        {t('ticket.sound')}
      </ToggleButton>
      <p className="muted">{t('ticket.soundHint')}</p>
    </div>
  )

  return (
    <>
      {/* Stays in the page in every state, so that screen readers hear the call when it comes. */}
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {called ? t('ticket.calledAnnouncement', { code: ticket.code, where }) : ''}
      </div>
      {called ? (
        <CalledScreen code={ticket.code} areaName={areaName} where={where} centreName={centreName}>
          {sound}
        </CalledScreen>
      ) : (
        <Page title={t('ticket.title')} brand={centreName} brandTo={`/c/${ticket.centre}`} heading={false}>
          <div className="follow">
            <h1>{t('ticket.title')}</h1>
            {live !== 'open' && !patient && FOLLOWED.includes(ticket.status) && (
              <p role="status" className="follow__live">
                {t('ticket.reconnecting')}
              </p>
            )}
            <section
              className="follow__card"
              aria-label={t('ticket.yourNumber')}
              style={area ? { ['--area-colour' as string]: area.colour } : undefined}
            >
              <p className="follow__label">{t('ticket.yourNumber')}</p>
              <p className="follow__code">{ticket.code}</p>
              <p className="follow__area">
                {area && (
                  <span className="follow__icon">
                    <Pictogram name={area.pictogram} />
                  </span>
                )}
                {areaName}
              </p>
            </section>
            <div aria-live="polite" aria-atomic="true">
              <TicketStatus ticket={ticket} />
            </div>
            {sound}
          </div>
        </Page>
      )}
    </>
  )
}

type CalledProps = {
  code: string
  areaName: string
  where: string
  centreName: string | undefined
  children: ReactNode
}

/** The whole screen says it: big, high-contrast, readable from arm's length on a phone. */
function CalledScreen({ code, areaName, where, centreName, children }: CalledProps) {
  const t = useT()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = centreName ? `${t('ticket.yourTurn')} · ${centreName}` : t('ticket.yourTurn')
  }, [t, centreName])
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <main id="main" className="follow-call">
      <h1 ref={heading} tabIndex={-1}>
        {t('ticket.yourTurn')}
      </h1>
      <p className="follow-call__code">{code}</p>
      <p className="follow-call__desk">{where}</p>
      <p className="follow-call__area">{areaName}</p>
      {children}
    </main>
  )
}
