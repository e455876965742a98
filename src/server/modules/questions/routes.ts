import { createRoute, z } from '@hono/zod-openapi'
import type { StaffRole } from '../../../shared/constants'
import {
  questionAnswerInputSchema,
  questionInputSchema,
  questionQueueFiltersSchema,
  questionQueueSchema,
  questionReplyInputSchema,
  questionViewSchema,
  staffQuestionSchema,
} from '../../../shared/schemas/questions'
import { createRouter } from '../../http/context'
import {
  errorContent,
  jsonBody,
  jsonContent,
  publicErrors,
  staffErrors,
  staffSecurity,
} from '../../http/openapi'
import { getCentreBySlug } from '../centres/centres-service'
import { centreItemParam, centreParam, centreRole } from '../centres/scope'
import {
  answerQuestion,
  askQuestion,
  getStaffQuestion,
  hideMessage,
  listQuestions,
  readQuestion,
  replyToQuestion,
} from './question-service'

const tags = ['Questions']
const codeParam = z.object({ code: z.string().min(1).max(40) })
const visitorErrors = {
  ...publicErrors,
  409: errorContent('No more replies: the visitor replies once, after the first answer'),
  429: errorContent('Too many unknown codes (or questions) from this client for now'),
}
/** Who answers online questions: the counsellors, and coordinators and managers who also counsel. */
const answerers = ['counsellor', 'partner_coordinator', 'manager'] as const satisfies readonly StaffRole[]
const staffRoute = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: staffSecurity, responses: { ...staffErrors, ...r.responses } })

/**
 * Ask a counsellor online: a question without any contact, read back with its code; answered from the
 * desk within two working days; one reply from the visitor to continue.
 */
export const questionRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centre}/questions',
      tags,
      summary: 'Ask a question, without giving a name or a contact: answers its code, once',
      request: { params: centreParam, ...jsonBody(questionInputSchema) },
      responses: {
        201: jsonContent(z.object({ code: z.string(), question: questionViewSchema }), 'Asked'),
        ...visitorErrors,
      },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      const home = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
      return c.json(await askQuestion({ db, centreId: home.id, input: c.req.valid('json'), now: now() }), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/questions/{code}',
      tags,
      summary: 'A question and its answers, by its code',
      request: { params: codeParam },
      responses: { 200: jsonContent(questionViewSchema, 'The question'), ...visitorErrors },
    }),
    async (c) => c.json(await readQuestion({ db: c.var.deps.db, code: c.req.valid('param').code }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/questions/{code}/replies',
      tags,
      summary: 'The visitor’s one reply, after the first answer',
      request: { params: codeParam, ...jsonBody(questionReplyInputSchema) },
      responses: { 201: jsonContent(questionViewSchema, 'The question'), ...visitorErrors },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      const { text } = c.req.valid('json')
      return c.json(await replyToQuestion({ db, code: c.req.valid('param').code, text, now: now() }), 201)
    },
  )
  .openapi(
    staffRoute({
      method: 'get',
      path: '/centres/{centre}/questions',
      middleware: [centreRole(answerers)] as const,
      summary: 'The questions to answer, the longest waiting first (per area, by status)',
      request: { params: centreParam, query: questionQueueFiltersSchema },
      responses: { 200: jsonContent(questionQueueSchema, 'The queue') },
    }),
    async (c) => {
      const { db, centreId } = c.var.scope
      const filters = c.req.valid('query')
      return c.json(await listQuestions({ db, centreId, ...filters, now: c.var.deps.now() }), 200)
    },
  )
  .openapi(
    staffRoute({
      method: 'get',
      path: '/centres/{centre}/questions/{id}',
      middleware: [centreRole(answerers)] as const,
      summary: 'One question with its thread',
      request: { params: centreItemParam },
      responses: { 200: jsonContent(staffQuestionSchema, 'The question') },
    }),
    async (c) => {
      const { db, centreId } = c.var.scope
      return c.json(
        await getStaffQuestion({ db, centreId, questionId: c.req.valid('param').id, now: c.var.deps.now() }),
        200,
      )
    },
  )
  .openapi(
    staffRoute({
      method: 'post',
      path: '/centres/{centre}/questions/{id}/answers',
      middleware: [centreRole(answerers)] as const,
      summary: 'Answer a waiting question, with resources, services or events to look at',
      description: 'A question answered meanwhile by a colleague is refused with 409.',
      request: { params: centreItemParam, ...jsonBody(questionAnswerInputSchema) },
      responses: { 201: jsonContent(staffQuestionSchema, 'The question') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const answered = await answerQuestion({
        db,
        centreId,
        questionId: c.req.valid('param').id,
        actorUserId,
        input: c.req.valid('json'),
        language: c.var.locale,
        now: c.var.deps.now(),
      })
      return c.json(answered, 201)
    },
  )
  .openapi(
    staffRoute({
      method: 'post',
      path: '/centres/{centre}/questions/{id}/messages/{message}/hide',
      middleware: [centreRole(answerers)] as const,
      summary: 'Hide an abusive message: its text is erased, the thread says one was hidden',
      request: { params: centreItemParam.extend({ message: z.coerce.number().int().positive() }) },
      responses: { 200: jsonContent(staffQuestionSchema, 'The question') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const { id, message } = c.req.valid('param')
      return c.json(
        await hideMessage({
          db,
          centreId,
          questionId: id,
          messageId: message,
          actorUserId,
          now: c.var.deps.now(),
        }),
        200,
      )
    },
  )
