import { addDays, addMonths, endOfMonth, format, parseISO, startOfMonth, startOfWeek } from 'date-fns'
import { Link, useParams, useSearchParams } from 'react-router'
import type { ProgrammeSession } from '../../../shared/schemas/events'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { eventPath, feedUrl, useProgramme } from '../../features/events/api'
import { dayKey, useWhen } from '../../features/events/labels'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Page } from '../../ui/page'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import './events.css'
import { ProgrammeFilters, useProgrammeQuery } from './programme-filters'
import { SessionCard } from './session-card'

const day = (date: Date) => format(date, 'yyyy-MM-dd')

/** Sessions grouped by the centre's day, in order. */
export function byDay(items: ProgrammeSession[], timeZone: string) {
  const days = new Map<string, ProgrammeSession[]>()
  for (const item of items) {
    const key = dayKey(item.startsAt, timeZone)
    days.set(key, [...(days.get(key) ?? []), item])
  }
  return days
}

/**
 * The centre's events: a list by day (from today, eight weeks) or a month calendar, filtered by area,
 * type, audience and language, with a calendar feed to subscribe to and a printable week.
 */
export function ProgrammePage() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const { locale } = useLocale()
  const [params] = useSearchParams()
  const [query, change] = useProgrammeQuery()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const month = params.get('view') === 'month'
  const today = home.data?.localDate ?? day(new Date())
  const shown = parseISO(`${(params.get('month') ?? today.slice(0, 7)).slice(0, 7)}-01`)
  const filters = month
    ? { ...query, from: day(startOfMonth(shown)), to: day(endOfMonth(shown)) }
    : { ...query, from: query.from ?? today }
  const list = useProgramme(slug, filters, locale)
  const brand = home.data ? text(home.data.centre.name) : undefined
  const timeZone = home.data?.centre.timezone ?? 'Europe/Paris'

  return (
    <Page title={t('events.title')} brand={brand} brandTo={`/c/${slug}`}>
      <p className="lead">{t('events.intro')}</p>
      {home.data && <ProgrammeFilters home={home.data} text={text} />}
      <div className="programme-bar">
        <nav aria-label={t('events.views')} className="segmented">
          <Link to={`?${withView(params, null)}`} aria-current={month ? undefined : 'page'}>
            {t('events.viewList')}
          </Link>
          <Link to={`?${withView(params, 'month')}`} aria-current={month ? 'page' : undefined}>
            {t('events.viewMonth')}
          </Link>
        </nav>
        {!month && (
          <label className="programme-from">
            <span>{t('events.fromDay')}</span>
            <input
              type="date"
              value={query.from ?? today}
              min={today}
              onChange={(event) => change({ from: event.target.value || undefined })}
            />
          </label>
        )}
        <span className="programme-bar__links">
          <a href={feedUrl(slug, locale, query.area)}>{t('events.subscribe')}</a>
          <Link to={`/c/${slug}/events/week${query.area ? `?area=${query.area}` : ''}`}>
            {t('events.printWeek')}
          </Link>
        </span>
      </div>
      {list.isPending || home.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : month ? (
        <MonthCalendar
          slug={slug}
          month={shown}
          today={today}
          items={list.data.items}
          timeZone={timeZone}
          params={params}
        />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('events.emptyTitle')}>
          <p>{t('events.emptyText')}</p>
        </EmptyState>
      ) : (
        <DayList slug={slug} items={list.data.items} timeZone={timeZone} />
      )}
    </Page>
  )
}

function withView(params: URLSearchParams, view: 'month' | null, month?: string) {
  const next = new URLSearchParams(params)
  if (view) next.set('view', view)
  else next.delete('view')
  if (month) next.set('month', month)
  if (!view) next.delete('month')
  return next.toString()
}

/** Sessions under one heading per day. */
export function DayList({
  slug,
  items,
  timeZone,
}: {
  slug: string
  items: ProgrammeSession[]
  timeZone: string
}) {
  const when = useWhen(timeZone)
  return (
    <div className="programme-days">
      {[...byDay(items, timeZone)].map(([key, sessions]) => (
        <section key={key} aria-labelledby={`day-${key}`}>
          <h2 id={`day-${key}`} className="programme-day">
            {when.date(key)}
          </h2>
          <ul className="plain-list stack">
            {sessions.map((session) => (
              <SessionCard key={session.sessionId} slug={slug} session={session} timeZone={timeZone} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

/** A month as a table of weeks, Monday first; each day lists its sessions' times and titles. */
function MonthCalendar({
  slug,
  month,
  today,
  items,
  timeZone,
  params,
}: {
  slug: string
  month: Date
  today: string
  items: ProgrammeSession[]
  timeZone: string
  params: URLSearchParams
}) {
  const t = useT()
  const when = useWhen(timeZone)
  const days = byDay(items, timeZone)
  const first = startOfWeek(startOfMonth(month), { weekStartsOn: 1 })
  const weeks = Array.from({ length: 6 }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => addDays(first, w * 7 + d)),
  ).filter((week) => week.some((date) => date.getMonth() === month.getMonth()))
  const title = when.date(day(month), { month: 'long', year: 'numeric' })
  return (
    <section aria-labelledby="month-title" className="month">
      <div className="month__nav">
        <Link to={`?${withView(params, 'month', format(addMonths(month, -1), 'yyyy-MM'))}`}>
          <span aria-hidden="true">‹ </span>
          {t('events.previousMonth')}
        </Link>
        <h2 id="month-title" aria-live="polite">
          {title}
        </h2>
        <Link to={`?${withView(params, 'month', format(addMonths(month, 1), 'yyyy-MM'))}`}>
          {t('events.nextMonth')}
          <span aria-hidden="true"> ›</span>
        </Link>
      </div>
      <div className="month__scroll">
        <table className="month__grid">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {weeks[0]?.map((date) => (
                <th key={day(date)} scope="col" abbr={when.date(day(date), { weekday: 'long' })}>
                  {when.date(day(date), { weekday: 'short' })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={day(week[0] ?? month)}>
                {week.map((date) => {
                  const key = day(date)
                  const sessions = days.get(key) ?? []
                  const outside = date.getMonth() !== month.getMonth()
                  return (
                    <td
                      key={key}
                      className={`${outside ? 'month__outside' : ''}${key === today ? ' month__today' : ''}`}
                      aria-current={key === today ? 'date' : undefined}
                    >
                      <span className="month__day">
                        <span className="visually-hidden">{when.date(key)}</span>
                        <span aria-hidden="true">{date.getDate()}</span>
                      </span>
                      {!outside && sessions.length > 0 && (
                        <ul className="plain-list month__sessions">
                          {sessions.map((session) => (
                            <li
                              key={session.sessionId}
                              className={session.cancelled ? 'month__cancelled' : undefined}
                              style={
                                session.areas[0]
                                  ? { ['--area-colour' as string]: session.areas[0].colour }
                                  : undefined
                              }
                            >
                              <Link to={eventPath(slug, session.eventId)}>
                                <span className="month__time">{when.time(session.startsAt)}</span>{' '}
                                {session.title}
                                {session.cancelled && ` (${t('events.cancelled')})`}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {items.length === 0 && <p className="muted">{t('events.emptyMonth')}</p>}
    </section>
  )
}
