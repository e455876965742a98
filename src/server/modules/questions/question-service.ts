import { addBusinessDays } from 'date-fns'
import { and, asc, eq, sql } from 'drizzle-orm'
import type {
  QuestionAnswerInput,
  QuestionInput,
  QuestionView,
  StaffQuestion,
} from '../../../shared/schemas/questions'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { area } from '../../db/schema/centres'
import { question, questionMessage } from '../../db/schema/questions'
import { AppError, conflict, fieldRefusal, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { accessCodeDigest, canonicalCode, newAccessCode } from '../codes/access-code'
import { titleOf } from '../links/titles'

/** How long a counsellor has to answer, in working days (the charter's "within two days"). */
const ANSWER_WITHIN_WORKING_DAYS = 2
const unknown = () => notFound('error.question.notFound')

type Row = typeof question.$inferSelect & {
  centreSlug: string
  areaSlug: string | null
  areaName: Record<string, string> | null
}

const answerBy = (askedAt: Date) => addBusinessDays(askedAt, ANSWER_WITHIN_WORKING_DAYS)

async function load(tx: Database, where: ReturnType<typeof sql>, lock = false): Promise<Row | undefined> {
  return rowsOf<Row>(
    await tx.execute(sql`select q.id, q.centre_id as "centreId", q.area_id as "areaId", q.language,
        q.code_hash as "codeHash", q.status, q.created_at as "createdAt", q.asked_at as "askedAt",
        q.last_activity_at as "lastActivityAt", c.slug as "centreSlug", a.slug as "areaSlug", a.name as "areaName"
      from question q join centre c on c.id = q.centre_id left join area a on a.id = q.area_id
      where ${where} ${lock ? sql`for update of q` : sql``}`),
  ).map((row) => ({
    ...row,
    createdAt: new Date(row.createdAt),
    askedAt: new Date(row.askedAt),
    lastActivityAt: new Date(row.lastActivityAt),
  }))[0]
}

async function present(db: Database, row: Row): Promise<QuestionView> {
  const messages = await db
    .select()
    .from(questionMessage)
    .where(eq(questionMessage.questionId, row.id))
    .orderBy(asc(questionMessage.createdAt), asc(questionMessage.id))
  const fromVisitor = messages.filter((message) => message.author === 'visitor').length
  return {
    status: row.status as QuestionView['status'],
    centre: row.centreSlug,
    area: row.areaSlug ? { slug: row.areaSlug, name: row.areaName ?? {} } : null,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
    answerBy: answerBy(row.askedAt).toISOString(),
    messages: messages.map((message) => ({
      id: message.id,
      author: message.author as 'visitor' | 'counsellor',
      body: message.hiddenAt ? null : message.body,
      hidden: message.hiddenAt !== null,
      at: message.createdAt.toISOString(),
      attachments: message.hiddenAt ? [] : message.attachments,
    })),
    canReply: row.status === 'answered' && fromVisitor < 2,
  }
}

/** Asks a question, without any contact: answers its code, once — the only way to read the answer. */
export async function askQuestion(options: {
  db: Database
  centreId: string
  input: QuestionInput
  now: Date
}) {
  const { db, centreId, input, now } = options
  const code = newAccessCode()
  const id = await db.transaction(async (tx) => {
    let areaId: string | null = null
    if (input.area) {
      const [found] = await tx
        .select({ id: area.id })
        .from(area)
        .where(and(eq(area.centreId, centreId), eq(area.slug, input.area)))
      if (!found) throw fieldRefusal('area', 'error.event.unknownArea')
      areaId = found.id
    }
    const [row] = await tx
      .insert(question)
      .values({
        centreId,
        areaId,
        language: input.language,
        codeHash: accessCodeDigest('question', canonicalCode(code) ?? ''),
        createdAt: now,
        askedAt: now,
        lastActivityAt: now,
      })
      .returning({ id: question.id })
    if (!row) throw new Error('question insert returned nothing')
    await tx
      .insert(questionMessage)
      .values({ questionId: row.id, author: 'visitor', body: input.text, createdAt: now })
    return row.id
  })
  const row = await load(db, sql`q.id = ${id}`)
  if (!row) throw unknown()
  return { code, question: await present(db, row) }
}

const byCode = (typed: string) => {
  const canonical = canonicalCode(typed)
  if (!canonical) throw unknown()
  return sql`q.code_hash = ${accessCodeDigest('question', canonical)}`
}

/** The question its code opens, with the answers so far. */
export async function readQuestion(options: { db: Database; code: string }): Promise<QuestionView> {
  const row = await load(options.db, byCode(options.code))
  if (!row) throw unknown()
  return present(options.db, row)
}

/** The visitor's one reply, after the first answer: the question waits for a counsellor again. */
export async function replyToQuestion(options: { db: Database; code: string; text: string; now: Date }) {
  const { db, code, text, now } = options
  await db.transaction(async (tx) => {
    const row = await load(tx, byCode(code), true)
    if (!row) throw unknown()
    const view = await present(tx, row)
    if (!view.canReply) throw conflict('error.question.noMoreReplies')
    await tx
      .insert(questionMessage)
      .values({ questionId: row.id, author: 'visitor', body: text, createdAt: now })
    await tx
      .update(question)
      .set({ status: 'waiting', askedAt: now, lastActivityAt: now })
      .where(eq(question.id, row.id))
  })
  return readQuestion({ db, code })
}

/** The centre's questions, the longest waiting first: the counsellors' queue, per area if asked. */
export async function listQuestions(options: {
  db: Database
  centreId: string
  area?: string
  status: QuestionView['status']
  now: Date
}) {
  const { db, centreId, status, now } = options
  const rows = rowsOf<{
    id: string
    language: string
    status: QuestionView['status']
    askedAt: string
    areaSlug: string | null
    areaName: Record<string, string> | null
    preview: string | null
  }>(
    await db.execute(sql`select q.id, q.language, q.status, q.asked_at as "askedAt", a.slug as "areaSlug",
        a.name as "areaName",
        (select case when m.hidden_at is null then left(m.body, 140) end from question_message m
          where m.question_id = q.id and m.author = 'visitor' order by m.created_at desc, m.id desc limit 1) as preview
      from question q left join area a on a.id = q.area_id
      where q.centre_id = ${centreId} and q.status = ${status}
        ${options.area ? sql`and a.slug = ${options.area}` : sql``}
      order by q.asked_at, q.id limit 200`),
  )
  return {
    items: rows.map((row) => {
      const due = answerBy(new Date(row.askedAt))
      return {
        id: row.id,
        area: row.areaSlug ? { slug: row.areaSlug, name: row.areaName ?? {} } : null,
        language: row.language,
        status: row.status,
        askedAt: new Date(row.askedAt).toISOString(),
        answerBy: due.toISOString(),
        overdue: row.status === 'waiting' && due < now,
        preview: row.preview ?? '',
      }
    }),
  }
}

export async function getStaffQuestion(options: {
  db: Database
  centreId: string
  questionId: string
  now: Date
}): Promise<StaffQuestion> {
  const row = await load(options.db, sql`q.id = ${options.questionId} and q.centre_id = ${options.centreId}`)
  if (!row) throw unknown()
  const view = await present(options.db, row)
  return { ...view, id: row.id, overdue: row.status === 'waiting' && new Date(view.answerBy) < options.now }
}

/**
 * A counsellor's answer, with resources, services or events to look at. Under the question's row lock:
 * of two counsellors answering at once, the second is told it is answered already (409).
 */
export async function answerQuestion(options: {
  db: Database
  centreId: string
  questionId: string
  actorUserId: string
  input: QuestionAnswerInput
  language: string
  now: Date
}) {
  const { db, centreId, questionId, actorUserId, input, now } = options
  await db.transaction(async (tx) => {
    const row = await load(tx, sql`q.id = ${questionId} and q.centre_id = ${centreId}`, true)
    if (!row) throw unknown()
    if (row.status !== 'waiting') throw conflict('error.question.alreadyAnswered')
    const attachments = []
    for (const [index, attachment] of input.attachments.entries())
      attachments.push({
        ...attachment,
        title: await titleOf({
          db: tx,
          centreId,
          item: attachment,
          language: row.language,
          field: `attachments.${index}.ref`,
        }),
      })
    await tx.insert(questionMessage).values({
      questionId,
      author: 'counsellor',
      body: input.text,
      attachments,
      authorUserId: actorUserId,
      createdAt: now,
    })
    const fromVisitor = await tx.$count(
      questionMessage,
      and(eq(questionMessage.questionId, questionId), eq(questionMessage.author, 'visitor')),
    )
    await tx
      .update(question)
      .set({ status: fromVisitor >= 2 ? 'closed' : 'answered', lastActivityAt: now })
      .where(eq(question.id, questionId))
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'create',
      entity: 'question_answer',
      entityId: questionId,
      data: {},
    })
  })
  return getStaffQuestion({ db, centreId, questionId, now })
}

