import type { MessageKey } from '../../../shared/i18n/messages'
import type { SearchHit } from '../../../shared/schemas/search'
import type { Translate } from '../../i18n/i18n-provider'
import { occupationPath } from '../occupations/api'

/** What a search result is, in words: "Occupation", "Training", or the resource's own type. */
export function hitTypeLabel(t: Translate, hit: SearchHit) {
  if (hit.type === 'resource' && hit.resourceType)
    return t(`resources.type.${hit.resourceType}` as MessageKey)
  return t(`search.type.${hit.type}`)
}

/** Where a search result's page is, in a centre's portal. */
export function hitPath(centre: string, hit: SearchHit) {
  if (hit.type === 'occupation') return occupationPath(centre, hit.taxonomy ?? 'rome', hit.code ?? '')
  return `/c/${centre}/${hit.type === 'training' ? 'trainings' : 'resources'}/${hit.id}`
}
