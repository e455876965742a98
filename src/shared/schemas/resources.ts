import { pictograms } from '../constants'
import { contentLanguages } from '../i18n/locales'
import { z } from '../validation'
import { openStatusSchema } from './centres'
import {
  contentLanguageSchema,
  isoDateSchema,
  localizedTextOutput,
  localizedTextSchema,
  slugSchema,
  textSchema,
} from './common'

/** Kinds of resources a documentation centre holds (the database checks the same list). */
export const resourceTypes = [
  'book',
  'guide',
  'leaflet',
  'periodical',
  'website',
  'video',
  'tool',
  'fact_sheet',
] as const
export type ResourceType = (typeof resourceTypes)[number]

/** Who a resource is written for (the database checks the same list). */
export const audiences = [
  'young_people',
  'adults',
  'job_seekers',
  'workers',
  'newcomers',
  'students',
] as const
export type Audience = (typeof audiences)[number]

const unique = <T>(values: T[]) => [...new Set(values)]

// ——— Themes: a centre's controlled vocabulary ———

export const resourceThemeInputSchema = z.object({
  slug: slugSchema,
  name: localizedTextSchema({ max: 80, required: true }),
  position: z.number().int().min(0).max(999).optional(),
})
export type ResourceThemeInput = z.input<typeof resourceThemeInputSchema>

export const resourceThemeSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: localizedTextOutput, position: z.number().int() })
  .meta({ id: 'ResourceTheme' })
export type ResourceTheme = z.infer<typeof resourceThemeSchema>

/** Every theme of the centre, in the order they should be shown. */
export const themeOrderInputSchema = z.object({
  ids: z
    .array(z.uuid())
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'validation.resource.duplicate'),
})
export type ThemeOrderInput = z.input<typeof themeOrderInputSchema>

// ——— Resources, as staff write them ———

/** An occupation as the reference data names it: `{ taxonomy: 'rome', code: 'J1501' }`. */
export const occupationRefSchema = z.object({
  taxonomy: z.string().regex(/^[a-z]{2,12}$/, 'validation.invalidValue'),
  code: textSchema(300).pipe(z.string().min(1)),
})
export type OccupationRef = z.infer<typeof occupationRefSchema>

/** An address visitors may open: http or https only (never `javascript:` or a local file). */
export const resourceUrlSchema = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }))

/**
 * A resource as a form or an import writes it. It is on a shelf, online, or both: a resource nobody can
 * find is refused. Lists are de-duplicated; empty optional texts are `null`.
 */
export const resourceInputSchema = z
  .object({
    type: z.enum(resourceTypes),
    title: textSchema(200).pipe(z.string().min(1)),
    summary: textSchema(2000).default(''),
    languages: z.array(contentLanguageSchema).max(contentLanguages.length).default([]).transform(unique),
    audiences: z.array(z.enum(audiences)).max(audiences.length).default([]).transform(unique),
    easyRead: z.boolean().default(false),
    shelf: textSchema(80).pipe(z.string().min(1)).nullable().default(null),
    copies: z.number().int().min(0).max(9999).nullable().default(null),
    url: resourceUrlSchema.nullable().default(null),
    publisher: textSchema(200).default(''),
    lastReviewed: isoDateSchema.nullable().default(null),
    areaIds: z.array(z.uuid()).max(50).default([]).transform(unique),
    themeIds: z.array(z.uuid()).max(50).default([]).transform(unique),
    occupations: z.array(occupationRefSchema).max(50).default([]),
  })
  .superRefine((resource, ctx) => {
    if (resource.shelf === null && resource.url === null)
      ctx.addIssue({ code: 'custom', message: 'validation.resource.shelfOrUrl', path: ['shelf'] })
    if (resource.shelf === null && resource.copies !== null)
      ctx.addIssue({ code: 'custom', message: 'validation.resource.copiesWithoutShelf', path: ['copies'] })
  })
export type ResourceInput = z.input<typeof resourceInputSchema>
export type ResourceValues = z.output<typeof resourceInputSchema>

const linkedOccupationSchema = z.object({ taxonomy: z.string(), code: z.string(), title: z.string() })

/** What staff and a visitor's resource page both say of a resource. */
const resourceFields = {
  id: z.uuid(),
  type: z.enum(resourceTypes),
  title: z.string(),
  summary: z.string(),
  languages: z.array(z.string()),
  audiences: z.array(z.enum(audiences)),
  easyRead: z.boolean(),
  shelf: z.string().nullable(),
  copies: z.number().int().nullable(),
  url: z.string().nullable(),
  publisher: z.string(),
  lastReviewed: z.string().nullable(),
}

