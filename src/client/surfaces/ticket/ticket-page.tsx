import { Link, useParams } from 'react-router'
import { useTrackedTicket } from '../../features/walk-in/api'
import { useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { Page } from '../../ui/page'
import { ErrorMessage, Loading } from '../../ui/states'
import { FollowTicket } from './follow-ticket'

/**
 * "Follow my ticket", opened from the QR code on the ticket. The token in the link is the only key: no
 * account, no name, and the page shows nothing about anyone else in the queue.
 */
export function TicketPage() {
  const { token = '' } = useParams()
  const t = useT()
  const tracked = useTrackedTicket(token)

  // Data already shown stays shown through a failed refresh (a phone losing its network for a while).
  if (tracked.data) return <FollowTicket ticket={tracked.data} refetch={tracked.refetch} />
  if (tracked.isError) {
    const status = tracked.error instanceof ApiError ? tracked.error.status : 0
    // 400 is a link cut short: for the visitor, it is the same as an unknown ticket.
    if (status === 404 || status === 400)
      return (
        <Page title={t('ticket.notFoundTitle')}>
          <p>{t('ticket.notFoundText')}</p>
          <p>
            <Link to="/">{t('ui.backHome')}</Link>
          </p>
        </Page>
      )
    return (
      <Page title={t('ticket.title')}>
        <ErrorMessage error={tracked.error} />
      </Page>
    )
  }
  return (
    <Page title={t('ticket.title')}>
      <Loading />
    </Page>
  )
}
