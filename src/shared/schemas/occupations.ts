import { z } from '../validation'
import { textSchema } from './common'
import { occupationAtCentreSchema } from './resources'
import { taxonomySchema } from './taxonomy'
import { occupationTrainingsSchema } from './trainings'

export { type Taxonomy, taxonomies, taxonomySchema } from './taxonomy'

/** A language tag as a visitor's browser or a client sends it; an unknown one is searched plainly. */
export const searchLanguageSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, 'validation.language')
  .transform((tag) => tag.split('-')[0] ?? tag)

export const occupationSearchQuerySchema = z.object({
  q: textSchema(200).pipe(z.string().min(1)),
  lang: searchLanguageSchema.optional(),
  taxonomy: taxonomySchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
})
export type OccupationSearchQuery = z.input<typeof occupationSearchQuerySchema>

export const occupationHitSchema = z
  .object({
    taxonomy: taxonomySchema,
    /** ROME code (`A1101`), O*NET-SOC code (`15-1252.00`) or ESCO URI. */
    code: z.string(),
    /** In the language asked for when the source has it, else in one it has. */
    title: z.string(),
    titleLanguage: z.string(),
    /** The name the query matched, when it is not the title ("cariste" for a ROME fiche). */
    matched: z.string().nullable(),
    score: z.number(),
  })
  .meta({ id: 'OccupationHit' })
export type OccupationHit = z.infer<typeof occupationHitSchema>

export const occupationSearchResultSchema = z
  .object({ items: z.array(occupationHitSchema) })
  .meta({ id: 'OccupationSearchResult' })

const namedSkillSchema = z.object({
  label: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  essential: z.boolean(),
})

const linkedOccupationSchema = z.object({ taxonomy: taxonomySchema, code: z.string(), title: z.string() })

export const occupationDetailSchema = z
  .object({
    taxonomy: taxonomySchema,
    code: z.string(),
    title: z.string(),
    /** The language the texts are in: the one asked for when the source has it. */
    language: z.string(),
    otherNames: z.array(z.string()),
    description: z.string().nullable(),
    access: z.string().nullable(),
    riasec: z.string().nullable(),
    riasecScores: z.record(z.string(), z.number()).nullable(),
    preparation: z.number().int().nullable(),
    isco: z.string().nullable(),
    skills: z.array(namedSkillSchema),
    knowledge: z.array(namedSkillSchema),
    attitudes: z.array(namedSkillSchema),
    contexts: z.array(namedSkillSchema),
    technologies: z.array(namedSkillSchema),
    tasks: z.array(z.object({ text: z.string(), core: z.boolean() })),
    related: z.array(linkedOccupationSchema),
    mobility: z.array(linkedOccupationSchema),
    /** The same occupation in another reference (an ONISEP métier's ROME fiche). */
    equivalent: z.array(linkedOccupationSchema),
    trainings: occupationTrainingsSchema,
    /** With a centre: its resources about the occupation and the areas to talk about it. */
    atCentre: occupationAtCentreSchema.nullable(),
    release: z.string(),
    /** The credit the source's licence asks for, to show with the data. */
    attribution: z.string(),
  })
  .meta({ id: 'Occupation' })
export type OccupationDetail = z.infer<typeof occupationDetailSchema>
