import { useProgramme } from '../../features/events/api'
import { useWhen } from '../../features/events/labels'
import { useT } from '../../i18n/i18n-provider'
import './events.css'
import { SeatsBadge } from './session-card'

/**
 * Today's sessions still to come or under way, for the waiting-room screen and the kiosk: time, title,
 * place and whether to book or just come. Read again every minute; nothing shows on a day without any.
 */
export function TodayEvents({
  slug,
  localDate,
  timeZone,
  language,
  limit,
  className,
}: {
  slug: string
  localDate: string
  timeZone: string
  language: string
  limit: number
  className: string
}) {
  const t = useT()
  const when = useWhen(timeZone)
  const list = useProgramme(slug, { from: localDate, to: localDate }, language, 60_000)
  const now = Date.now()
  const items = (list.data?.items ?? [])
    .filter((session) => !session.cancelled && Date.parse(session.endsAt) > now)
    .slice(0, limit)
  if (items.length === 0) return null
  return (
    <section className={className} aria-labelledby={`${className}-title`}>
      <h2 id={`${className}-title`} className={`${className}__title`}>
        {t('events.today')}
      </h2>
      <ul className={`plain-list ${className}__list`}>
        {items.map((session) => (
          <li key={session.sessionId} style={{ ['--area-colour' as string]: session.areas[0]?.colour }}>
            <span className={`${className}__time`}>{when.hours(session.startsAt, session.endsAt)}</span>
            <span className={`${className}__what`}>
              <strong>{session.title}</strong>
              <span>{session.place}</span>
            </span>
            <SeatsBadge session={session} timeZone={timeZone} />
          </li>
        ))}
      </ul>
    </section>
  )
}
