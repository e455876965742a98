import { eq, type SQL, sql } from 'drizzle-orm'
import type { InterviewOutcome } from '../../../shared/schemas/interviews'
import {
  ageBands,
  educationLevels,
  firstVisitAnswers,
  referralSources,
  situations,
} from '../../../shared/schemas/profiles'
import type {
  InterviewStatistics,
  ProfileStatistics,
  StatisticsQuery,
  StatisticsSettings,
} from '../../../shared/schemas/statistics'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { centre } from '../../db/schema/centres'
import { notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { protectCount, protectSeries } from './disclosure'

export async function getStatisticsSettings(db: Database, centreId: string): Promise<StatisticsSettings> {
  const [row] = await db
    .select({ threshold: centre.disclosureThreshold, retentionDays: centre.retentionDays })
    .from(centre)
    .where(eq(centre.id, centreId))
  if (!row) throw notFound('error.centre.notFound')
  return row
}

export async function saveStatisticsSettings(options: {
  db: Database
  centreId: string
  actorUserId: string
  input: StatisticsSettings
}) {
  const { db, centreId, actorUserId, input } = options
  await db.transaction(async (tx) => {
    await tx
      .update(centre)
      .set({
        disclosureThreshold: input.threshold,
        retentionDays: input.retentionDays,
        updatedAt: new Date(),
      })
      .where(eq(centre.id, centreId))
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'update',
      entity: 'statistics_settings',
      entityId: centreId,
      data: input,
    })
  })
  return getStatisticsSettings(db, centreId)
}

/**
 * A centre's interviews over a period, counted by day, area, theme, outcome and service referred to, each
 * count withheld when it is from 1 to k−1. Days and areas split the interviews, so they are protected as
 * series with their total; an interview has several themes and outcomes, so those are protected count by
 * count. `partner` keeps one partner's interviews (a partner coordinator's only view).
 */
export async function interviewStatistics(options: {
  db: Database
  centreId: string
  query: StatisticsQuery
  k: number
}): Promise<InterviewStatistics> {
  const { db, centreId, query, k } = options
  const where: SQL = sql.join(
    [
      sql`i.centre_id = ${centreId}`,
      sql`i.service_date between ${query.from}::date and ${query.to}::date`,
      ...(query.area ? [sql`i.area_id = ${query.area}`] : []),
      ...(query.partner ? [sql`i.partner_id = ${query.partner}`] : []),
    ],
    sql` and `,
  )
  const [days, areas, themes, outcomes, referrals, summary] = await Promise.all([
    db.execute(sql`
      select to_char(d, 'YYYY-MM-DD') as date, count(i.id)::int as count
      from generate_series(${query.from}::date, ${query.to}::date, interval '1 day') d
      left join interview i on i.service_date = d::date and ${where}
      group by d order by d`),
    db.execute(sql`
      select i.area_id as id, a.name, count(*)::int as count
      from interview i left join area a on a.id = i.area_id
      where ${where} group by i.area_id, a.name, a.position, a.slug order by a.position nulls last, a.slug`),
    db.execute(sql`
      select t.id, t.name, count(*)::int as count
      from interview i join interview_theme_link l on l.interview_id = i.id
      join interview_theme t on t.id = l.theme_id
      where ${where} group by t.id, t.name, t.position order by count(*) desc, t.position`),
    db.execute(sql`
      select o as outcome, count(*)::int as count from interview i, unnest(i.outcomes) o
      where ${where} group by o order by count(*) desc, o`),
    db.execute(sql`
      select r.label, count(*)::int as count
      from interview i join interview_referral r on r.interview_id = i.id
      where ${where} group by r.label order by count(*) desc, r.label`),
    db.execute(sql`
      select count(*)::int as total,
        percentile_cont(0.5) within group (order by i.duration_seconds) as median
      from interview i where ${where}`),
  ])
  const dayRows = rowsOf<{ date: string; count: number }>(days)
  const byDay = protectSeries(
    dayRows.map((row) => row.count),
    k,
  )
  const areaRows = rowsOf<{ id: string | null; name: Record<string, string> | null; count: number }>(areas)
  const byArea = protectSeries(
    areaRows.map((row) => row.count),
    k,
  )
  const { total, median } = rowsOf<{ total: number; median: number | null }>(summary)[0] ?? {
    total: 0,
    median: null,
  }
  return {
    k,
    from: query.from,
    to: query.to,
    total: protectCount(total, k),
    byDay: dayRows.map((row, index) => ({ date: row.date, count: byDay.values[index] ?? 'hidden' })),
    byArea: areaRows.map((row, index) => ({
      id: row.id,
      name: row.name ?? {},
      count: byArea.values[index] ?? 'hidden',
    })),
    byTheme: rowsOf<{ id: string; name: Record<string, string>; count: number }>(themes).map((row) => ({
      ...row,
      count: protectCount(row.count, k),
    })),
    byOutcome: rowsOf<{ outcome: InterviewOutcome; count: number }>(outcomes).map((row) => ({
      ...row,
      count: protectCount(row.count, k),
    })),
    byReferral: rowsOf<{ label: string; count: number }>(referrals).map((row) => ({
      ...row,
      count: protectCount(row.count, k),
    })),
    medianMinutes: total >= k && median !== null ? Math.round(Number(median) / 6) / 10 : null,
  }
}

const questions = {
  ageBand: ageBands,
  situation: situations,
  education: educationLevels,
  firstVisit: firstVisitAnswers,
  heardFrom: referralSources,
} as const
const columns = {
  ageBand: 'age_band',
  situation: 'situation',
  education: 'education',
  firstVisit: 'first_visit',
  heardFrom: 'heard_from',
} as const

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
  const where = sql`centre_id = ${centreId} and service_date between ${query.from}::date and ${query.to}::date`
  const counted = await Promise.all(
    (Object.keys(questions) as (keyof typeof questions)[]).map(async (question) => {
      const column = sql.raw(columns[question])
      const rows = rowsOf<{ answer: string; count: number }>(
        await db.execute(sql`select ${column} as answer, count(*)::int as count from visit_profile
          where ${where} group by ${column}`),
      )
      const counts = questions[question].map(
        (answer) => rows.find((row) => row.answer === answer)?.count ?? 0,
      )
      const series = protectSeries(counts, k)
      return {
        question,
        total: series.total,
        answers: questions[question].map((answer, index) => ({
          answer,
          count: series.values[index] ?? 'hidden',
        })),
      }
    }),
  )
  return {
    k,
    total: counted[0]?.total ?? 0,
    questions: counted.map(({ question, answers }) => ({ question, answers })),
  }
}
