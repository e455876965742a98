import type { InterviewStatistics } from '../../../shared/schemas/statistics'
import { useInterviewStatistics } from '../../features/statistics/api'
import { useStatisticsFormat } from '../../features/statistics/format'
import { useStatisticsLabels } from '../../features/statistics/labels'
import { isNothing } from '../../features/statistics/published'
import { useT } from '../../i18n/i18n-provider'
import { Breakdown } from './breakdown'
import { Figures, KeyFigures, StatSection } from './stat-section'
import { useStatisticsView } from './statistics-view'

/** Interviews: how many, by day, area, theme and outcome, services referred to, their median length. */
export function InterviewsSection() {
  const t = useT()
  const { slug, filters } = useStatisticsView()
  const interviews = useInterviewStatistics(slug, filters)
  return (
    <StatSection id="interviews" title={t('statistics.interviews.title')}>
      <Figures query={interviews} isEmpty={(data) => isNothing(data.total)}>
        {(data) => <InterviewFigures data={data} />}
      </Figures>
    </StatSection>
  )
}

function InterviewFigures({ data }: { data: InterviewStatistics }) {
  const t = useT()
  const format = useStatisticsFormat()
  const labels = useStatisticsLabels()
  const { text } = useStatisticsView()
  const { k } = data
  const interviews = t('statistics.interviews.count')
  const one = <R extends { count: InterviewStatistics['total'] }>(rows: readonly R[]) => [
    { key: 'count', label: interviews, values: rows.map((row) => row.count) },
  ]
  return (
    <>
      <KeyFigures
        k={k}
        figures={[
          { label: t('statistics.interviews.total'), value: data.total },
          {
            label: t('statistics.interviews.medianLength'),
            value: { text: data.medianMinutes === null ? '–' : format.minutes(data.medianMinutes) },
          },
        ]}
      />
      {data.medianMinutes === null && <p className="muted">{t('statistics.medianNote', { k })}</p>}
      <Breakdown
        title={t('statistics.interviews.byDay')}
        rowHeader={t('statistics.day')}
        categories={data.byDay.map((row) => ({ key: row.date, label: format.day(row.date) }))}
        series={one(data.byDay)}
        k={k}
        exportTable="interviews-by-day"
        layout="fold"
        chart={{ tick: format.shortDay }}
      />
      <Breakdown
        title={t('statistics.interviews.byArea')}
        rowHeader={t('statistics.area')}
        categories={data.byArea.map((row) => ({
          key: row.id ?? 'none',
          label: row.id ? text(row.name) : t('statistics.noArea'),
        }))}
        series={one(data.byArea)}
        k={k}
        exportTable="interviews-by-area"
        chart={{ horizontal: true }}
      />
      <Breakdown
        title={t('statistics.interviews.byTheme')}
        rowHeader={t('statistics.interviews.theme')}
        categories={data.byTheme.map((row) => ({ key: row.id, label: text(row.name) }))}
        series={one(data.byTheme)}
        k={k}
        exportTable="interviews-by-theme"
        chart={{ horizontal: true }}
      />
      <Breakdown
        title={t('statistics.interviews.byOutcome')}
        rowHeader={t('statistics.interviews.outcome')}
        categories={data.byOutcome.map((row) => ({
          key: row.outcome,
          label: labels.interviewOutcome(row.outcome),
        }))}
        series={one(data.byOutcome)}
        k={k}
        exportTable="interviews-by-outcome"
        chart={{ horizontal: true }}
      />
      <Breakdown
        title={t('statistics.interviews.referrals')}
        rowHeader={t('statistics.interviews.service')}
        categories={data.byReferral.map((row) => ({ key: row.label, label: row.label }))}
        series={one(data.byReferral)}
        k={k}
        exportTable="referrals"
        chart={{ horizontal: true }}
      />
    </>
  )
}
