import { z } from '../validation'
import { isoDateSchema, textSchema, timeOfDaySchema } from './common'

/** What a duty shift offers a visitor: the kind of advice, said without naming anyone. */
export const expertises = [
  'general_guidance',
  'job_search',
  'labour_law',
  'business_creation',
  'training',
  'recognition_of_experience',
  'work_abroad',
  'youth',
  'social_rights',
] as const
export type Expertise = (typeof expertises)[number]

/**
 * A shift as the rota's keepers write it: every week on a weekday (from and until optional days), or
 * once on a date; an area, an expertise, languages, and who staffs it — a partner, and one of its
 * counsellors when known.
 */
export const shiftInputSchema = z
  .object({
    areaId: z.uuid(),
    partnerId: z.uuid().nullable().default(null),
    counsellorId: textSchema(100).pipe(z.string().min(1)).nullable().default(null),
    expertise: z.enum(expertises),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'validation.language'))
      .min(1)
      .max(10)
      .transform((languages) => [...new Set(languages)]),
    weekday: z.number().int().min(1).max(7).nullable().default(null),
    onDate: isoDateSchema.nullable().default(null),
    startsAt: timeOfDaySchema,
    endsAt: timeOfDaySchema,
    validFrom: isoDateSchema.nullable().default(null),
    validUntil: isoDateSchema.nullable().default(null),
  })
  .superRefine((shift, ctx) => {
    if ((shift.weekday === null) === (shift.onDate === null))
      ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'validation.shiftWhen' })
    if (shift.startsAt >= shift.endsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.endsBeforeStart' })
    if (shift.validFrom && shift.validUntil && shift.validFrom > shift.validUntil)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validation.endsBeforeStart' })
  })
export type ShiftInput = z.input<typeof shiftInputSchema>

/** A shift as staff see it on the rota. */
export const shiftSchema = z
  .object({
    id: z.uuid(),
    areaId: z.uuid(),
    partnerId: z.uuid().nullable(),
    partnerName: z.string().nullable(),
    counsellorId: z.string().nullable(),
    counsellorName: z.string().nullable(),
    expertise: z.enum(expertises),
    languages: z.array(z.string()),
    weekday: z.number().int().nullable(),
    onDate: z.string().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
    absences: z.array(z.string()),
    canEdit: z.boolean(),
  })
  .meta({ id: 'Shift' })
export type Shift = z.infer<typeof shiftSchema>

/**
 * What visitors see of the rota, day by day: per area, which advice in which languages, when — and the
 * partner's name only where the centre chose to show it.
 */
export const publicRotaSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    days: z.array(
      z.object({
        date: z.string(),
        slots: z.array(
          z.object({
            area: z.string(),
            expertise: z.enum(expertises),
            languages: z.array(z.string()),
            startsAt: z.string(),
            endsAt: z.string(),
            partner: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'PublicRota' })
export type PublicRota = z.infer<typeof publicRotaSchema>

export const rotaWeekQuerySchema = z.object({
  from: isoDateSchema.optional(),
  area: textSchema(60).optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
})
