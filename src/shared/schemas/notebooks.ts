import { z } from '../validation'
import { isoDateSchema, textSchema } from './common'

/** What a notebook can keep a link to. */
export const notebookItemKinds = [
  'occupation',
  'resource',
  'training',
  'event',
  'booking',
  'service',
] as const
export type NotebookItemKind = (typeof notebookItemKinds)[number]

export const planStepStatuses = ['todo', 'doing', 'done'] as const

/** The longest texts a notebook keeps: its notes, a step, an item's note, a counsellor's summary. */
export const NOTEBOOK_LIMITS = {
  notes: 10_000,
  step: 300,
  itemNote: 500,
  summary: 4_000,
  items: 200,
  steps: 50,
  summaries: 50,
} as const

export const notebookItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(notebookItemKinds),
  /** What it points at: `taxonomy:code` for an occupation, a booking's code, otherwise an id. */
  ref: z.string(),
  /** Its title when it was saved, so that the notebook still reads well if it is gone since. */
  title: z.string(),
  note: z.string(),
  addedAt: z.string(),
  addedBy: z.enum(['visitor', 'counsellor']),
})
export type NotebookItem = z.infer<typeof notebookItemSchema>

export const planStepSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  status: z.enum(planStepStatuses),
  /** A date the visitor chooses for it, or none. */
  due: z.string().nullable(),
})
export type PlanStep = z.infer<typeof planStepSchema>

/** What a notebook holds, sealed as one document. */
export const notebookDocumentSchema = z.object({
  notes: z.string(),
  items: z.array(notebookItemSchema),
  plan: z.array(planStepSchema),
  summaries: z.array(z.object({ id: z.uuid(), text: z.string(), at: z.string() })),
})
export type NotebookDocument = z.infer<typeof notebookDocumentSchema>

/** A notebook as its holder sees it. */
export const notebookSchema = notebookDocumentSchema
  .extend({
    centre: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string(),
    /** When it will be erased if nobody opens it before. */
    erasedAfter: z.string(),
  })
  .meta({ id: 'Notebook' })
export type Notebook = z.infer<typeof notebookSchema>

export const createdNotebookSchema = z
  .object({
    /** Shown once: the only way to open the notebook again. */
    code: z.string(),
    notebook: notebookSchema,
  })
  .meta({ id: 'CreatedNotebook' })

export const notebookCodeParamSchema = z.object({ code: z.string().min(1).max(40) })

export const notebookItemInputSchema = z
  .object({
    kind: z.enum(notebookItemKinds),
    ref: z.string().trim().min(1).max(300),
    note: textSchema(NOTEBOOK_LIMITS.itemNote).optional(),
  })
  .meta({ id: 'NotebookItemInput' })
export type NotebookItemInput = z.infer<typeof notebookItemInputSchema>

export const notebookNotesInputSchema = z
  .object({ notes: textSchema(NOTEBOOK_LIMITS.notes) })
  .meta({ id: 'NotebookNotesInput' })

export const notebookPlanInputSchema = z
  .object({
    steps: z
      .array(
        z.object({
          id: z.uuid().optional(),
          text: textSchema(NOTEBOOK_LIMITS.step).min(1),
          status: z.enum(planStepStatuses).default('todo'),
          due: isoDateSchema.nullable().optional(),
        }),
      )
      .max(NOTEBOOK_LIMITS.steps),
  })
  .meta({ id: 'NotebookPlanInput' })
export type NotebookPlanInput = z.output<typeof notebookPlanInputSchema>

/** What a counsellor adds, with the visitor's code in hand: a summary and links. */
export const notebookSummaryInputSchema = z
  .object({
    text: textSchema(NOTEBOOK_LIMITS.summary),
    items: z.array(notebookItemInputSchema).max(20).default([]),
  })
  .refine((input) => input.text.length > 0 || input.items.length > 0, {
    message: 'validation.required',
    path: ['text'],
  })
  .meta({ id: 'NotebookSummaryInput' })
export type NotebookSummaryInput = z.output<typeof notebookSummaryInputSchema>

/** What the desk is told after adding to a notebook: how much was added, never what the notebook holds. */
export const notebookAdditionSchema = z
  .object({ summaries: z.number().int(), items: z.number().int(), erasedAfter: z.string() })
  .meta({ id: 'NotebookAddition' })
