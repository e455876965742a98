import type { EventStatistics } from '../../../shared/schemas/statistics'
import { useEventStatistics } from '../../features/statistics/api'
import { useStatisticsLabels } from '../../features/statistics/labels'
import { isNothing } from '../../features/statistics/published'
import { useT } from '../../i18n/i18n-provider'
import { Breakdown } from './breakdown'
import { Figures, KeyFigures, StatSection } from './stat-section'
import { useStatisticsView } from './statistics-view'

/** Events: sessions held, seats booked, people checked in and drop-ins, by type of event. */
export function EventsSection() {
  const t = useT()
  const { slug, filters } = useStatisticsView()
  const events = useEventStatistics(slug, filters)
  return (
    <StatSection id="events" title={t('statistics.events.title')}>
      <Figures
        query={events}
        isEmpty={(data) => isNothing(data.sessions, data.booked, data.checkedIn, data.dropIns)}
      >
        {(data) => <EventFigures data={data} />}
      </Figures>
    </StatSection>
  )
}

function EventFigures({ data }: { data: EventStatistics }) {
  const t = useT()
  const labels = useStatisticsLabels()
  const { k, byType } = data
  return (
    <>
      <KeyFigures
        k={k}
        figures={[
          { label: t('statistics.events.sessions'), value: data.sessions },
          { label: t('statistics.events.booked'), value: data.booked },
          { label: t('statistics.events.checkedIn'), value: data.checkedIn },
          { label: t('statistics.events.dropIns'), value: data.dropIns },
        ]}
      />
      <Breakdown
        title={t('statistics.events.byType')}
        rowHeader={t('statistics.events.type')}
        categories={byType.map((row) => ({ key: row.type, label: labels.eventType(row.type) }))}
        series={[
          {
            key: 'sessions',
            label: t('statistics.events.sessions'),
            values: byType.map((row) => row.sessions),
          },
          { key: 'booked', label: t('statistics.events.booked'), values: byType.map((row) => row.booked) },
          {
            key: 'checkedIn',
            label: t('statistics.events.checkedIn'),
            values: byType.map((row) => row.checkedIn),
          },
          { key: 'dropIns', label: t('statistics.events.dropIns'), values: byType.map((row) => row.dropIns) },
        ]}
        k={k}
        exportTable="events-by-type"
        layout="stack"
        chart={{ horizontal: true }}
      />
      <p className="muted">{t('statistics.events.note')}</p>
    </>
  )
}
