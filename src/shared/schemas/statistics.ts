import { z } from '../validation'
import { isoDateSchema, publishedCountSchema } from './common'
import { eventTypes } from './events'
import { guideSituations } from './guide'
import { interviewOutcomes } from './interviews'

/** How a centre's statistics are protected and kept. */
export const statisticsSettingsSchema = z
  .object({
    /** k: counts from 1 to k−1 are withheld ("<k") everywhere. */
    threshold: z.number().int().min(2, 'validation.thresholdTooSmall').max(50),
    /** Days raw records are kept before being folded into daily figures. */
    retentionDays: z.number().int().min(7).max(3650),
  })
  .meta({ id: 'StatisticsSettings' })
export type StatisticsSettings = z.infer<typeof statisticsSettingsSchema>

/** The longest period one request may cover. */
export const MAX_PERIOD_DAYS = 3 * 366

/** A period of at most three years that does not end before it starts, said in words otherwise. */
const checkPeriod = (query: { from: string; to: string }, ctx: z.RefinementCtx) => {
  if (query.to < query.from)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.periodEndsBeforeStart' })
  else if ((Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 > MAX_PERIOD_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.periodTooLong' })
}

const statisticsQueryShape = {
  from: isoDateSchema,
  to: isoDateSchema,
  area: z.uuid().optional(),
  partner: z.uuid().optional(),
}

export const statisticsQuerySchema = z.object(statisticsQueryShape).superRefine(checkPeriod)
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>

export const publishedSchema = publishedCountSchema

/** What every set of figures starts with: the threshold it was protected with, and its period. */
const protectedPeriod = { k: z.number().int(), from: z.string(), to: z.string() }

export const interviewStatisticsSchema = z
  .object({
    ...protectedPeriod,
    total: publishedSchema,
    byDay: z.array(z.object({ date: z.string(), count: publishedSchema })),
    byArea: z.array(
      z.object({ id: z.uuid().nullable(), name: z.record(z.string(), z.string()), count: publishedSchema }),
    ),
    byTheme: z.array(
      z.object({ id: z.uuid(), name: z.record(z.string(), z.string()), count: publishedSchema }),
    ),
    byOutcome: z.array(z.object({ outcome: z.enum(interviewOutcomes), count: publishedSchema })),
    byReferral: z.array(z.object({ label: z.string(), count: publishedSchema })),
    /** The median length of an interview, when at least k interviews make it. */
    medianMinutes: z.number().nullable(),
  })
  .meta({ id: 'InterviewStatistics' })
export type InterviewStatistics = z.infer<typeof interviewStatisticsSchema>

/** Visit profiles over a period: for each question, how many gave each answer (bands, never people). */
export const profileStatisticsSchema = z
  .object({
    k: z.number().int(),
    total: publishedSchema,
    questions: z.array(
      z.object({
        question: z.enum(['ageBand', 'situation', 'education', 'firstVisit', 'heardFrom']),
        answers: z.array(z.object({ answer: z.string(), count: publishedSchema })),
      }),
    ),
  })
  .meta({ id: 'ProfileStatistics' })
export type ProfileStatistics = z.infer<typeof profileStatisticsSchema>
export type Published = z.infer<typeof publishedSchema>

const namedArea = { id: z.uuid().nullable(), name: z.record(z.string(), z.string()) }

/** The bands waits and service times are shown in, in minutes (the last one open-ended). */
export const minuteBands = ['0-4', '5-9', '10-19', '20-29', '30-44', '45-59', '60+'] as const
export type MinuteBand = (typeof minuteBands)[number]

/** How long people waited (or were served) in one area: counts per band and the median. */
const durationsSchema = z.object({
  ...namedArea,
  total: publishedSchema,
  bands: z.array(z.object({ band: z.enum(minuteBands), count: publishedSchema })),
  /** The median in whole minutes, when at least k durations make it. */
  medianMinutes: z.number().nullable(),
})

export const ticketOutcomes = [
  'done',
  'no_show',
  'cancelled',
  'closed',
  'waiting',
  'called',
  'in_service',
] as const

/** Walk-in visits (tickets) over a period. */
export const visitStatisticsSchema = z
  .object({
    ...protectedPeriod,
    total: publishedSchema,
    byDay: z.array(z.object({ date: z.string(), count: publishedSchema })),
    byArea: z.array(z.object({ ...namedArea, count: publishedSchema })),
    /** Tickets by weekday (1 = Monday … 7) and hour of arrival, protected as one table. */
    heatMap: z.object({
      hours: z.array(z.number().int()),
      rows: z.array(z.object({ weekday: z.number().int(), counts: z.array(publishedSchema) })),
    }),
    byOutcome: z.array(z.object({ outcome: z.enum(ticketOutcomes), count: publishedSchema })),
    byChannel: z.array(
      z.object({ channel: z.enum(['kiosk', 'reception', 'portal']), count: publishedSchema }),
    ),
    byLanguage: z.array(z.object({ language: z.string(), count: publishedSchema })),
    waiting: z.array(durationsSchema),
    service: z.array(durationsSchema),
  })
  .meta({ id: 'VisitStatistics' })
export type VisitStatistics = z.infer<typeof visitStatisticsSchema>

/** Events over a period: sessions held (not people), seats booked, people checked in and drop-ins. */
export const eventStatisticsSchema = z
  .object({
    ...protectedPeriod,
    sessions: z.number().int(),
    booked: publishedSchema,
    checkedIn: publishedSchema,
    dropIns: publishedSchema,
    byType: z.array(
      z.object({
        type: z.enum(eventTypes),
        sessions: z.number().int(),
        booked: publishedSchema,
        checkedIn: publishedSchema,
        dropIns: publishedSchema,
      }),
    ),
  })
  .meta({ id: 'EventStatistics' })
export type EventStatistics = z.infer<typeof eventStatisticsSchema>

/** Self-service use over a period: page views and searches counted by day, never by person. */
export const selfServiceStatisticsSchema = z
  .object({
    ...protectedPeriod,
    resourceViews: publishedSchema,
    occupationViews: publishedSchema,
    searches: publishedSchema,
    kioskTickets: publishedSchema,
    byDay: z.array(
      z.object({
        date: z.string(),
        resourceViews: publishedSchema,
        occupationViews: publishedSchema,
        searches: publishedSchema,
      }),
    ),
    topResources: z.array(z.object({ id: z.uuid(), title: z.string(), count: publishedSchema })),
    topOccupations: z.array(
      z.object({ taxonomy: z.string(), code: z.string(), title: z.string(), count: publishedSchema }),
    ),
    /** Words searched on at least k different days, most asked first. */
    topQueries: z.array(z.object({ query: z.string(), count: publishedSchema })),
    /** "Where do I start?": situations chosen, and sentences typed that led to an area or not. */
    guide: z.object({
      situations: z.array(z.object({ situation: z.enum(guideSituations), count: publishedSchema })),
      understood: publishedSchema,
      notUnderstood: publishedSchema,
    }),
  })
  .meta({ id: 'SelfServiceStatistics' })
export type SelfServiceStatistics = z.infer<typeof selfServiceStatisticsSchema>

export const networkStatisticsQuerySchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .superRefine(checkPeriod)
export type NetworkStatisticsQuery = z.infer<typeof networkStatisticsQuerySchema>

/** Every centre of the network side by side, each figure protected with the centre's own k. */
export const networkStatisticsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    centres: z.array(
      z.object({
        slug: z.string(),
        name: z.record(z.string(), z.string()),
        k: z.number().int(),
        visits: publishedSchema,
        interviews: publishedSchema,
        eventParticipants: publishedSchema,
        selfService: publishedSchema,
      }),
    ),
  })
  .meta({ id: 'NetworkStatistics' })
export type NetworkStatistics = z.infer<typeof networkStatisticsSchema>

/** The tables a CSV export can give, each one of a dashboard's tables. */
export const exportTables = [
  'visits-by-day',
  'visits-by-area',
  'visits-by-hour',
  'visits-by-outcome',
  'visits-by-channel',
  'visits-by-language',
  'waiting-times',
  'service-times',
  'interviews-by-day',
  'interviews-by-area',
  'interviews-by-theme',
  'interviews-by-outcome',
  'referrals',
  'profiles',
  'events-by-type',
  'self-service-by-day',
  'top-resources',
  'top-occupations',
  'top-queries',
  'guide',
] as const
export type ExportTable = (typeof exportTables)[number]

export const statisticsExportQuerySchema = z
  .object({ ...statisticsQueryShape, table: z.enum(exportTables) })
  .superRefine(checkPeriod)
