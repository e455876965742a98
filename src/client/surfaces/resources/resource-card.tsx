import { Link } from 'react-router'
import type { ResourceCard as Card } from '../../../shared/schemas/resources'
import { useLocalized } from '../../features/centres/use-localized'
import { resourcePath } from '../../features/resources/api'
import { useResourceLabels } from '../../features/resources/labels'
import { useT } from '../../i18n/i18n-provider'

/** A resource in a list: what it is, its title, where it is, and the areas it belongs to. */
export function ResourceCard({
  centre,
  resource,
  defaultLanguage,
}: {
  centre: string
  resource: Card
  defaultLanguage: string
}) {
  const t = useT()
  const labels = useResourceLabels()
  const text = useLocalized(defaultLanguage)
  return (
    <li className="card resource-card">
      <p className="resource-card__kind">
        <span>{labels.type(resource.type)}</span>
        {resource.easyRead && <span className="tag tag--easy">{t('resources.easyRead')}</span>}
      </p>
      <h3 className="resource-card__title">
        <Link to={resourcePath(centre, resource.id)}>{resource.title}</Link>
      </h3>
      {resource.summary && <p className="resource-card__summary">{resource.summary}</p>}
      <p className="resource-card__where">
        {resource.shelf ? t('resources.onShelf', { shelf: resource.shelf }) : t('resources.online')}
        {resource.shelf && resource.isOnline && ` · ${t('resources.online')}`}
      </p>
      {resource.areas.length > 0 && (
        <ul className="plain-list area-tags">
          {resource.areas.map((area) => (
            <li key={area.id} className="area-tag" style={{ ['--area-colour' as string]: area.colour }}>
              {text(area.name)}
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}
