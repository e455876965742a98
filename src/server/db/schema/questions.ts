import { sql } from 'drizzle-orm'
import { bigserial, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { user } from './auth'
import { area, centre } from './centres'

/**
 * A question asked online, without any contact: the visitor reads the answer back with the question's
 * code (its digest only is kept). Erased with its messages after the centre's retention period without
 * activity.
 */
export const question = pgTable(
  'question',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id').references(() => area.id, { onDelete: 'set null' }),
    language: text('language').notNull(),
    codeHash: text('code_hash').notNull().unique(),
    /** `waiting` for a counsellor, `answered`, or `closed` once the visitor's one reply is answered. */
    status: text('status').notNull().default('waiting'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The visitor's last message: what the two working days of the answer count from. */
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('question_queue_idx').on(t.centreId, t.status, t.askedAt),
    check('question_status_check', sql`${t.status} in ('waiting', 'answered', 'closed')`),
  ],
)

export type QuestionAttachment = { kind: 'resource' | 'service' | 'event'; ref: string; title: string }

/** The thread: the question, the answer, the visitor's one reply and its answer. */
export const questionMessage = pgTable(
  'question_message',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => question.id, { onDelete: 'cascade' }),
    author: text('author').notNull(),
    body: text('body').notNull(),
    /** Resources, services and events a counsellor points to, with their titles as they were. */
    attachments: jsonb('attachments').$type<QuestionAttachment[]>().notNull().default([]),
    /** The counsellor who answered (never shown to the visitor: reciprocal anonymity). */
    authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Hidden by staff as abusive: the text is erased, the message says it was hidden. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
  },
  (t) => [
    index('question_message_question_idx').on(t.questionId, t.createdAt),
    check('question_message_author_check', sql`${t.author} in ('visitor', 'counsellor')`),
  ],
)
