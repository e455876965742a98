import type { SelfServiceStatistics } from '../../../shared/schemas/statistics'
import { useT } from '../../i18n/i18n-provider'
import { Breakdown } from './breakdown'
import { KeyFigures } from './stat-section'

/** "Where do I start?": the situations visitors chose, and whether the sentences they wrote led anywhere. */
export function GuideFigures({ data, k }: { data: SelfServiceStatistics['guide']; k: number }) {
  const t = useT()
  return (
    <div className="stat-block">
      <h3>{t('statistics.selfService.guide')}</h3>
      <KeyFigures
        k={k}
        figures={[
          { label: t('statistics.selfService.understood'), value: data.understood },
          { label: t('statistics.selfService.notUnderstood'), value: data.notUnderstood },
        ]}
      />
      <p className="muted">{t('statistics.selfService.guideNote')}</p>
      <Breakdown
        title={t('statistics.selfService.guideSituations')}
        level={4}
        rowHeader={t('statistics.selfService.situation')}
        categories={data.situations.map((row) => ({
          key: row.situation,
          label: t(`guideSettings.situation.${row.situation}`),
        }))}
        series={[
          {
            key: 'count',
            label: t('statistics.selfService.choices'),
            values: data.situations.map((row) => row.count),
          },
        ]}
        k={k}
        chart={{ horizontal: true }}
        exportTable="guide"
      />
    </div>
  )
}
