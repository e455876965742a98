import { INTEREST_CODE_LENGTH } from '../interests'
import { z } from '../validation'
import { searchLanguageSchema } from './occupations'
import { taxonomySchema } from './taxonomy'

/** A Holland code as the interest explorer gives it: one to three distinct letters of RIASEC, strongest first. */
export const interestCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[RIASEC]{1,${INTEREST_CODE_LENGTH}}$`), 'validation.interestCode')
  .refine((code) => new Set(code).size === code.length, 'validation.interestCode')

export const occupationsByInterestsQuerySchema = z.object({
  code: interestCodeSchema,
  lang: searchLanguageSchema.optional(),
  taxonomy: taxonomySchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(12),
})
export type OccupationsByInterestsQuery = z.input<typeof occupationsByInterestsQuerySchema>

export const interestMatchSchema = z
  .object({
    taxonomy: taxonomySchema,
    code: z.string(),
    /** In the language asked for when the source has it, else in one it has. */
    title: z.string(),
    titleLanguage: z.string(),
    /** The occupation's own Holland letters, strongest first. */
    riasec: z.string().nullable(),
    /** How well it matches, from 0 to 1. */
    score: z.number(),
  })
  .meta({ id: 'InterestMatch' })
export type InterestMatch = z.infer<typeof interestMatchSchema>

export const interestMatchesSchema = z
  .object({ items: z.array(interestMatchSchema) })
  .meta({ id: 'InterestMatches' })
