import { z } from '../validation'
import { isoDateSchema } from './common'
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

export const statisticsQuerySchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    area: z.uuid().optional(),
    partner: z.uuid().optional(),
  })
  .superRefine((query, ctx) => {
    if (query.to < query.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.periodEndsBeforeStart' })
    else if ((Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 > MAX_PERIOD_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.periodTooLong' })
  })
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>

/**
 * A published count: the number; `small` when it is from 1 to k−1 (shown "<k"); `hidden` when it is
 * withheld so that a total cannot give a small one back.
 */
const published = z.union([z.number().int(), z.enum(['small', 'hidden'])])

export const interviewStatisticsSchema = z
  .object({
    k: z.number().int(),
    from: z.string(),
    to: z.string(),
    total: published,
    byDay: z.array(z.object({ date: z.string(), count: published })),
    byArea: z.array(
      z.object({ id: z.uuid().nullable(), name: z.record(z.string(), z.string()), count: published }),
    ),
    byTheme: z.array(z.object({ id: z.uuid(), name: z.record(z.string(), z.string()), count: published })),
    byOutcome: z.array(z.object({ outcome: z.enum(interviewOutcomes), count: published })),
    byReferral: z.array(z.object({ label: z.string(), count: published })),
    /** The median length of an interview, when at least k interviews make it. */
    medianMinutes: z.number().nullable(),
  })
  .meta({ id: 'InterviewStatistics' })
export type InterviewStatistics = z.infer<typeof interviewStatisticsSchema>

/** Visit profiles over a period: for each question, how many gave each answer (bands, never people). */
export const profileStatisticsSchema = z
  .object({
    k: z.number().int(),
    total: published,
    questions: z.array(
      z.object({
        question: z.enum(['ageBand', 'situation', 'education', 'firstVisit', 'heardFrom']),
        answers: z.array(z.object({ answer: z.string(), count: published })),
      }),
    ),
  })
  .meta({ id: 'ProfileStatistics' })
export type ProfileStatistics = z.infer<typeof profileStatisticsSchema>
