import { z } from '../validation'
import { isoDateSchema, localizedTextSchema, textSchema } from './common'
import { accessibilityFeatures } from './events'
import { audiences, resourceUrlSchema } from './resources'

const unique = <T>(values: T[]) => [...new Set(values)]

/** A service of the referral directory, as staff write it. */
export const directoryServiceInputSchema = z.object({
  organisation: textSchema(200).pipe(z.string().min(1)),
  name: localizedTextSchema({ max: 200, required: true }),
  description: localizedTextSchema({ max: 3000, required: false }).default({}),
  eligibility: localizedTextSchema({ max: 1000, required: false }).default({}),
  audiences: z.array(z.enum(audiences)).max(audiences.length).default([]).transform(unique),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/, 'validation.language'))
    .max(20)
    .default([])
    .transform(unique),
  accessibility: z
    .array(z.enum(accessibilityFeatures))
    .max(accessibilityFeatures.length)
    .default([])
    .transform(unique),
  address: textSchema(300).default(''),
  openingHours: textSchema(500).default(''),
  walkIn: z.boolean().default(false),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ().-]{5,19}$/, 'validation.phone')
    .nullable()
    .default(null),
  website: resourceUrlSchema.nullable().default(null),
  areaIds: z.array(z.uuid()).max(20).default([]).transform(unique),
  themeIds: z.array(z.uuid()).max(20).default([]).transform(unique),
  lastVerified: isoDateSchema,
})
export type DirectoryServiceInput = z.input<typeof directoryServiceInputSchema>

/** A service as anyone sees it, texts in the reader's language. */
export const directoryServiceSchema = z
  .object({
    id: z.uuid(),
    organisation: z.string(),
    name: z.string(),
    description: z.string(),
    eligibility: z.string(),
    audiences: z.array(z.string()),
    languages: z.array(z.string()),
    accessibility: z.array(z.string()),
    address: z.string(),
    /** A link to the address on OpenStreetMap, when there is an address. */
    mapUrl: z.string().nullable(),
    openingHours: z.string(),
    walkIn: z.boolean(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    areas: z.array(
      z.object({ slug: z.string(), name: z.record(z.string(), z.string()), colour: z.string() }),
    ),
    themes: z.array(z.object({ slug: z.string(), name: z.record(z.string(), z.string()) })),
    lastVerified: z.string(),
  })
  .meta({ id: 'DirectoryService' })
export type DirectoryService = z.infer<typeof directoryServiceSchema>

/** The same for staff: every language of its texts, its links by id, and whether it is due for review. */
export const staffDirectoryServiceSchema = z
  .object({
    id: z.uuid(),
    organisation: z.string(),
    name: z.record(z.string(), z.string()),
    description: z.record(z.string(), z.string()),
    eligibility: z.record(z.string(), z.string()),
    audiences: z.array(z.string()),
    languages: z.array(z.string()),
    accessibility: z.array(z.string()),
    address: z.string(),
    openingHours: z.string(),
    walkIn: z.boolean(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    areaIds: z.array(z.uuid()),
    themeIds: z.array(z.uuid()),
    lastVerified: z.string(),
    needsReview: z.boolean(),
    /** How many notes of the knowledge base are about it. */
    notes: z.number().int(),
  })
  .meta({ id: 'StaffDirectoryService' })
export type StaffDirectoryService = z.infer<typeof staffDirectoryServiceSchema>

export const staffDirectoryQuerySchema = z.object({
  review: z.enum(['true', 'false']).optional(),
  q: textSchema(200).optional(),
})

export const directoryQuerySchema = z.object({
  q: textSchema(200).optional(),
  area: textSchema(60).optional(),
  audience: z.enum(audiences).optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
})
