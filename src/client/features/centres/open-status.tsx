import { useIntl } from 'react-intl'
import type { OpenStatus } from '../../../shared/schemas/centres'
import { useT } from '../../i18n/i18n-provider'

/** "Open now · until 18:00" or "Closed · opens Monday 30 November at 10:00", in words, not colour alone. */
export function OpenStatusBadge({ status, localDate }: { status: OpenStatus; localDate: string }) {
  const t = useT()
  const intl = useIntl()
  const until = status.openUntil
  if (status.isOpen) {
    return (
      <span className="badge" data-tone="open">
        {until ? t('portal.openUntil', { time: until }) : t('portal.openNow')}
      </span>
    )
  }
  const next = status.nextOpening
  const when = !next
    ? null
    : next.date === localDate
      ? t('portal.today')
      : next.date === nextDay(localDate)
        ? t('portal.tomorrow')
        : intl.formatDate(new Date(`${next.date}T12:00:00`), {
            weekday: 'long',
            day: 'numeric',
            month: 'long',
          })
  return (
    <span className="badge" data-tone="closed">
      {next && when ? t('portal.closedOpensAt', { day: when, time: next.time }) : t('portal.closed')}
    </span>
  )
}

export function TodayHours({ status }: { status: OpenStatus }) {
  const t = useT()
  if (status.today.length === 0) return <span>{t('portal.todayClosed')}</span>
  const spans = status.today.map((s) => t('portal.span', { opens: s.opensAt, closes: s.closesAt })).join(', ')
  return <span>{t('portal.todayHours', { spans })}</span>
}

/** The calendar day after an ISO date, without time-zone arithmetic. */
function nextDay(date: string) {
  const day = new Date(`${date}T12:00:00Z`)
  day.setUTCDate(day.getUTCDate() + 1)
  return day.toISOString().slice(0, 10)
}
