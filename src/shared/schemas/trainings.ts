import { z } from '../validation'
import { contentLanguageSchema, textSchema } from './common'
import { taxonomySchema } from './taxonomy'

/** Qualification levels of the French RNCP and the European framework: 3 is a CAP, 8 a doctorate. */
export const trainingLevels = [1, 2, 3, 4, 5, 6, 7, 8] as const
/** The duration steps a visitor can choose from, in months ("a year or less"). */
export const durationSteps = [6, 12, 24, 36] as const
export const trainingSources = ['onisep', 'centre'] as const

/** A query parameter given once or several times (`domain=a&domain=b`): always a list. */
const repeated = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item))

export const trainingSearchQuerySchema = z.object({
  q: textSchema(200).default(''),
  level: z.coerce.number().int().min(1).max(8).optional(),
  /** A centre's own courses given in this place (a town, "à distance"). */
  place: textSchema(120).optional(),
  maxMonths: z.coerce.number().int().min(1).max(120).optional(),
  /** ONISEP "domain/subdomain" values; a course in any of them matches. */
  domain: repeated(textSchema(200).pipe(z.string().min(1))).pipe(z.array(z.string()).max(10)),
  source: z.enum(trainingSources).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  /** Where the previous page ended, as `nextCursor` gave it. */
  cursor: z
    .string()
    .regex(/^\d{1,6}$/, 'validation.invalid')
    .optional(),
})
export type TrainingSearchQuery = z.input<typeof trainingSearchQuerySchema>
export type TrainingSearchFilters = z.output<typeof trainingSearchQuerySchema>

const trainingFields = {
  id: z.uuid(),
  source: z.enum(trainingSources),
  /** ONISEP's id (`FOR.6913`), or the centre's own reference. */
  code: z.string(),
  title: z.string(),
  /** The language of the course's texts. */
  language: z.string(),
  kind: z.string(),
  kindAcronym: z.string().nullable(),
  level: z.number().int().nullable(),
  durationMonths: z.number().int().nullable(),
  /** The duration as written when it is not a number of months ("22 semaines"). */
  durationText: z.string(),
  place: z.string().nullable(),
}

export const trainingHitSchema = z.object(trainingFields).meta({ id: 'TrainingHit' })
export type TrainingHit = z.infer<typeof trainingHitSchema>

export const trainingSearchResultSchema = z
  .object({
    items: z.array(trainingHitSchema),
    /** How many courses match in all. */
    total: z.number().int(),
    nextCursor: z.string().nullable(),
    /** Counts for the filters, each counted with the other filters applied. */
    facets: z.object({
      levels: z.array(z.object({ level: z.number().int(), count: z.number().int() })),
      durations: z.array(z.object({ maxMonths: z.number().int(), count: z.number().int() })),
      places: z.array(z.object({ place: z.string(), count: z.number().int() })),
    }),
    /** The credit ONISEP's licence asks for, when ONISEP courses are listed. */
    attribution: z.string().nullable(),
  })
  .meta({ id: 'TrainingSearchResult' })
export type TrainingSearchResult = z.infer<typeof trainingSearchResultSchema>

export const trainingOccupationSchema = z.object({
  taxonomy: taxonomySchema,
  code: z.string(),
  title: z.string(),
  /** Linked by hand by the centre, rather than through a shared ONISEP domain. */
  linked: z.boolean(),
})

export const trainingDetailSchema = z
  .object({
    ...trainingFields,
    rncpCode: z.string().nullable(),
    authority: z.string(),
    url: z.string().nullable(),
    domains: z.array(z.string()),
    description: z.string(),
    release: z.string(),
    /** The occupations it leads to: linked by hand first, then those of the same ONISEP domains. */
    occupations: z.array(trainingOccupationSchema),
    attribution: z.string().nullable(),
  })
  .meta({ id: 'Training' })
export type TrainingDetail = z.infer<typeof trainingDetailSchema>

/** The trainings an occupation page lists, and what "see them all" searches. */
export const occupationTrainingsSchema = z.object({
  items: z.array(trainingHitSchema.extend({ linked: z.boolean() })),
  /** The ONISEP domains the listed courses were matched on. */
  domains: z.array(z.string()),
  attribution: z.string().nullable(),
})
export type OccupationTrainings = z.infer<typeof occupationTrainingsSchema>

const optionalText = (max: number) =>
  textSchema(max)
    .nullish()
    .transform((value) => value || null)

/** A centre's own course, as its staff enter it. */
export const trainingInputSchema = z.object({
  /** The centre's own reference for the course, unique in the centre. */
  code: textSchema(40).pipe(z.string().min(1)),
  title: textSchema(300).pipe(z.string().min(1)),
  language: contentLanguageSchema.default('fr'),
  kind: textSchema(120).default(''),
  kindAcronym: optionalText(20),
  level: z.number().int().min(1).max(8).nullable().default(null),
  durationMonths: z.number().int().min(1).max(120).nullable().default(null),
  durationText: textSchema(60).default(''),
  rncpCode: optionalText(20),
  authority: textSchema(200).default(''),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullish()
    .or(z.literal(''))
    .transform((value) => value || null),
  domains: z
    .array(textSchema(200).pipe(z.string().min(1)))
    .max(10)
    .default([])
    .transform((domains) => [...new Set(domains)]),
  place: optionalText(120),
  description: textSchema(4000).default(''),
})
export type TrainingInput = z.input<typeof trainingInputSchema>

export const occupationRefSchema = z.object({
  taxonomy: taxonomySchema,
  code: textSchema(200).pipe(z.string().min(1)),
})
export type OccupationRef = z.infer<typeof occupationRefSchema>
