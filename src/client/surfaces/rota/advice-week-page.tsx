import { addDays, format, parseISO } from 'date-fns'
import { useParams, useSearchParams } from 'react-router'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useWhen } from '../../features/events/labels'
import { useResourceLabels } from '../../features/resources/labels'
import { useExpertiseLabel, usePublicRota } from '../../features/rota/api'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import './rota.css'

/**
 * Which specialised advice is here, when, for visitors: a week, day by day, per area — the expertise and
 * the languages spoken, never a counsellor's name, and a partner's only if the centre chose to show it.
 */
export function AdviceWeekPage() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const [params, setParams] = useSearchParams()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const from = params.get('from') ?? undefined
  const week = usePublicRota(slug, from)
  const expertise = useExpertiseLabel()
  const language = useResourceLabels().language
  const when = useWhen(home.data?.centre.timezone ?? 'Europe/Paris')
  const areaOf = (slugOfArea: string) => home.data?.areas.find((a) => a.slug === slugOfArea)
  const today = home.data?.localDate
  const go = (days: number) => {
    const start = week.data?.from ?? today
    if (!start) return
    setParams({ from: format(addDays(parseISO(start), days), 'yyyy-MM-dd') }, { replace: true })
  }
  const days = week.data?.days.filter((day) => day.slots.length > 0) ?? []
  return (
    <Page
      title={t('rota.publicTitle')}
      brand={home.data ? text(home.data.centre.name) : undefined}
      brandTo={`/c/${slug}`}
    >
      <p className="lead">{t('rota.publicIntro')}</p>
      <div className="rota-nav">
        <Button variant="secondary" isDisabled={!from || from <= (today ?? '')} onPress={() => go(-7)}>
          {t('rota.previousWeek')}
        </Button>
        <Button variant="secondary" onPress={() => go(7)}>
          {t('rota.nextWeek')}
        </Button>
      </div>
      {week.isPending || home.isPending ? (
        <Loading />
      ) : week.isError ? (
        <ErrorMessage error={week.error} />
      ) : days.length === 0 ? (
        <EmptyState title={t('rota.publicEmptyTitle')}>
          <p>{t('rota.publicEmptyText')}</p>
        </EmptyState>
      ) : (
        <div className="rota-week">
          {days.map((day) => (
            <section key={day.date} className="rota-day" aria-labelledby={`day-${day.date}`}>
              <h2 id={`day-${day.date}`}>{when.date(day.date)}</h2>
              <ul className="plain-list stack">
                {day.slots.map((slot) => {
                  const area = areaOf(slot.area)
                  return (
                    <li
                      key={`${slot.area}-${slot.startsAt}-${slot.expertise}`}
                      className="rota-slot"
                      style={area ? { ['--area-colour' as string]: area.colour } : undefined}
                    >
                      <p className="rota-slot__time">
                        {slot.startsAt} – {slot.endsAt}
                      </p>
                      <div>
                        <p>
                          <strong>{expertise(slot.expertise)}</strong>
                          {area && ` · ${text(area.name)}`}
                        </p>
                        <p className="muted">
                          {t('rota.spoken', { languages: slot.languages.map(language).join(', ') })}
                          {slot.partner && ` · ${slot.partner}`}
                        </p>
                      </div>
                    </li>
                  )
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </Page>
  )
}
