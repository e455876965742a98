import { z } from '../validation'
import { slugSchema, textSchema } from './common'
import { searchLanguageSchema } from './occupations'
import { audiences } from './resources'
import { taxonomySchema } from './taxonomy'

/** What one search looks through (events and services will join). */
export const searchTypes = ['occupation', 'training', 'resource'] as const
export type SearchType = (typeof searchTypes)[number]

export const searchQuerySchema = z.object({
  q: textSchema(200).pipe(z.string().min(1)),
  lang: searchLanguageSchema.optional(),
  /** Comma-separated: `occupation,resource`. All of them when absent. */
  types: z
    .string()
    .max(100)
    .transform((list) => list.split(',').map((type) => type.trim()))
    .pipe(z.array(z.enum(searchTypes)).min(1))
    .optional(),
  /** A centre's slug: its resources and its own trainings join the search. */
  centre: slugSchema.optional(),
  /** Resources only: of this area (slug), in this language, for this audience. */
  area: slugSchema.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'validation.language')
    .optional(),
  audience: z.enum(audiences).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z
    .string()
    .regex(/^[0-9]{1,4}$/, 'validation.format')
    .optional(),
})
export type SearchQuery = z.input<typeof searchQuerySchema>

/** A piece of a snippet; `match` marks the words the query found. */
const snippetPartSchema = z.object({ text: z.string(), match: z.boolean() })
export type SnippetPart = z.infer<typeof snippetPartSchema>

export const searchHitSchema = z
  .object({
    type: z.enum(searchTypes),
    /** The occupation's, training's or resource's id. */
    id: z.string(),
    title: z.string(),
    /** The language of the title and snippet. */
    language: z.string(),
    snippet: z.array(snippetPartSchema),
    score: z.number(),
    /** For an occupation: where its page is. */
    taxonomy: taxonomySchema.optional(),
    code: z.string().optional(),
    /** For a resource: book, guide, website… */
    resourceType: z.string().optional(),
  })
  .meta({ id: 'SearchHit' })
export type SearchHit = z.infer<typeof searchHitSchema>

const facetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }))

export const searchResultSchema = z
  .object({
    items: z.array(searchHitSchema),
    /** How many results there are in all, with the filters. */
    total: z.number().int(),
    /** Counts per value among the results, each facet counted as if its own filter were not set. */
    facets: z.object({ type: facetSchema, area: facetSchema, language: facetSchema, audience: facetSchema }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'SearchResult' })
export type SearchResult = z.infer<typeof searchResultSchema>
