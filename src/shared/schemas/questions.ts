import { z } from '../validation'
import { contentLanguageSchema, textSchema } from './common'

/** The longest question, reply or answer. */
export const QUESTION_MAX = 4_000

export const questionStatuses = ['waiting', 'answered', 'closed'] as const

export const questionInputSchema = z
  .object({
    /** The area it is about (its slug), when the visitor chooses one. */
    area: textSchema(60).optional(),
    language: contentLanguageSchema,
    text: textSchema(QUESTION_MAX).min(1),
  })
  .meta({ id: 'QuestionInput' })
export type QuestionInput = z.infer<typeof questionInputSchema>

export const questionReplyInputSchema = z
  .object({ text: textSchema(QUESTION_MAX).min(1) })
  .meta({ id: 'QuestionReplyInput' })

export const questionAttachmentSchema = z.object({
  kind: z.enum(['resource', 'service', 'event']),
  ref: z.string(),
  title: z.string(),
})

export const questionMessageSchema = z.object({
  id: z.number().int(),
  author: z.enum(['visitor', 'counsellor']),
  /** Null once hidden by staff as abusive. */
  body: z.string().nullable(),
  hidden: z.boolean(),
  at: z.string(),
  attachments: z.array(questionAttachmentSchema),
})

/** A question as the visitor reads it with its code: never a counsellor's name or institution. */
export const questionViewSchema = z
  .object({
    status: z.enum(questionStatuses),
    centre: z.string(),
    area: z.object({ slug: z.string(), name: z.record(z.string(), z.string()) }).nullable(),
    language: z.string(),
    createdAt: z.string(),
    /** Two working days after the visitor's last message: when an answer is due. */
    answerBy: z.string(),
    messages: z.array(questionMessageSchema),
    /** The visitor may reply once, after the first answer. */
    canReply: z.boolean(),
  })
  .meta({ id: 'Question' })
export type QuestionView = z.infer<typeof questionViewSchema>

export const staffQuestionSchema = questionViewSchema.extend({ id: z.uuid(), overdue: z.boolean() }).meta({
  id: 'StaffQuestion',
})
export type StaffQuestion = z.infer<typeof staffQuestionSchema>

export const questionQueueFiltersSchema = z.object({
  area: textSchema(60).optional(),
  status: z.enum(questionStatuses).default('waiting'),
})

export const questionQueueSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        area: z.object({ slug: z.string(), name: z.record(z.string(), z.string()) }).nullable(),
        language: z.string(),
        status: z.enum(questionStatuses),
        askedAt: z.string(),
        answerBy: z.string(),
        overdue: z.boolean(),
        /** The beginning of the visitor's last message. */
        preview: z.string(),
      }),
    ),
  })
  .meta({ id: 'QuestionQueue' })

export const questionAnswerInputSchema = z
  .object({
    text: textSchema(QUESTION_MAX).min(1),
    attachments: z
      .array(
        z.object({ kind: z.enum(['resource', 'service', 'event']), ref: z.string().trim().min(1).max(60) }),
      )
      .max(10)
      .default([]),
  })
  .meta({ id: 'QuestionAnswerInput' })
export type QuestionAnswerInput = z.output<typeof questionAnswerInputSchema>
