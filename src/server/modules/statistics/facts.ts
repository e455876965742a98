import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'

/**
 * What a centre's activity is counted by. Every figure of every dashboard is a sum of these, read from
 * `stat_fact` for folded days and from the raw records for the days after them: one definition
 * (`rawFacts`) serves both, so a dashboard gives the same figures before and after a purge.
 */
export const dimensions = {
  /** Tickets by the hour (centre time) they were taken, in the area first chosen. */
  visitHour: 'visit_hour',
  /** Tickets by how they ended: done, no_show, cancelled, closed (left before being called)… */
  visitStatus: 'visit_status',
  visitChannel: 'visit_channel',
  visitLanguage: 'visit_language',
  /** Tickets called, by whole minutes waited before the first call (240 and more as 240). */
  waitMinutes: 'wait_minutes',
  /** Tickets served to the end, by whole minutes of the last service (in the area where it ended). */
  serviceMinutes: 'service_minutes',
  interview: 'interview',
  interviewLanguage: 'interview_language',
  /** Interviews by whole minutes of length. */
  interviewMinutes: 'interview_minutes',
  interviewTheme: 'interview_theme',
  interviewOutcome: 'interview_outcome',
  interviewReferral: 'interview_referral',
  profileAgeBand: 'profile_age_band',
  profileSituation: 'profile_situation',
  profileEducation: 'profile_education',
  profileFirstVisit: 'profile_first_visit',
  profileHeardFrom: 'profile_heard_from',
} as const
export type Dimension = (typeof dimensions)[keyof typeof dimensions]

/** The longest wait or service counted minute by minute; longer ones count as this. */
const MINUTES_CAP = 240

/** A centre's days, as dates or as SQL that gives one. */
type Period = { centreId: string; from: string | SQL; to: string | SQL }

/** Each dimension as a `select service_date, dimension, key, area_id, partner_id, count` over raw rows. */
function rawSelects(period: Period): Record<Dimension, SQL> {
  const { centreId, from, to } = period
  // A ticket with its first area, first call and local hour, read once for every visit dimension.
  const tickets = sql`(select t.service_date, t.status, t.channel, t.language, t.started_at, t.ended_at,
      t.area_id as last_area_id,
      coalesce((select s.area_id from ticket_step s where s.ticket_id = t.id and s.kind = 'issued'
                order by s.at limit 1), t.area_id) as area_id,
      (select min(s.at) from ticket_step s where s.ticket_id = t.id and s.kind = 'called') as first_called,
      extract(hour from t.created_at at time zone c.timezone)::int as hour, t.created_at
    from ticket t join centre c on c.id = t.centre_id
    where t.centre_id = ${centreId} and t.service_date between ${from}::date and ${to}::date) tk`
  const interviews = sql`(select * from interview
    where centre_id = ${centreId} and service_date between ${from}::date and ${to}::date) iv`
  const profiles = sql`(select * from visit_profile
    where centre_id = ${centreId} and service_date between ${from}::date and ${to}::date) vp`
  const minutes = (seconds: SQL) => sql`least(floor(${seconds} / 60), ${MINUTES_CAP})::int::text`
  const visit = (dimension: Dimension, key: SQL, where: SQL = sql`true`, area = sql`tk.area_id`) =>
    sql`select tk.service_date, ${dimension}::text as dimension, ${key} as key, ${area} as area_id,
      null::uuid as partner_id, count(*)::int as count from ${tickets} where ${where} group by 1, 3, 4`
  const interview = (dimension: Dimension, key: SQL, join: SQL = sql``) =>
    sql`select iv.service_date, ${dimension}::text as dimension, ${key} as key, iv.area_id, iv.partner_id,
      count(*)::int as count from ${interviews} ${join} group by 1, 3, 4, 5`
  const profile = (dimension: Dimension, column: SQL) =>
    sql`select vp.service_date, ${dimension}::text as dimension, ${column} as key, null::uuid as area_id,
      null::uuid as partner_id, count(*)::int as count from ${profiles} group by 1, 3`
  return {
    visit_hour: visit(dimensions.visitHour, sql`tk.hour::text`),
    visit_status: visit(dimensions.visitStatus, sql`tk.status`),
    visit_channel: visit(dimensions.visitChannel, sql`tk.channel`),
    visit_language: visit(dimensions.visitLanguage, sql`tk.language`),
    wait_minutes: visit(
      dimensions.waitMinutes,
      minutes(sql`extract(epoch from tk.first_called - tk.created_at)`),
      sql`tk.first_called is not null`,
    ),
    service_minutes: visit(
      dimensions.serviceMinutes,
      minutes(sql`extract(epoch from tk.ended_at - tk.started_at)`),
      sql`tk.status = 'done' and tk.started_at is not null`,
      sql`tk.last_area_id`,
    ),
    interview: interview(dimensions.interview, sql`''`),
    interview_language: interview(dimensions.interviewLanguage, sql`iv.language`),
    interview_minutes: interview(dimensions.interviewMinutes, minutes(sql`iv.duration_seconds`)),
    interview_theme: interview(
      dimensions.interviewTheme,
      sql`l.theme_id::text`,
      sql`join interview_theme_link l on l.interview_id = iv.id`,
    ),
    interview_outcome: interview(dimensions.interviewOutcome, sql`o`, sql`cross join unnest(iv.outcomes) o`),
    interview_referral: interview(
      dimensions.interviewReferral,
      sql`r.label`,
      sql`join interview_referral r on r.interview_id = iv.id`,
    ),
    profile_age_band: profile(dimensions.profileAgeBand, sql`vp.age_band`),
    profile_situation: profile(dimensions.profileSituation, sql`vp.situation`),
    profile_education: profile(dimensions.profileEducation, sql`vp.education`),
    profile_first_visit: profile(dimensions.profileFirstVisit, sql`vp.first_visit`),
    profile_heard_from: profile(dimensions.profileHeardFrom, sql`vp.heard_from`),
  }
}

