import { addDays, format, parseISO, startOfWeek } from 'date-fns'
import { Link, useParams, useSearchParams } from 'react-router'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useProgramme } from '../../features/events/api'
import { useEventLabels, useWhen } from '../../features/events/labels'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { QrImage } from '../../ui/qr-image'
import { ErrorMessage, Loading } from '../../ui/states'
import './events.css'
import { byDay } from './programme-page'

const day = (date: Date) => format(date, 'yyyy-MM-dd')

/**
 * A week of the programme for the notice board: one A4 page, a table per day, what to do to come
 * (book or just come), and a QR code to the programme online.
 */
export function WeekPage() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const { locale } = useLocale()
  const labels = useEventLabels()
  const [params, setParams] = useSearchParams()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const today = home.data?.localDate ?? day(new Date())
  const monday = startOfWeek(parseISO(params.get('from') ?? today), { weekStartsOn: 1 })
  const area = params.get('area') ?? undefined
  const filters = { from: day(monday), to: day(addDays(monday, 6)), ...(area ? { area } : {}) }
  const list = useProgramme(slug, filters, locale)
  const timeZone = home.data?.centre.timezone ?? 'Europe/Paris'
  const when = useWhen(timeZone)
  const brand = home.data ? text(home.data.centre.name) : undefined
  const areaName = home.data?.areas.find((a) => a.slug === area)?.name
  const go = (weeks: number) => {
    const next = new URLSearchParams(params)
    next.set('from', day(addDays(monday, weeks * 7)))
    setParams(next, { replace: true })
  }
  const title = t('events.weekTitle', {
    from: when.date(filters.from, { day: 'numeric', month: 'long' }),
    to: when.date(filters.to, { day: 'numeric', month: 'long', year: 'numeric' }),
  })
  const programmeUrl = `${window.location.origin}/c/${slug}/events`

  return (
    <Page title={title} brand={brand} brandTo={`/c/${slug}`} heading={false}>
      <div className="week-tools no-print cluster">
        <Link to={`/c/${slug}/events`}>{t('events.backToProgramme')}</Link>
        <Button variant="secondary" onPress={() => go(-1)}>
          {t('events.previousWeek')}
        </Button>
        <Button variant="secondary" onPress={() => go(1)}>
          {t('events.nextWeek')}
        </Button>
        <Button onPress={() => window.print()}>{t('events.print')}</Button>
      </div>
      <article className="week-sheet">
        <header className="week-sheet__head">
          <div>
            <p className="week-sheet__centre">{brand}</p>
            <h1>{title}</h1>
            {areaName && <p className="lead">{text(areaName)}</p>}
            <p>{t('events.weekFree')}</p>
          </div>
          <figure className="week-sheet__qr">
            <QrImage url={programmeUrl} label={t('events.weekQrAlt')} />
            <figcaption>{t('events.weekQrCaption')}</figcaption>
          </figure>
        </header>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorMessage error={list.error} />
        ) : list.data.items.length === 0 ? (
          <p>{t('events.emptyWeek')}</p>
        ) : (
          [...byDay(list.data.items, timeZone)].map(([key, sessions]) => (
            <section key={key} className="week-day" aria-labelledby={`week-${key}`}>
              <h2 id={`week-${key}`}>{when.date(key)}</h2>
              <table className="table week-table">
                <thead>
                  <tr>
                    <th scope="col">{t('events.when')}</th>
                    <th scope="col">{t('events.what')}</th>
                    <th scope="col">{t('events.place')}</th>
                    <th scope="col">{t('events.howToCome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sessions.map((session) => (
                    <tr
                      key={session.sessionId}
                      className={session.cancelled ? 'week-table__cancelled' : undefined}
                    >
                      <td>{when.hours(session.startsAt, session.endsAt)}</td>
                      <td>
                        <strong>{session.title}</strong>
                        <br />
                        <span className="muted">
                          {labels.type(session.type)} · {labels.language(session.language)}
                        </span>
                      </td>
                      <td>{session.place}</td>
                      <td>
                        {session.cancelled
                          ? t('events.cancelled')
                          : session.booking
                            ? t('events.bookOnline')
                            : t('events.freeEntry')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))
        )}
      </article>
    </Page>
  )
}
