import type { Published } from '../../../shared/schemas/statistics'
import { useStatisticsFormat } from '../../features/statistics/format'
import { useT } from '../../i18n/i18n-provider'

/** A published count: the number, "<k" for a small one, "x" for one withheld to protect another. */
export function Count({ value, k }: { value: Published; k: number }) {
  const t = useT()
  const format = useStatisticsFormat()
  if (value === 'small')
    return (
      <abbr className="count-withheld" title={t('statistics.smallTitle', { max: k - 1 })}>
        {`<${k}`}
      </abbr>
    )
  if (value === 'hidden')
    return (
      <abbr className="count-withheld" title={t('statistics.hiddenTitle')}>
        x
      </abbr>
    )
  return <>{format.number(value)}</>
}

/** Once per page: what "<k" and "x" mean, and why some bars are missing. */
export function DisclosureLegend({ k }: { k: number | undefined }) {
  const t = useT()
  return (
    <p className="stat-legend">
      {k === undefined
        ? t('statistics.legendAnyK', { small: '<k' })
        : t('statistics.legend', { small: `<${k}`, max: k - 1 })}
    </p>
  )
}
