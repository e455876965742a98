import { Link } from 'react-router'
import type { AskArea } from '../../../shared/schemas/resources'
import { AreaCard } from '../../features/centres/area-card'
import { useLocalized } from '../../features/centres/use-localized'
import { useT } from '../../i18n/i18n-provider'
import { withFilter } from './facet-filters'

/**
 * "Ask about it in area X", on a resource's or an occupation's page: each area with its colour,
 * pictogram and whether it is open now, its hours and its other resources a link away.
 */
export function AskInAreas(props: { slug: string; areas: AskArea[]; localDate: string; className?: string }) {
  const { slug, areas } = props
  const t = useT()
  const text = useLocalized()
  if (areas.length === 0) return null
  return (
    <section aria-labelledby="ask" className={`resource-ask ${props.className ?? ''}`}>
      <h2 id="ask">{t('resources.askTitle')}</h2>
      <p>{t('resources.askText')}</p>
      <ul className="plain-list stack">
        {areas.map((area) => (
          <AreaCard
            key={area.id}
            area={area}
            heading={t('resources.askIn', { area: text(area.name) })}
            localDate={props.localDate}
          >
            <p className="cluster resource-ask__links">
              <Link to={`/c/${slug}`}>{t('resources.seeHours')}</Link>
              <Link to={`/c/${slug}/resources${withFilter({}, 'area', area.slug)}`}>
                {t('resources.moreInArea')}
              </Link>
            </p>
          </AreaCard>
        ))}
      </ul>
    </section>
  )
}