/** Hides an abusive message: its text and links are erased at once, the thread says one was hidden. */
export async function hideMessage(options: {
  db: Database
  centreId: string
  questionId: string
  messageId: number
  actorUserId: string
  now: Date
}) {
  const { db, centreId, questionId, messageId, actorUserId, now } = options
  await db.transaction(async (tx) => {
    const row = await load(tx, sql`q.id = ${questionId} and q.centre_id = ${centreId}`, true)
    if (!row) throw unknown()
    const hidden = await tx
      .update(questionMessage)
      .set({ hiddenAt: now, body: '', attachments: [] })
      .where(and(eq(questionMessage.id, messageId), eq(questionMessage.questionId, questionId)))
      .returning({ id: questionMessage.id })
    if (hidden.length === 0) throw new AppError('not_found', 'error.notFound')
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'update',
      entity: 'question_message',
      entityId: String(messageId),
      data: { hidden: true },
    })
  })
  return getStaffQuestion({ db, centreId, questionId, now })
}

/** Erases questions with no activity for longer than their centre keeps raw records. Run daily. */
export async function sweepQuestions({ db, now }: { db: Database; now: Date }): Promise<number> {
  const result = await db.execute(sql`delete from question q using centre c
    where c.id = q.centre_id and q.last_activity_at < ${now}::timestamptz - c.retention_days * interval '1 day'
    returning q.id`)
  return rowsOf(result).length
}