/** The facts of some dimensions over a centre's days, counted from the raw records. */
export function rawFacts(period: Period, wanted: readonly Dimension[]): SQL {
  const selects = rawSelects(period)
  return sql.join(
    wanted.map((dimension) => sql`(${selects[dimension]})`),
    sql` union all `,
  )
}

export type FactScope = { centreId: string; from: string; to: string; area?: string; partner?: string }

/**
 * The facts of some dimensions over a period: folded rows up to the centre's last folded day, raw
 * records after it. Filtered by area and partner when asked (a partner filter keeps only facts that
 * have a partner: interviews). The fold's day is given as a value, not read in the query, so that the
 * planner knows how many folded rows it reads (a year's: hashed, not sorted on disk).
 */
export function factsOf(scope: FactScope, wanted: readonly Dimension[], foldedThrough: string | null): SQL {
  const { centreId, from, to } = scope
  const filters = sql.join(
    [
      sql`true`,
      ...(scope.area ? [sql`f.area_id = ${scope.area}`] : []),
      ...(scope.partner ? [sql`f.partner_id = ${scope.partner}`] : []),
    ],
    sql` and `,
  )
  const dimensionList = sql.join(
    wanted.map((dimension) => sql`${dimension}`),
    sql`, `,
  )
  const foldedTo = foldedThrough && foldedThrough < to ? foldedThrough : to
  const rawFrom = foldedThrough && foldedThrough >= from ? shiftDay(foldedThrough, 1) : from
  const parts = [
    ...(foldedThrough && foldedThrough >= from
      ? [
          sql`select service_date, dimension, key, area_id, partner_id, count from stat_fact
            where centre_id = ${centreId} and dimension in (${dimensionList})
              and service_date between ${from}::date and ${foldedTo}::date`,
        ]
      : []),
    // The raw part covers only days after the fold.
    ...(rawFrom <= to ? [sql`select * from (${rawFacts({ centreId, from: rawFrom, to }, wanted)}) raw`] : []),
  ]
  if (parts.length === 0)
    return sql`(select null::date as service_date, ''::text as dimension, ''::text as key,
    null::uuid as area_id, null::uuid as partner_id, 0 as count where false)`
  return sql`(select * from (${sql.join(parts, sql` union all `)}) f where ${filters})`
}

