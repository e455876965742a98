import { createRoute, z } from '@hono/zod-openapi'
import type { StaffRole } from '../../../shared/constants'
import {
  createdNotebookSchema,
  notebookAdditionSchema,
  notebookCodeParamSchema,
  notebookItemInputSchema,
  notebookNotesInputSchema,
  notebookPlanInputSchema,
  notebookSchema,
  notebookSummaryInputSchema,
} from '../../../shared/schemas/notebooks'
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
import { centreParam, centreRole } from '../centres/scope'
import {
  addItem,
  addSummary,
  createNotebook,
  deleteNotebook,
  openNotebook,
  removeItem,
  saveNotes,
  savePlan,
} from './notebook-service'

const tags = ['Notebooks']
const codeParam = notebookCodeParamSchema
const notebookErrors = {
  ...publicErrors,
  429: errorContent('Too many unknown codes (or new notebooks) from this client for now'),
}
const opened = (description: string) => ({ 200: jsonContent(notebookSchema, description), ...notebookErrors })

/** Who adds to a visitor's notebook at the desk, the visitor's code in hand. */
const deskStaff = ['counsellor', 'partner_coordinator', 'manager'] as const satisfies readonly StaffRole[]

/**
 * The visitor's anonymous notebook: opened in one tap, found again by its code alone, erased at will.
 * An unknown code, an erased notebook and one gone unused past its time all answer the same 404.
 */
export const notebookRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centre}/notebooks',
      tags,
      summary: 'Open a new notebook, without giving anything: answers its code, once',
      request: { params: centreParam },
      responses: { 201: jsonContent(createdNotebookSchema, 'The notebook and its code'), ...notebookErrors },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      const home = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
      return c.json(await createNotebook({ db, centreId: home.id, now: now() }), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/notebooks/{code}',
      tags,
      summary: 'The notebook a code opens',
      request: { params: codeParam },
      responses: opened('The notebook'),
    }),
    async (c) => {
      const { db, now } = c.var.deps
      return c.json(await openNotebook({ db, code: c.req.valid('param').code, now: now() }), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/notebooks/{code}/notes',
      tags,
      summary: 'Replace the notebook’s notes (plain text, up to 10,000 characters)',
      request: { params: codeParam, ...jsonBody(notebookNotesInputSchema) },
      responses: opened('The notebook'),
    }),
    async (c) => {
      const { db, now } = c.var.deps
      const { notes } = c.req.valid('json')
      return c.json(await saveNotes({ db, code: c.req.valid('param').code, now: now(), notes }), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/notebooks/{code}/plan',
      tags,
      summary: 'Replace the action plan: steps with a status and a date the visitor chooses',
      request: { params: codeParam, ...jsonBody(notebookPlanInputSchema) },
      responses: opened('The notebook'),
    }),
    async (c) => {
      const { db, now } = c.var.deps
      return c.json(
        await savePlan({ db, code: c.req.valid('param').code, now: now(), input: c.req.valid('json') }),
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/notebooks/{code}/items',
      tags,
      summary: 'Save an occupation, resource, training, event, booking or service in the notebook',
      description:
        '`ref` is `taxonomy:code` for an occupation, the booking’s code for a booking, otherwise the id. ' +
        'Something that does not exist (or is another centre’s) is refused with 422 on `ref`.',
      request: { params: codeParam, ...jsonBody(notebookItemInputSchema) },
      responses: { 201: jsonContent(notebookSchema, 'The notebook'), ...notebookErrors },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      const saved = await addItem({
        db,
        code: c.req.valid('param').code,
        now: now(),
        input: c.req.valid('json'),
        language: c.var.locale,
      })
      return c.json(saved, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/notebooks/{code}/items/{id}',
      tags,
      summary: 'Take something out of the notebook',
      request: { params: codeParam.extend({ id: z.uuid() }) },
      responses: opened('The notebook'),
    }),
    async (c) => {
      const { db, now } = c.var.deps
      const { code, id } = c.req.valid('param')
      return c.json(await removeItem({ db, code, now: now(), itemId: id }), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/notebooks/{code}',
      tags,
      summary: 'Erase the notebook at once: nothing of it is kept',
      request: { params: codeParam },
      responses: { 204: { description: 'Erased' }, ...notebookErrors },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      await deleteNotebook({ db, code: c.req.valid('param').code, now: now() })
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centre}/notebooks/{code}/summaries',
      tags,
      security: staffSecurity,
      middleware: [centreRole(deskStaff)] as const,
      summary: 'At the desk, with the visitor’s code: add a summary and things to come back to',
      description:
        'Only for a notebook opened at this centre; the counsellor sees the notebook only through its code.',
      request: { params: centreParam.merge(codeParam), ...jsonBody(notebookSummaryInputSchema) },
      responses: {
        201: jsonContent(notebookAdditionSchema, 'What was added (nothing else of the notebook)'),
        ...staffErrors,
        ...notebookErrors,
      },
    }),
    async (c) => {
      const { db, centreId } = c.var.scope
      const input = c.req.valid('json')
      const notebook = await addSummary({
        db,
        code: c.req.valid('param').code,
        now: c.var.deps.now(),
        centreId,
        input,
        language: c.var.locale,
      })
      // The counsellor sees the notebook only through what they add: nothing of the visitor's is answered.
      return c.json(
        { summaries: input.text ? 1 : 0, items: input.items.length, erasedAfter: notebook.erasedAfter },
        201,
      )
    },
  )
