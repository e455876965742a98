import type { NotebookItem, NotebookItemKind } from '../../../shared/schemas/notebooks'
import { bookingPath, eventPath } from '../../features/events/api'
import { occupationPath } from '../../features/occupations/api'
import { resourcePath } from '../../features/resources/api'
import { trainingPath } from '../../features/trainings/api'

/** The order in which a notebook lists what it keeps. */
export const itemKindOrder: readonly NotebookItemKind[] = [
  'occupation',
  'training',
  'resource',
  'event',
  'booking',
  'service',
]

/**
 * Where a saved thing's page is, within the notebook's centre. A service has no page of its own: the
 * directory is searched for its name.
 */
export function itemPath(centre: string, item: Pick<NotebookItem, 'kind' | 'ref' | 'title'>): string {
  switch (item.kind) {
    case 'occupation': {
      const [taxonomy = '', ...code] = item.ref.split(':')
      return occupationPath(centre, taxonomy, code.join(':'))
    }
    case 'resource':
      return resourcePath(centre, item.ref)
    case 'training':
      return trainingPath(centre, item.ref)
    case 'event':
      return eventPath(centre, item.ref)
    case 'booking':
      return bookingPath(item.ref)
    case 'service': {
      const name = item.title.split(' — ').slice(1).join(' — ') || item.title
      return `/c/${centre}/services?${new URLSearchParams({ q: name })}`
    }
  }
}
