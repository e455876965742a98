import type { ProfileStatistics } from '../../../shared/schemas/statistics'
import { useProfileStatistics } from '../../features/statistics/api'
import { useStatisticsLabels } from '../../features/statistics/labels'
import { isNothing } from '../../features/statistics/published'
import { useT } from '../../i18n/i18n-provider'
import { Breakdown } from './breakdown'
import { Figures, KeyFigures, StatSection } from './stat-section'
import { ExportLink } from './stat-table'
import { useStatisticsView } from './statistics-view'

/** Visit profiles (given with the visitor's agreement): each question's answers, in broad bands. */
export function ProfilesSection() {
  const t = useT()
  const { slug, filters } = useStatisticsView()
  const profiles = useProfileStatistics(slug, filters)
  return (
    <StatSection id="profiles" title={t('statistics.profiles.title')}>
      <Figures query={profiles} isEmpty={(data) => isNothing(data.total)}>
        {(data) => <ProfileFigures data={data} />}
      </Figures>
    </StatSection>
  )
}

function ProfileFigures({ data }: { data: ProfileStatistics }) {
  const t = useT()
  const labels = useStatisticsLabels()
  const { k } = data
  return (
    <>
      <KeyFigures k={k} figures={[{ label: t('statistics.profiles.total'), value: data.total }]} />
      <p className="muted">{t('statistics.profiles.intro')}</p>
      <ExportLink table="profiles" what={t('statistics.profiles.title')} />
      <div className="stat-columns">
        {data.questions.map((question) => (
          <Breakdown
            key={question.question}
            title={labels.question(question.question)}
            rowHeader={t('statistics.profiles.answer')}
            categories={question.answers.map((row) => ({
              key: row.answer,
              label: labels.answer(question.question, row.answer),
            }))}
            series={[
              {
                key: 'count',
                label: t('statistics.profiles.count'),
                values: question.answers.map((row) => row.count),
              },
            ]}
            k={k}
            chart={{ horizontal: true }}
          />
        ))}
      </div>
    </>
  )
}
