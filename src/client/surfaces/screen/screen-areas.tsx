import { pickText, type UiLocale } from '../../../shared/i18n/locales'
import type { PortalHome } from '../../../shared/schemas/centres'
import type { QueueArea } from '../../../shared/schemas/tickets'
import { useT } from '../../i18n/i18n-provider'
import { Pictogram } from '../../ui/pictogram'

type Props = {
  home: PortalHome
  queue: readonly QueueArea[] | null
  areas: ReadonlySet<string> | null
  locale: UiLocale
}

/** Waiting per area shown on this screen, in the centre's order: open or not, how many, how long. */
export function AreaQueues({ home, queue, areas, locale }: Props) {
  const t = useT()
  const shown = home.areas.filter((area) => !areas || areas.has(area.slug))
  return (
    <section className="screen-areas" aria-labelledby="screen-areas-title">
      <h2 id="screen-areas-title" className="screen__label">
        {t('screen.waitingTitle')}
      </h2>
      {shown.length === 0 ? (
        <p>{t('screen.noAreas')}</p>
      ) : (
        <ul className="screen-areas__list" style={{ ['--rows' as string]: shown.length }}>
          {shown.map((area) => {
            const figures = queue?.find((q) => q.area === area.slug)
            // Read again every minute, the portal's status follows the clock; queue figures come on changes.
            const isOpen = area.status.isOpen
            return (
              <li
                key={area.id}
                className="screen-area"
                data-area={area.slug}
                style={{ ['--area-colour' as string]: area.colour }}
              >
                <div className="screen-area__head">
                  <span className="screen-area__icon">
                    <Pictogram name={area.pictogram} />
                  </span>
                  <h3>{pickText(area.name, locale, home.centre.defaultLanguage)}</h3>
                  <span className="screen-badge" data-tone={isOpen ? 'open' : 'closed'}>
                    {t(isOpen ? 'screen.open' : 'screen.closed')}
                  </span>
                </div>
                {figures && (
                  <dl className="screen-area__figures">
                    <div data-figure="waiting">
                      <dt>{t('screen.waitingLabel', { count: figures.waiting })}</dt>
                      <dd>{figures.waiting}</dd>
                    </div>
                    {isOpen && (
                      <div data-figure="estimate">
                        <dt>{t('screen.estimateLabel')}</dt>
                        <dd>
                          {t('screen.estimate', {
                            min: figures.estimatedWait.minMinutes,
                            max: figures.estimatedWait.maxMinutes,
                          })}
                        </dd>
                      </div>
                    )}
                  </dl>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
