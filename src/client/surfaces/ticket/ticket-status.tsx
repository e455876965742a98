import type { TrackedTicket } from '../../../shared/schemas/tickets'
import { useT } from '../../i18n/i18n-provider'

/** Where the ticket stands, in honest words: the queue, the interview, or why it is over. */
export function TicketStatus({ ticket }: { ticket: TrackedTicket }) {
  const t = useT()
  switch (ticket.status) {
    case 'waiting':
      return (
        <div className="follow__status">
          {ticket.position !== null && (
            <p className="follow__position">
              {t('ticket.ahead', { ahead: Math.max(0, ticket.position - 1) })}
            </p>
          )}
          {ticket.estimatedWait && (
            <p className="follow__wait">
              {t('ticket.expectedWait', {
                wait: t('ticket.wait', {
                  min: ticket.estimatedWait.minMinutes,
                  max: ticket.estimatedWait.maxMinutes,
                }),
              })}
            </p>
          )}
          <p className="muted">{t('ticket.keepOpen')}</p>
        </div>
      )
    case 'called':
    case 'in_service':
      return (
        <div className="follow__status">
          <h2>{t('ticket.inServiceTitle')}</h2>
          {ticket.desk && <p>{t('ticket.where', { desk: ticket.desk })}</p>}
        </div>
      )
    case 'done':
      return <Ended title={t('ticket.doneTitle')} text={t('ticket.doneText')} />
    case 'no_show':
      return <Ended title={t('ticket.noShowTitle')} text={t('ticket.noShowText')} />
    case 'cancelled':
      return <Ended title={t('ticket.cancelledTitle')} text={t('ticket.cancelledText')} />
    case 'closed':
      return <Ended title={t('ticket.closedTitle')} text={t('ticket.closedText')} />
  }
}

function Ended({ title, text }: { title: string; text: string }) {
  return (
    <div className="follow__status" data-ended="">
      <h2>{title}</h2>
      <p>{text}</p>
    </div>
  )
}
