import { useIntl } from 'react-intl'
import type { Pictogram as PictogramName } from '../../../shared/constants'
import type { IssuedTicket } from '../../../shared/schemas/tickets'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { Pictogram } from '../../ui/pictogram'
import { QrImage } from '../../ui/qr-image'
import { KioskHeading, StepCount } from './kiosk-heading'

type Props = {
  ticket: IssuedTicket
  priority: boolean
  issuedAt: Date
  centreName: string
  timezone: string
  area: { name: string; lang: string | undefined; colour: string; pictogram: PictogramName } | null
  step: number
  total: number
  focus: boolean
  secondsLeft: number | null
  onDone: () => void
}

/**
 * The ticket on screen and, through the print stylesheet, on an 80 mm receipt: code, area, time,
 * estimate and the QR code of the follow link. The link's token is the only key to the ticket; it is
 * shown here once and never stored by the kiosk.
 */
export function TicketStep(props: Props) {
  const { ticket, priority, issuedAt, centreName, timezone, area, secondsLeft, onDone } = props
  const t = useT()
  const intl = useIntl()
  const time = intl.formatTime(issuedAt, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: timezone,
  })
  const wait = t('kiosk.wait', {
    min: ticket.estimatedWait.minMinutes,
    max: ticket.estimatedWait.maxMinutes,
  })
  const followUrl = `${window.location.origin}/t/${ticket.trackToken}`
  return (
    <div className="kiosk-step kiosk-ticket">
      <StepCount step={props.step} total={props.total} />
      <KioskHeading focus={props.focus}>{t('kiosk.ticketTitle')}</KioskHeading>
      <div className="receipt" style={area ? { ['--area-colour' as string]: area.colour } : undefined}>
        <div className="receipt__main">
          <p className="receipt__centre">{centreName}</p>
          <p className="receipt__label">{t('kiosk.yourNumber')}</p>
          <p className="receipt__code">{ticket.code}</p>
          {area && (
            <p className="receipt__area">
              <span className="kiosk-area__icon receipt__icon">
                <Pictogram name={area.pictogram} />
              </span>
              <span lang={area.lang}>{area.name}</span>
            </p>
          )}
          <p className="receipt__line">{t('kiosk.takenAt', { time })}</p>
          <p className="receipt__line">{t('kiosk.expectedWait', { wait })}</p>
          <p className="receipt__line receipt__screen-only">
            {t('kiosk.ahead', { ahead: Math.max(0, ticket.position - 1) })}
          </p>
          {priority && (
            <p className="receipt__screen-only">
              <span className="badge" data-tone="open">
                {t('kiosk.priorityNoted')}
              </span>
            </p>
          )}
        </div>
        <figure className="receipt__qr">
          <QrImage url={followUrl} label={t('kiosk.qrAlt', { code: ticket.code })} />
          <figcaption>{t('kiosk.scanToFollow')}</figcaption>
        </figure>
        <p className="receipt__print-only receipt__note">{t('app.footer')}</p>
      </div>
      <p className="kiosk__lead kiosk-ticket__hint">{t('kiosk.watchScreen')}</p>
      <div className="kiosk-ticket__actions">
        <Button className="button kiosk-wide" onPress={() => window.print()}>
          {t('kiosk.print')}
        </Button>
        <Button variant="secondary" className="button kiosk-wide" onPress={onDone}>
          {t('kiosk.done')}
        </Button>
      </div>
      {secondsLeft !== null && (
        <p className="kiosk__note kiosk-ticket__countdown">{t('kiosk.resetIn', { seconds: secondsLeft })}</p>
      )}
    </div>
  )
}