const shiftDay = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** The last day of a centre folded into `stat_fact`, or null. */
export async function foldedThroughOf(db: Database, centreId: string): Promise<string | null> {
  const [row] = rowsOf<{ through: string | null }>(
    await db.execute(sql`select to_char(statistics_folded_through, 'YYYY-MM-DD') as through from centre
      where id = ${centreId}`),
  )
  return row?.through ?? null
}

export type FactGroup = 'day' | 'area' | 'weekday' | 'total'
const groupExpressions: Record<FactGroup, SQL> = {
  day: sql`to_char(service_date, 'YYYY-MM-DD')`,
  area: sql`area_id::text`,
  weekday: sql`extract(isodow from service_date)::int::text`,
  total: sql`''`,
}

export type FactCount = { group: string | null; key: string; count: number }

export type FactRequest = { dimension: Dimension; by: FactGroup }

/**
 * Several dimensions' counts, each summed by key and by day, area, weekday or not at all: one query per
 * breakdown, run side by side (a server's connections answer them at once). Answers one list of counts
 * per request, in order.
 */
export async function countFactsMany(
  db: Database,
  scope: FactScope,
  requests: readonly FactRequest[],
): Promise<FactCount[][]> {
  const foldedThrough = await foldedThroughOf(db, scope.centreId)
  return Promise.all(
    requests.map(async ({ dimension, by }) =>
      rowsOf<FactCount>(
        await db.execute(sql`
          select ${groupExpressions[by]} as "group", key, sum(count)::int as count
          from ${factsOf(scope, [dimension], foldedThrough)} facts
          where dimension = ${dimension} group by 1, 2`),
      ),
    ),
  )
}

/** One dimension's counts summed by key and by day, area, weekday or not at all. */
export async function countFacts(
  db: Database,
  scope: FactScope,
  dimension: Dimension,
  by: FactGroup = 'total',
): Promise<FactCount[]> {
  const [counts] = await countFactsMany(db, scope, [{ dimension, by }])
  return counts ?? []
}

/** The whole number below which half the values fall, from counts by value (null when there are none). */
export function medianOf(counts: readonly { value: number; count: number }[]): number | null {
  const sorted = [...counts].sort((a, b) => a.value - b.value)
  const total = sorted.reduce((sum, { count }) => sum + count, 0)
  if (total === 0) return null
  let seen = 0
  for (const { value, count } of sorted) {
    seen += count
    if (seen * 2 >= total) return value
  }
  return sorted.at(-1)?.value ?? null
}

/** Every day of a period, in order. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += 86_400_000)
    days.push(new Date(day).toISOString().slice(0, 10))
  return days
}

/** A count per key of some counts (absent keys count 0). */
export const byKey = (counts: readonly FactCount[]) => {
  const map = new Map<string, number>()
  for (const { key, count } of counts) map.set(key, (map.get(key) ?? 0) + count)
  return map
}

/** A count per group (day, area…) of some counts. */
export const byGroup = (counts: readonly FactCount[]) => {
  const map = new Map<string, number>()
  for (const { group, count } of counts) map.set(group ?? '', (map.get(group ?? '') ?? 0) + count)
  return map
}

export type NamedArea = { id: string | null; name: Record<string, string> }

/** The centre's areas in their order, with a nameless entry for facts whose area was removed. */
export async function areasOf(db: Database, centreId: string, ids: Iterable<string>): Promise<NamedArea[]> {
  const rows = rowsOf<{ id: string; name: Record<string, string> }>(
    await db.execute(sql`select id, name from area where centre_id = ${centreId} order by position, slug`),
  )
  const wanted = new Set(ids)
  const named: NamedArea[] = rows.filter((row) => wanted.has(row.id))
  if (wanted.has('')) named.push({ id: null, name: {} })
  return named
}
