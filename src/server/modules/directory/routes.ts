import { createRoute, z } from '@hono/zod-openapi'
import {
  directoryQuerySchema,
  directoryServiceInputSchema,
  directoryServiceSchema,
  staffDirectoryQuerySchema,
  staffDirectoryServiceSchema,
} from '../../../shared/schemas/directory'
import { createRouter } from '../../http/context'
import { notFound } from '../../http/errors'
import { jsonBody, jsonContent, publicErrors, staffErrors, staffSecurity } from '../../http/openapi'
import { partnerEditors } from '../auth/partner-writer'
import { centreManagers, centreStaff } from '../auth/policy'
import { getCentreBySlug } from '../centres/centres-service'
import { centreItemParam, centreParam, centreRole } from '../centres/scope'
import {
  createService,
  deleteService,
  listStaffServices,
  searchServices,
  updateService,
} from './directory-service'

const tags = ['Referral directory']
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: staffSecurity, responses: { ...staffErrors, ...r.responses } })
const readers = centreRole(centreStaff)
const editors = centreRole(partnerEditors)
const managers = centreRole(centreManagers)

/** The referral directory for staff: managers and partner coordinators keep it, managers remove. */
export const directoryRoutes = createRouter()
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/directory',
      middleware: [readers] as const,
      summary: 'Services of the directory: with `review=true` those due for a check, with `q` those matching',
      request: { params: centreParam, query: staffDirectoryQuerySchema },
      responses: {
        200: jsonContent(z.object({ items: z.array(staffDirectoryServiceSchema) }), 'The services'),
      },
    }),
    async (c) => {
      const { db, centreId } = c.var.scope
      const query = c.req.valid('query')
      const items = await listStaffServices({
        db,
        centreId,
        now: c.var.deps.now(),
        review: query.review === 'true',
        q: query.q,
        language: c.var.locale,
      })
      return c.json({ items }, 200)
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/directory',
      middleware: [editors] as const,
      summary: 'Add a service to the directory',
      request: { params: centreParam, ...jsonBody(directoryServiceInputSchema) },
      responses: { 201: jsonContent(staffDirectoryServiceSchema, 'Created') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const id = await createService({ db, centreId, actorUserId, input: c.req.valid('json') })
      const created = (await listStaffServices({ db, centreId, now: c.var.deps.now() })).find(
        (s) => s.id === id,
      )
      if (!created) throw notFound('error.directory.notFound')
      return c.json(created, 201)
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/directory/{id}',
      middleware: [editors] as const,
      summary: 'Change a service (its last check date included)',
      request: { params: centreItemParam, ...jsonBody(directoryServiceInputSchema) },
      responses: { 200: jsonContent(staffDirectoryServiceSchema, 'The service') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const serviceId = c.req.valid('param').id
      await updateService({ db, centreId, actorUserId, serviceId, input: c.req.valid('json') })
      const changed = (await listStaffServices({ db, centreId, now: c.var.deps.now() })).find(
        (s) => s.id === serviceId,
      )
      if (!changed) throw notFound('error.directory.notFound')
      return c.json(changed, 200)
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/directory/{id}',
      middleware: [managers] as const,
      summary: 'Remove a service',
      request: { params: centreItemParam },
      responses: { 204: { description: 'Removed' } },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      await deleteService({ db, centreId, actorUserId, serviceId: c.req.valid('param').id })
      return c.body(null, 204)
    },
  )

/** The directory for anyone: search by words, area and audience. */
export const publicDirectoryRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/centres/{centre}/services',
    tags,
    summary: 'Services a visitor may turn to, searched by words (any language), area and audience',
    request: { params: centreParam, query: directoryQuerySchema },
    responses: {
      200: jsonContent(z.object({ items: z.array(directoryServiceSchema) }), 'The services'),
      ...publicErrors,
    },
  }),
  async (c) => {
    const { db } = c.var.deps
    const home = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
    const query = c.req.valid('query')
    const items = await searchServices({
      db,
      centreId: home.id,
      query,
      language: query.lang ?? c.var.locale,
      defaultLanguage: home.defaultLanguage,
    })
    return c.json({ items }, 200)
  },
)