/** A resource as staff see it: with the partner that contributed it, and whether they may change it. */
export const staffResourceSchema = z
  .object({
    ...resourceFields,
    areaIds: z.array(z.uuid()),
    themeIds: z.array(z.uuid()),
    occupations: z.array(linkedOccupationSchema),
    partner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    canEdit: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StaffResource' })
export type StaffResource = z.infer<typeof staffResourceSchema>

// ——— Browsing: filters, facets, and what visitors see ———

const booleanParam = z.enum(['true', 'false']).transform((value) => value === 'true')

export const resourceFiltersSchema = z.object({
  area: slugSchema.optional(),
  theme: slugSchema.optional(),
  type: z.enum(resourceTypes).optional(),
  language: contentLanguageSchema.optional(),
  audience: z.enum(audiences).optional(),
  easyRead: booleanParam.optional(),
  q: textSchema(200).optional(),
  /** Language of the query's words and of occupation titles (default: the request's language). */
  lang: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, 'validation.language')
    .transform((tag) => tag.split('-')[0] ?? tag)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^\d{1,6}$/, 'validation.invalid')
    .optional(),
})
export type ResourceFilters = z.output<typeof resourceFiltersSchema>
export type ResourceFiltersInput = z.input<typeof resourceFiltersSchema>

const facetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }))

/**
 * How many resources each filter value would give, the other filters staying as they are: picking a
 * type never hides the other types' counts.
 */
export const resourceFacetsSchema = z
  .object({
    type: facetSchema,
    area: facetSchema,
    theme: facetSchema,
    language: facetSchema,
    audience: facetSchema,
    easyRead: z.number().int(),
  })
  .meta({ id: 'ResourceFacets' })
export type ResourceFacets = z.infer<typeof resourceFacetsSchema>

const areaTagSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: localizedTextOutput,
  colour: z.string(),
  pictogram: z.enum(pictograms),
})
/** An area a visitor may ask about something in, open or not now. */
export const askAreaSchema = areaTagSchema
  .extend({ description: localizedTextOutput, status: openStatusSchema })
  .meta({ id: 'AskArea' })
export type AskArea = z.infer<typeof askAreaSchema>

const themeTagSchema = z.object({ id: z.uuid(), slug: z.string(), name: localizedTextOutput })

/** A resource in a list, for visitors: never anything about a partner (charter rules 3 and 7). */
export const resourceCardSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(resourceTypes),
    title: z.string(),
    summary: z.string(),
    languages: z.array(z.string()),
    audiences: z.array(z.enum(audiences)),
    easyRead: z.boolean(),
    shelf: z.string().nullable(),
    isOnline: z.boolean(),
    areas: z.array(areaTagSchema),
    themes: z.array(themeTagSchema),
  })
  .strict()
  .meta({ id: 'ResourceCard' })
export type ResourceCard = z.infer<typeof resourceCardSchema>

export const resourcePageSchema = z
  .object({
    items: z.array(resourceCardSchema),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
    facets: resourceFacetsSchema,
  })
  .meta({ id: 'ResourceList' })
export type ResourcePage = z.infer<typeof resourcePageSchema>

export const staffResourceListSchema = z
  .object({
    items: z.array(staffResourceSchema),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'StaffResourceList' })

/** One resource for visitors: where it is, what it is for, and which area to ask about it. */
export const resourceDetailSchema = z
  .object({
    ...resourceFields,
    areas: z.array(askAreaSchema),
    themes: z.array(themeTagSchema),
    occupations: z.array(linkedOccupationSchema),
    /** The centre's local date, to say "opens tomorrow" rightly. */
    localDate: z.string(),
  })
  .strict()
  .meta({ id: 'ResourceDetail' })
export type ResourceDetail = z.infer<typeof resourceDetailSchema>

/** What a centre has about an occupation, on the occupation's page. */
export const occupationAtCentreSchema = z
  .object({
    resources: z.array(resourceCardSchema),
    totalResources: z.number().int(),
    /** Where to talk about it: the areas shelving resources about it, most first. */
    areas: z.array(askAreaSchema),
    localDate: z.string(),
  })
  .meta({ id: 'OccupationAtCentre' })
export type OccupationAtCentre = z.infer<typeof occupationAtCentreSchema>

// ——— CSV import ———

export const catalogueImportInputSchema = z.object({ csv: z.string().min(1).max(5_000_000) })
export type CatalogueImportInput = z.input<typeof catalogueImportInputSchema>

export const catalogueImportResultSchema = z
  .object({ added: z.number().int(), updated: z.number().int() })
  .meta({ id: 'CatalogueImportResult' })
export type CatalogueImportResult = z.infer<typeof catalogueImportResultSchema>

/** The columns of the catalogue's CSV, in the order the export writes them. */
export const catalogueColumns = [
  'id',
  'type',
  'title',
  'summary',
  'languages',
  'audiences',
  'easy_read',
  'shelf',
  'copies',
  'url',
  'publisher',
  'last_reviewed',
  'areas',
  'themes',
  'occupations',
] as const
export type CatalogueColumn = (typeof catalogueColumns)[number]
