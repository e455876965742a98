import {
  useEventStatistics,
  useInterviewStatistics,
  useProfileStatistics,
  useSelfServiceStatistics,
  useVisitStatistics,
} from '../../features/statistics/api'
import { useStatisticsFormat } from '../../features/statistics/format'
import { useT } from '../../i18n/i18n-provider'
import { type KeyFigure, KeyFigures } from './stat-section'
import { useStatisticsView } from './statistics-view'

/**
 * The year in a few numbers, at the top of the report. The sections below ask for the same figures,
 * so these requests are shared with them, not repeated.
 */
export function ReportKeyFigures() {
  const t = useT()
  const format = useStatisticsFormat()
  const { slug, filters } = useStatisticsView()
  const visits = useVisitStatistics(slug, filters).data
  const interviews = useInterviewStatistics(slug, filters).data
  const profiles = useProfileStatistics(slug, filters).data
  const events = useEventStatistics(slug, filters).data
  const use = useSelfServiceStatistics(slug, filters).data
  const k = visits?.k ?? interviews?.k ?? events?.k ?? 5
  const figures: KeyFigure[] = [
    ...(visits ? [{ label: t('statistics.visits.total'), value: visits.total }] : []),
    ...(interviews
      ? [
          { label: t('statistics.interviews.total'), value: interviews.total },
          ...(interviews.medianMinutes === null
            ? []
            : [
                {
                  label: t('statistics.interviews.medianLength'),
                  value: { text: format.minutes(interviews.medianMinutes) },
                },
              ]),
        ]
      : []),
    ...(profiles ? [{ label: t('statistics.profiles.total'), value: profiles.total }] : []),
    ...(events
      ? [
          { label: t('statistics.events.sessions'), value: events.sessions },
          { label: t('statistics.events.checkedIn'), value: events.checkedIn },
        ]
      : []),
    ...(use
      ? [
          { label: t('statistics.selfService.resourceViews'), value: use.resourceViews },
          { label: t('statistics.selfService.searches'), value: use.searches },
        ]
      : []),
  ]
  if (figures.length === 0) return null
  return (
    <section className="report__key" aria-labelledby="report-key-title">
      <h2 id="report-key-title">{t('statistics.report.keyFigures')}</h2>
      <KeyFigures figures={figures} k={k} />
    </section>
  )
}
