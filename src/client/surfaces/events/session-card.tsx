import { Link } from 'react-router'
import type { ProgrammeSession } from '../../../shared/schemas/events'
import { eventPath } from '../../features/events/api'
import { useEventLabels, useWhen } from '../../features/events/labels'
import { useT } from '../../i18n/i18n-provider'

/** What a visitor may do for a session, said in a few words: seats left, waiting list, free entry. */
export function SeatsBadge({ session, timeZone }: { session: ProgrammeSession; timeZone: string }) {
  const t = useT()
  const when = useWhen(timeZone)
  if (session.cancelled) return <span className="seats seats--cancelled">{t('events.cancelled')}</span>
  if (!session.booking) return <span className="seats seats--free">{t('events.freeEntry')}</span>
  if (session.bookingOpensAt)
    return (
      <span className="seats seats--later">
        {t('events.opensOn', {
          date: `${when.shortDay(session.bookingOpensAt)} ${when.time(session.bookingOpensAt)}`,
        })}
      </span>
    )
  if (!session.bookingOpen) return <span className="seats seats--closed">{t('events.bookingClosed')}</span>
  if (session.seatsLeft !== null && session.seatsLeft > 0)
    return <span className="seats seats--open">{t('events.seatsLeft', { count: session.seatsLeft })}</span>
  if (session.prioritySeatsLeft)
    return (
      <span className="seats seats--priority">
        {t('events.priorityOnly', { count: session.prioritySeatsLeft })}
      </span>
    )
  return <span className="seats seats--full">{t('events.full')}</span>
}

/** One session in the programme: when, what, where, who runs it, and whether seats are left. */
export function SessionCard({
  slug,
  session,
  timeZone,
  showDay = false,
}: {
  slug: string
  session: ProgrammeSession
  timeZone: string
  showDay?: boolean
}) {
  const t = useT()
  const labels = useEventLabels()
  const when = useWhen(timeZone)
  const colour = session.areas[0]?.colour
  return (
    <li
      className={`card session-card${session.cancelled ? ' session-card--cancelled' : ''}`}
      style={colour ? { ['--area-colour' as string]: colour } : undefined}
    >
      <p className="session-card__time">
        {showDay && <span>{when.shortDay(session.startsAt)} · </span>}
        <time dateTime={session.startsAt}>{when.hours(session.startsAt, session.endsAt)}</time>
      </p>
      <div className="session-card__body">
        <p className="session-card__type">{labels.type(session.type)}</p>
        <h3 className="session-card__title">
          <Link to={eventPath(slug, session.eventId)}>{session.title}</Link>
        </h3>
        <p className="muted">
          {session.offSite ? t('events.offSiteAt', { place: session.place }) : session.place}
          {' · '}
          {t('events.spokenIn', { language: labels.languageInSentence(session.language) })}
        </p>
        {session.organisers.length > 0 && (
          <p className="muted">{t('events.organisedBy', { organisers: session.organisers.join(', ') })}</p>
        )}
      </div>
      <SeatsBadge session={session} timeZone={timeZone} />
    </li>
  )
}
