import { sql } from 'drizzle-orm'
import type { NetworkStatistics, NetworkStatisticsQuery } from '../../../shared/schemas/statistics'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { centre } from '../../db/schema/centres'
import { countAttendance } from '../events/attendance'
import { protectCount } from './disclosure'
import { countFactsMany, dimensions } from './facts'

const sum = (rows: readonly { count: number }[]) => rows.reduce((total, row) => total + row.count, 0)

/**
 * Every centre of the deployment side by side over a period: visits, interviews, people at events and
 * self-service use (page views and searches). Each figure is protected with its own centre's threshold;
 * no network total is published beside them.
 */
export async function networkStatistics(options: {
  db: Database
  query: NetworkStatisticsQuery
}): Promise<NetworkStatistics> {
  const { db, query } = options
  const homes = await db
    .select({
      id: centre.id,
      slug: centre.slug,
      name: centre.name,
      timezone: centre.timezone,
      k: centre.disclosureThreshold,
    })
    .from(centre)
    .orderBy(centre.slug)
  const centres = []
  for (const home of homes) {
    const scope = { centreId: home.id, from: query.from, to: query.to }
    const [[visits = [], interviews = []], events, usage] = await Promise.all([
      countFactsMany(db, scope, [
        { dimension: dimensions.visitStatus, by: 'total' },
        { dimension: dimensions.interview, by: 'total' },
      ]),
      countAttendance({ db, centreId: home.id, timezone: home.timezone, filters: { ...query, by: 'type' } }),
      db.execute(sql`select coalesce(sum(count), 0)::int as count from usage_count
        where centre_id = ${home.id} and day between ${query.from}::date and ${query.to}::date
          and kind in ('resource_view', 'occupation_view', 'search')`),
    ])
    centres.push({
      slug: home.slug,
      name: home.name,
      k: home.k,
      visits: protectCount(sum(visits), home.k),
      interviews: protectCount(sum(interviews), home.k),
      eventParticipants: protectCount(
        events.reduce((total, row) => total + row.checkedIn + row.dropIns, 0),
        home.k,
      ),
      selfService: protectCount(rowsOf<{ count: number }>(usage)[0]?.count ?? 0, home.k),
    })
  }
  return { from: query.from, to: query.to, centres }
}
