import type { EventType } from '../../../shared/schemas/events'
import type { EventStatistics, StatisticsQuery } from '../../../shared/schemas/statistics'
import type { Database } from '../../db/client'
import { type AttendanceCounts, countAttendance } from '../events/attendance'
import { protectTable } from './disclosure'

/**
 * Events over a period by type: sessions held, seats booked, people checked in and people who came
 * without booking. Types split the sessions, so each measure is a column of one table protected with its
 * totals. `partner` keeps the events a partner organises (a partner coordinator's view).
 */
export async function eventStatistics(options: {
  db: Database
  centreId: string
  timezone: string
  query: StatisticsQuery
  k: number
}): Promise<EventStatistics> {
  const { db, centreId, timezone, query, k } = options
  const items = await countAttendance({
    db,
    centreId,
    timezone,
    filters: { from: query.from, to: query.to, by: 'type' },
    partnerId: query.partner,
  })
  const measures = [
    (row: AttendanceCounts) => row.bookedSeats,
    (row: AttendanceCounts) => row.checkedIn,
    (row: AttendanceCounts) => row.dropIns,
  ]
  // One table per measure: rows are types, one column, so the column total is the measure's total.
  const [booked, checkedIn, dropIns] = measures.map((pick) =>
    protectTable(
      items.map((row) => [pick(row)]),
      k,
    ),
  )
  const cell = (table: typeof booked, index: number) => table?.cells[index]?.[0] ?? 'hidden'
  return {
    k,
    from: query.from,
    to: query.to,
    sessions: items.reduce((sum, row) => sum + row.sessions, 0),
    booked: booked?.total ?? 0,
    checkedIn: checkedIn?.total ?? 0,
    dropIns: dropIns?.total ?? 0,
    byType: items.map((row, index) => ({
      type: row.key as EventType,
      sessions: row.sessions,
      booked: cell(booked, index),
      checkedIn: cell(checkedIn, index),
      dropIns: cell(dropIns, index),
    })),
  }
}
