import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { Published } from '../../../shared/schemas/statistics'
import { useT } from '../../i18n/i18n-provider'
import { ErrorMessage, Loading } from '../../ui/states'
import { Count } from './count'

/** One part of a dashboard (visits, interviews…), a heading and its landmark. */
export function StatSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="stat-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  )
}

/** The figures of a section once they are there; loading, failure and an empty period said plainly. */
export function Figures<T>({
  query,
  isEmpty,
  children,
}: {
  query: UseQueryResult<T>
  isEmpty: (data: T) => boolean
  children: (data: T) => ReactNode
}) {
  const t = useT()
  if (query.isPending) return <Loading />
  if (query.isError) return <ErrorMessage error={query.error} />
  return (
    <div aria-busy={query.isPlaceholderData} className={query.isPlaceholderData ? 'stat-stale' : undefined}>
      {isEmpty(query.data) ? (
        <p className="stat-empty">{t('statistics.emptyPeriod')}</p>
      ) : (
        children(query.data)
      )}
    </div>
  )
}

export type KeyFigure = { label: string; value: Published | { text: string } }

/** The few numbers that sum a section up, large. */
export function KeyFigures({ figures, k }: { figures: readonly KeyFigure[]; k: number }) {
  return (
    <dl className="key-figures">
      {figures.map((figure) => (
        <div key={figure.label} className="key-figure">
          <dt>{figure.label}</dt>
          <dd>
            {typeof figure.value === 'object' ? figure.value.text : <Count value={figure.value} k={k} />}
          </dd>
        </div>
      ))}
    </dl>
  )
}
