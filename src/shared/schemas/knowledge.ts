import type { StaffRole } from '../constants'
import { z } from '../validation'
import { textSchema } from './common'
import { occupationRefSchema } from './resources'

/** What a note is: a practice note, a referral tip, news from a partner. */
export const knowledgeKinds = ['practice', 'referral', 'partner_news'] as const
export type KnowledgeKind = (typeof knowledgeKinds)[number]

/** Who reads the knowledge base: every staff role of the centre. */
export const knowledgeReaderRoles = [
  'reception',
  'counsellor',
  'partner_coordinator',
  'manager',
] as const satisfies readonly StaffRole[]
/** Who writes in it: counsellors of every partner, their coordinators, the centre's managers. */
export const knowledgeWriterRoles = [
  'counsellor',
  'partner_coordinator',
  'manager',
] as const satisfies readonly StaffRole[]

const unique = <T>(values: T[]) => [...new Set(values)]

/** A tag as people type it, kept lower-case so that « Logement » and « logement » are one tag. */
export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} '’._-]*$/u, 'validation.tag')

/** A note as staff write it. `version` is the one the writer started from (absent for a new note). */
export const knowledgeNoteInputSchema = z.object({
  kind: z.enum(knowledgeKinds),
  title: textSchema(200).pipe(z.string().min(1)),
  body: textSchema(20_000).pipe(z.string().min(1)),
  tags: z.array(tagSchema).max(12).default([]).transform(unique),
  serviceIds: z.array(z.uuid()).max(20).default([]).transform(unique),
  areaIds: z.array(z.uuid()).max(20).default([]).transform(unique),
  occupations: z.array(occupationRefSchema).max(20).default([]),
  version: z.number().int().min(1).optional(),
})
export type KnowledgeNoteInput = z.input<typeof knowledgeNoteInputSchema>

const personSchema = z.object({ id: z.string(), name: z.string() }).nullable()

/** A note in a list: what it is about and who last touched it, without its body. */
export const knowledgeSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(knowledgeKinds),
    title: z.string(),
    /** The first words of the body, Markdown removed. */
    excerpt: z.string(),
    tags: z.array(z.string()),
    author: personSchema,
    editor: personSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'KnowledgeSummary' })
export type KnowledgeSummary = z.infer<typeof knowledgeSummarySchema>

/** A whole note, with what it links to named for the reader. */
export const knowledgeNoteSchema = knowledgeSummarySchema
  .extend({
    body: z.string(),
    services: z.array(z.object({ id: z.uuid(), organisation: z.string(), name: z.string() })),
    areas: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), colour: z.string() })),
    occupations: z.array(z.object({ taxonomy: z.string(), code: z.string(), title: z.string() })),
    /** Whether the reader may remove it: its author or a manager. */
    canDelete: z.boolean(),
  })
  .meta({ id: 'KnowledgeNote' })
export type KnowledgeNote = z.infer<typeof knowledgeNoteSchema>

/** One version of a note, as its history lists it. */
export const knowledgeRevisionSchema = z
  .object({
    version: z.number().int(),
    kind: z.enum(knowledgeKinds),
    title: z.string(),
    body: z.string(),
    tags: z.array(z.string()),
    editor: personSchema,
    editedAt: z.string(),
  })
  .meta({ id: 'KnowledgeRevision' })
export type KnowledgeRevision = z.infer<typeof knowledgeRevisionSchema>

export const knowledgeQuerySchema = z.object({
  q: textSchema(200).optional(),
  kind: z.enum(knowledgeKinds).optional(),
  tag: tagSchema.optional(),
  service: z.uuid().optional(),
  area: z.uuid().optional(),
})
export type KnowledgeQuery = z.infer<typeof knowledgeQuerySchema>

export const knowledgeListSchema = z.object({
  items: z.array(knowledgeSummarySchema),
  /** How many notes match, of which `items` holds the first hundred. */
  total: z.number().int(),
  /** Every tag in use at the centre, the most used first: what the filter offers. */
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
})
