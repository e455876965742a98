import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import { pickText } from '../../../shared/i18n/locales'
import {
  type ExportTable,
  minuteBands,
  type NetworkStatistics,
  type Published,
  type StatisticsQuery,
} from '../../../shared/schemas/statistics'
import type { Database } from '../../db/client'
import { eventStatistics } from './event-statistics'
import { interviewStatistics } from './interview-statistics'
import { profileStatistics } from './profile-statistics'
import { selfServiceStatistics } from './self-service'
import { visitStatistics } from './visit-statistics'

type Cell = string | number | null
type Table = { columns: string[]; rows: Cell[][] }

/** Which tables a partner coordinator may export: those about their partner's interviews and events. */
export const partnerTables: readonly ExportTable[] = [
  'interviews-by-day',
  'interviews-by-area',
  'interviews-by-theme',
  'interviews-by-outcome',
  'referrals',
  'events-by-type',
]

/**
 * One table of a dashboard as CSV rows, from the same protected figures the dashboard shows: a small
 * count is written "<k", a count hidden so that a total cannot give a small one back "x". Nothing that
 * is not on the dashboard can leave through an export.
 */
export async function statisticsTable(options: {
  db: Database
  centreId: string
  timezone: string
  query: StatisticsQuery
  k: number
  table: ExportTable
  language: string
}): Promise<Table> {
  const { table, language } = options
  const cell = (value: Published): Cell =>
    value === 'small' ? `<${options.k}` : value === 'hidden' ? 'x' : value
  const name = (text: Record<string, string>) => pickText(text, language)
  switch (table) {
    case 'visits-by-day':
    case 'visits-by-area':
    case 'visits-by-hour':
    case 'visits-by-outcome':
    case 'visits-by-channel':
    case 'visits-by-language':
    case 'waiting-times':
    case 'service-times': {
      const visits = await visitStatistics(options)
      if (table === 'visits-by-day')
        return { columns: ['date', 'visits'], rows: visits.byDay.map((row) => [row.date, cell(row.count)]) }
      if (table === 'visits-by-area')
        return {
          columns: ['area', 'visits'],
          rows: visits.byArea.map((row) => [name(row.name), cell(row.count)]),
        }
      if (table === 'visits-by-outcome')
        return {
          columns: ['outcome', 'visits'],
          rows: visits.byOutcome.map((row) => [row.outcome, cell(row.count)]),
        }
      if (table === 'visits-by-channel')
        return {
          columns: ['channel', 'visits'],
          rows: visits.byChannel.map((row) => [row.channel, cell(row.count)]),
        }
      if (table === 'visits-by-language')
        return {
          columns: ['language', 'visits'],
          rows: visits.byLanguage.map((row) => [row.language, cell(row.count)]),
        }
      if (table === 'visits-by-hour')
        return {
          columns: ['weekday', ...visits.heatMap.hours.map((hour) => `${hour}h`)],
          rows: visits.heatMap.rows.map((row) => [row.weekday, ...row.counts.map(cell)]),
        }
      const durations = table === 'waiting-times' ? visits.waiting : visits.service
      return {
        columns: ['area', ...minuteBands.map((band) => `${band} min`), 'total', 'median_minutes'],
        rows: durations.map((row) => [
          name(row.name),
          ...row.bands.map((band) => cell(band.count)),
          cell(row.total),
          row.medianMinutes,
        ]),
      }
    }
    case 'interviews-by-day':
    case 'interviews-by-area':
    case 'interviews-by-theme':
    case 'interviews-by-outcome':
    case 'referrals': {
      const interviews = await interviewStatistics(options)
      if (table === 'interviews-by-day')
        return {
          columns: ['date', 'interviews'],
          rows: interviews.byDay.map((row) => [row.date, cell(row.count)]),
        }
      if (table === 'interviews-by-area')
        return {
          columns: ['area', 'interviews'],
          rows: interviews.byArea.map((row) => [name(row.name), cell(row.count)]),
        }
      if (table === 'interviews-by-theme')
        return {
          columns: ['theme', 'interviews'],
          rows: interviews.byTheme.map((row) => [name(row.name), cell(row.count)]),
        }
      if (table === 'interviews-by-outcome')
        return {
          columns: ['outcome', 'interviews'],
          rows: interviews.byOutcome.map((row) => [row.outcome, cell(row.count)]),
        }
      return {
        columns: ['service', 'referrals'],
        rows: interviews.byReferral.map((row) => [row.label, cell(row.count)]),
      }
    }
    case 'profiles': {
      const profiles = await profileStatistics(options)
      return {
        columns: ['question', 'answer', 'profiles'],
        rows: profiles.questions.flatMap((question) =>
          question.answers.map((answer) => [question.question, answer.answer, cell(answer.count)]),
        ),
      }
    }
    case 'events-by-type': {
      const events = await eventStatistics(options)
      return {
        columns: ['type', 'sessions', 'seats_booked', 'checked_in', 'drop_ins'],
        rows: events.byType.map((row) => [
          row.type,
          row.sessions,
          cell(row.booked),
          cell(row.checkedIn),
          cell(row.dropIns),
        ]),
      }
    }
    case 'self-service-by-day':
    case 'top-resources':
    case 'top-occupations':
    case 'top-queries':
    case 'guide': {
      const use = await selfServiceStatistics(options)
      if (table === 'guide')
        return {
          columns: ['what', 'count'],
          rows: [
            ...use.guide.situations.map((row): Cell[] => [`situation:${row.situation}`, cell(row.count)]),
            ['sentence:understood', cell(use.guide.understood)],
            ['sentence:not_understood', cell(use.guide.notUnderstood)],
          ],
        }
      if (table === 'self-service-by-day')
        return {
          columns: ['date', 'resource_views', 'occupation_views', 'searches'],
          rows: use.byDay.map((row) => [
            row.date,
            cell(row.resourceViews),
            cell(row.occupationViews),
            cell(row.searches),
          ]),
        }
      if (table === 'top-resources')
        return {
          columns: ['resource', 'views'],
          rows: use.topResources.map((row) => [row.title, cell(row.count)]),
        }
      if (table === 'top-occupations')
        return {
          columns: ['taxonomy', 'code', 'occupation', 'views'],
          rows: use.topOccupations.map((row) => [row.taxonomy, row.code, row.title, cell(row.count)]),
        }
      return {
        columns: ['query', 'searches'],
        rows: use.topQueries.map((row) => [row.query, cell(row.count)]),
      }
    }
  }
}

/** Every centre side by side, each count written as its own centre's dashboards write it. */
export function networkTable(figures: NetworkStatistics, language: string): Table {
  const cell = (value: Published, k: number): Cell =>
    value === 'small' ? `<${k}` : value === 'hidden' ? 'x' : value
  return {
    columns: ['centre', 'visits', 'interviews', 'event_participants', 'self_service', 'threshold'],
    rows: figures.centres.map((row) => [
      pickText(row.name, language),
      cell(row.visits, row.k),
      cell(row.interviews, row.k),
      cell(row.eventParticipants, row.k),
      cell(row.selfService, row.k),
      row.k,
    ]),
  }
}

/**
 * A table as a stream of CSV text: UTF-8 with a byte-order mark and CRLF line ends, like the catalogue
 * export (decision 010), written row by row as the client reads it.
 */
export function csvStream(table: Table): ReadableStream<Uint8Array> {
  const csv = stringify({ bom: true, header: true, columns: table.columns, record_delimiter: 'windows' })
  const rows = Readable.from(table.rows)
  rows.pipe(csv)
  return Readable.toWeb(csv) as unknown as ReadableStream<Uint8Array>
}
