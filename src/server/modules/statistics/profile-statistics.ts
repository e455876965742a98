import {
  ageBands,
  educationLevels,
  firstVisitAnswers,
  referralSources,
  situations,
} from '../../../shared/schemas/profiles'
import type { ProfileStatistics, StatisticsQuery } from '../../../shared/schemas/statistics'
import type { Database } from '../../db/client'
import { protectSeries } from './disclosure'
import { byKey, countFactsMany, type Dimension, dimensions } from './facts'

const questions = {
  ageBand: { answers: ageBands, dimension: dimensions.profileAgeBand },
  situation: { answers: situations, dimension: dimensions.profileSituation },
  education: { answers: educationLevels, dimension: dimensions.profileEducation },
  firstVisit: { answers: firstVisitAnswers, dimension: dimensions.profileFirstVisit },
  heardFrom: { answers: referralSources, dimension: dimensions.profileHeardFrom },
} as const satisfies Record<string, { answers: readonly string[]; dimension: Dimension }>

/**
 * The profiles given over a period: for each question every answer on its list (none left out, so that
 * an absent answer says nothing), protected as a series whose total is the number of profiles.
 */
export async function profileStatistics(options: {
  db: Database
  centreId: string
  query: StatisticsQuery
  k: number
}): Promise<ProfileStatistics> {
  const { db, centreId, query, k } = options
  const scope = { centreId, from: query.from, to: query.to }
  const names = Object.keys(questions) as (keyof typeof questions)[]
  const perQuestion = await countFactsMany(
    db,
    scope,
    names.map((question) => ({ dimension: questions[question].dimension, by: 'total' as const })),
  )
  const counted = names.map((question, index) => {
    const { answers } = questions[question]
    const perAnswer = byKey(perQuestion[index] ?? [])
    const series = protectSeries(
      answers.map((answer) => perAnswer.get(answer) ?? 0),
      k,
    )
    return {
      question,
      total: series.total,
      answers: answers.map((answer, i) => ({ answer, count: series.values[i] ?? ('hidden' as const) })),
    }
  })
  return {
    k,
    total: counted[0]?.total ?? 0,
    questions: counted.map(({ question, answers }) => ({ question, answers })),
  }
}
