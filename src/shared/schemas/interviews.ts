import { z } from '../validation'
import { localizedTextSchema, slugSchema } from './common'

/** What happened in an interview; several may apply. */
export const interviewOutcomes = [
  'information',
  'resources',
  'referral',
  'transfer',
  'come_back',
  'event',
] as const
export type InterviewOutcome = (typeof interviewOutcomes)[number]

const unique = <T>(values: T[]) => [...new Set(values)]

/**
 * An interview as the counsellor records it when closing a step: themes, outcomes, services referred to,
 * the language used. Nothing about the person. Naming services means a referral was made.
 */
export const interviewInputSchema = z
  .object({
    themeIds: z.array(z.uuid()).max(10).default([]).transform(unique),
    outcomes: z.array(z.enum(interviewOutcomes)).max(interviewOutcomes.length).default([]).transform(unique),
    serviceIds: z.array(z.uuid()).max(5).default([]).transform(unique),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'validation.language')
      .optional(),
  })
  .transform((value) =>
    value.serviceIds.length > 0 && !value.outcomes.includes('referral')
      ? { ...value, outcomes: [...value.outcomes, 'referral' as const] }
      : value,
  )
  .superRefine((value, ctx) => {
    if (value.outcomes.includes('referral') && value.serviceIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['serviceIds'], message: 'validation.referralNeedsService' })
  })
export type InterviewInput = z.input<typeof interviewInputSchema>

/** A theme of the centre's list, as managers write it: for one area, or every area (`areaId` null). */
export const interviewThemeInputSchema = z.object({
  slug: slugSchema,
  name: localizedTextSchema({ max: 120, required: true }),
  areaId: z.uuid().nullable().default(null),
  position: z.number().int().min(0).max(999).default(0),
  archived: z.boolean().default(false),
})
export type InterviewThemeInput = z.input<typeof interviewThemeInputSchema>

export const interviewThemeSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.record(z.string(), z.string()),
    areaId: z.uuid().nullable(),
    position: z.number().int(),
    archived: z.boolean(),
  })
  .meta({ id: 'InterviewTheme' })
export type InterviewTheme = z.infer<typeof interviewThemeSchema>
