import { addDays, format, parseISO } from 'date-fns'
import { eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { centre } from '../../db/schema/centres'
import { localDateOf } from '../centres/opening-status'
import { dimensions, rawFacts } from './facts'

const shift = (date: string, days: number) => format(addDays(parseISO(date), days), 'yyyy-MM-dd')

/**
 * Folds every day before today into `stat_fact`, for every centre: the day's facts are counted from the
 * raw records and the centre's `statistics_folded_through` moves on, in one transaction under the
 * centre's row lock, so two instances folding at once fold each day once. Idempotent.
 */
export async function foldStatistics({ db, now }: { db: Database; now: Date }): Promise<number> {
  let folded = 0
  for (const { id } of await db.select({ id: centre.id }).from(centre)) {
    folded += await foldCentre(db, id, now)
  }
  // The embedded database has no autovacuum: without fresh statistics its planner takes a year of facts
  // (and of self-service counts) for a handful of rows and joins them row by row.
  if (folded > 0) await db.execute(sql`analyze stat_fact, usage_count`)
  return folded
}

async function foldCentre(db: Database, centreId: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const [home] = rowsOf<{ timezone: string; through: string | null }>(
      await tx.execute(sql`select timezone, to_char(statistics_folded_through, 'YYYY-MM-DD') as through
        from centre where id = ${centreId} for update`),
    )
    if (!home) return 0
    const yesterday = shift(localDateOf(now, home.timezone), -1)
    if (home.through && home.through >= yesterday) return 0
    const [first] = rowsOf<{ day: string | null }>(
      await tx.execute(sql`select to_char(least(
          (select min(service_date) from ticket where centre_id = ${centreId}),
          (select min(service_date) from interview where centre_id = ${centreId}),
          (select min(service_date) from visit_profile where centre_id = ${centreId})), 'YYYY-MM-DD') as day`),
    )
    const from = home.through ? shift(home.through, 1) : first?.day
    let days = 0
    if (from && from <= yesterday) {
      await tx.execute(sql`delete from stat_fact
        where centre_id = ${centreId} and service_date between ${from}::date and ${yesterday}::date`)
      await tx.execute(sql`insert into stat_fact
          (centre_id, service_date, dimension, key, area_id, partner_id, count)
        select ${centreId}::uuid, facts.* from (${rawFacts({ centreId, from, to: yesterday }, Object.values(dimensions))}) facts`)
      days = Math.round((parseISO(yesterday).getTime() - parseISO(from).getTime()) / 86_400_000) + 1
    }
    await tx.update(centre).set({ statisticsFoldedThrough: yesterday }).where(eq(centre.id, centreId))
    return days
  })
}

export type PurgeReport = {
  days: number
  tickets: number
  interviews: number
  profiles: number
  queries: number
}

/**
 * The retention rule: raw tickets (with their steps and handover notes), interview records and visit
 * profiles older than the centre's retention period are deleted, once their days are folded into daily
 * facts (the fold runs first). Search words older than the period go too, unless asked on at least k
 * different days. Run daily by the server and by `cdm purge`.
 */
export async function purgeRawRecords({ db, now }: { db: Database; now: Date }): Promise<PurgeReport> {
  const report: PurgeReport = {
    days: await foldStatistics({ db, now }),
    tickets: 0,
    interviews: 0,
    profiles: 0,
    queries: 0,
  }
  const homes = await db
    .select({
      id: centre.id,
      timezone: centre.timezone,
      retentionDays: centre.retentionDays,
      k: centre.disclosureThreshold,
      through: centre.statisticsFoldedThrough,
    })
    .from(centre)
  for (const home of homes) {
    if (!home.through) continue
    const cutoff = shift(localDateOf(now, home.timezone), -home.retentionDays)
    // Only folded days are purged, whatever the period says.
    const last = home.through < cutoff ? home.through : shift(cutoff, -1)
    await db.transaction(async (tx) => {
      const count = async (statement: ReturnType<typeof sql>) => rowsOf(await tx.execute(statement)).length
      report.tickets += await count(sql`delete from ticket
        where centre_id = ${home.id} and service_date <= ${last}::date returning 1`)
      report.interviews += await count(sql`delete from interview
        where centre_id = ${home.id} and service_date <= ${last}::date returning 1`)
      report.profiles += await count(sql`delete from visit_profile
        where centre_id = ${home.id} and service_date <= ${last}::date returning 1`)
      // The words never searched on k days, found once, then deleted by that list: a count per row
      // (or an `in (subquery)`, which PGlite plans badly) takes seconds every hour on a year of words.
      const rare = rowsOf<{ key: string }>(
        await tx.execute(sql`select key from usage_count
          where centre_id = ${home.id} and kind = 'search_query'
          group by key having count(*) < ${home.k} and min(day) < ${cutoff}::date`),
      ).map((row) => row.key)
      for (let start = 0; start < rare.length; start += 1000)
        report.queries += await count(sql`delete from usage_count
          where centre_id = ${home.id} and kind = 'search_query' and day < ${cutoff}::date
            and key in (${sql.join(
              rare.slice(start, start + 1000).map((key) => sql`${key}`),
              sql`, `,
            )})
          returning 1`)
    })
  }
  return report
}
