import { type SQL, sql } from 'drizzle-orm'
import type { Attendance, AttendanceFilters } from '../../../shared/schemas/events'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { area, partner } from '../../db/schema/centres'
import { booking, event, eventArea, eventOrganiser, eventSession } from '../../db/schema/events'
import { protectCount, protectSeries } from '../statistics/disclosure'
import { startOfDay } from './programme'

/** What a row is counted by, and the join that gives it (an event in two areas counts in both). */
const groupings: Record<AttendanceFilters['by'], { key: SQL; join: SQL }> = {
  type: { key: sql`${event.type}`, join: sql`` },
  area: {
    key: sql`a.slug`,
    join: sql`join ${eventArea} ea on ea.event_id = ${event.id} join ${area} a on a.id = ea.area_id`,
  },
  partner: {
    key: sql`p.name`,
    join: sql`join ${eventOrganiser} eo on eo.event_id = ${event.id} join ${partner} p on p.id = eo.partner_id`,
  },
}

export type AttendanceCounts = {
  key: string
  sessions: number
  bookedSeats: number
  checkedIn: number
  dropIns: number
}

/**
 * Attendance between two of the centre's days, counted by event type, area or partner: sessions held,
 * seats booked, people checked in with a booking and people who came without one. Counts only: no row
 * is ever about a person. Cancelled sessions are left out. `partnerId` keeps the events a partner
 * organises. The counts are exact: what leaves the server goes through `attendance` (or the statistics).
 */
export async function countAttendance(options: {
  db: Database
  centreId: string
  timezone: string
  filters: AttendanceFilters
  partnerId?: string
}): Promise<AttendanceCounts[]> {
  const { db, centreId, timezone, filters, partnerId } = options
  const grouping = groupings[filters.by]
  const from = startOfDay(filters.from, timezone)
  const to = startOfDay(filters.to, timezone, 1)
  const result = await db.execute(sql`
    with held as (
      select ${eventSession.id} as id, ${eventSession.eventId} as event_id, ${eventSession.dropIns} as drop_ins,
        coalesce((select sum(b.seats) from ${booking} b
                  where b.session_id = ${eventSession.id} and b.status = 'confirmed'), 0) as booked,
        coalesce((select sum(b.checked_in) from ${booking} b where b.session_id = ${eventSession.id}), 0)
          as checked_in
      from ${eventSession}
      join ${event} on ${event.id} = ${eventSession.eventId}
      where ${eventSession.centreId} = ${centreId}
        and ${eventSession.startsAt} >= ${from} and ${eventSession.startsAt} < ${to}
        and ${eventSession.cancelledAt} is null and ${event.cancelledAt} is null
        ${partnerId ? sql`and exists (select 1 from ${eventOrganiser} o where o.event_id = ${event.id} and o.partner_id = ${partnerId})` : sql``}
    )
    select ${grouping.key} as key, count(*) as sessions, sum(held.booked) as booked,
      sum(held.checked_in) as checked_in, sum(held.drop_ins) as drop_ins
    from held join ${event} on ${event.id} = held.event_id ${grouping.join}
    group by 1 order by 1`)
  type Row = { key: string; sessions: string; booked: string; checked_in: string; drop_ins: string }
  return rowsOf<Row>(result).map((row) => ({
    key: row.key,
    sessions: Number(row.sessions),
    bookedSeats: Number(row.booked),
    checkedIn: Number(row.checked_in),
    dropIns: Number(row.drop_ins),
  }))
}

/**
 * Attendance as published: every count of people from 1 to k−1 withheld. Event types split the sessions,
 * so each column is protected as a series with its total; an event in two areas (or run by two partners)
 * counts in both, so those counts are protected one by one. Sessions are not people: published as they are.
 */
export async function attendance(
  options: Parameters<typeof countAttendance>[0] & { k: number },
): Promise<Attendance> {
  const { k, filters } = options
  const items = await countAttendance(options)
  const column = (pick: (row: AttendanceCounts) => number) =>
    filters.by === 'type'
      ? protectSeries(items.map(pick), k).values
      : items.map((row) => protectCount(pick(row), k))
  const [booked, checkedIn, dropIns] = [
    column((row) => row.bookedSeats),
    column((row) => row.checkedIn),
    column((row) => row.dropIns),
  ]
  return {
    from: filters.from,
    to: filters.to,
    by: filters.by,
    k,
    items: items.map((row, index) => ({
      key: row.key,
      sessions: row.sessions,
      bookedSeats: booked[index] ?? 'hidden',
      checkedIn: checkedIn[index] ?? 'hidden',
      dropIns: dropIns[index] ?? 'hidden',
    })),
  }
}
