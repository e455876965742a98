import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import {
  knowledgeListSchema,
  knowledgeNoteInputSchema,
  knowledgeNoteSchema,
  knowledgeQuerySchema,
  knowledgeReaderRoles,
  knowledgeRevisionSchema,
  knowledgeWriterRoles,
} from '../../../shared/schemas/knowledge'
import { type AppEnv, createRouter } from '../../http/context'
import { jsonBody, jsonContent, staffErrors, staffSecurity } from '../../http/openapi'
import { centreManagers, hasRole } from '../auth/policy'
import { centreItemParam, centreParam, centreRole } from '../centres/scope'
import { createNote, deleteNote, getNote, listNotes, listRevisions, updateNote } from './knowledge-service'

const tags = ['Knowledge base']
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: staffSecurity, responses: { ...staffErrors, ...r.responses } })

const readers = centreRole(knowledgeReaderRoles)
const writers = centreRole(knowledgeWriterRoles)

async function noteFor(c: Context<AppEnv>, noteId: string) {
  const { db, centreId, centre, actor } = c.var.scope
  return getNote({
    db,
    centreId,
    noteId,
    language: c.var.locale,
    defaultLanguage: centre.defaultLanguage,
    canDeleteAny: hasRole(actor, centreId, centreManagers),
    actorUserId: actor.userId,
  })
}

/** The staff knowledge base: notes in Markdown, linked to services, areas and occupations, with history. */
export const knowledgeRoutes = createRouter()
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/knowledge',
      middleware: [readers] as const,
      summary: 'Notes, newest first or best matches first for `q`, narrowed by kind, tag, service, area',
      request: { params: centreParam, query: knowledgeQuerySchema },
      responses: {
        200: jsonContent(knowledgeListSchema, 'At most 100 notes, the total matching, and the tags in use'),
      },
    }),
    async (c) => {
      const { db, centreId } = c.var.scope
      const result = await listNotes({ db, centreId, query: c.req.valid('query'), language: c.var.locale })
      return c.json(result, 200)
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/knowledge',
      middleware: [writers] as const,
      summary: 'Write a note (in the language of the request)',
      request: { params: centreParam, ...jsonBody(knowledgeNoteInputSchema) },
      responses: { 201: jsonContent(knowledgeNoteSchema, 'Created') },
    }),
    async (c) => {
      const { db, centreId, actor } = c.var.scope
      const id = await createNote({
        db,
        centreId,
        actorUserId: actor.userId,
        language: c.var.locale,
        input: c.req.valid('json'),
      })
      return c.json(await noteFor(c, id), 201)
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/knowledge/{id}',
      middleware: [readers] as const,
      summary: 'A note with what it links to',
      request: { params: centreItemParam },
      responses: { 200: jsonContent(knowledgeNoteSchema, 'The note') },
    }),
    async (c) => c.json(await noteFor(c, c.req.valid('param').id), 200),
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/knowledge/{id}',
      middleware: [writers] as const,
      summary: 'Change a note: `version` is the one the change started from (409 if someone saved since)',
      request: { params: centreItemParam, ...jsonBody(knowledgeNoteInputSchema) },
      responses: { 200: jsonContent(knowledgeNoteSchema, 'The note as changed') },
    }),
    async (c) => {
      const { db, centreId, actor } = c.var.scope
      const noteId = c.req.valid('param').id
      await updateNote({ db, centreId, actorUserId: actor.userId, noteId, input: c.req.valid('json') })
      return c.json(await noteFor(c, noteId), 200)
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/knowledge/{id}',
      middleware: [writers] as const,
      summary: 'Remove a note and its history (its author or a manager)',
      request: { params: centreItemParam },
      responses: { 204: { description: 'Removed' } },
    }),
    async (c) => {
      const { db, centreId, actor } = c.var.scope
      await deleteNote({
        db,
        centreId,
        actorUserId: actor.userId,
        noteId: c.req.valid('param').id,
        isManager: hasRole(actor, centreId, centreManagers),
      })
      return c.body(null, 204)
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/knowledge/{id}/history',
      middleware: [readers] as const,
      summary: 'Every version of a note, the latest first, with who made it when',
      request: { params: centreItemParam },
      responses: { 200: jsonContent(z.object({ items: z.array(knowledgeRevisionSchema) }), 'The versions') },
    }),
    async (c) => {
      const { db, centreId } = c.var.scope
      const items = await listRevisions({ db, centreId, noteId: c.req.valid('param').id })
      return c.json({ items }, 200)
    },
  )
