import { createRoute, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import {
  areaInputSchema,
  areaSchema,
  centreInputSchema,
  centreSchema,
  closureInputSchema,
  closureSchema,
  deskInputSchema,
  deskSchema,
  partnerSummarySchema,
  weeklyHoursInputSchema,
  weeklyHoursSchema,
} from '../../../shared/schemas/centres'
import { type AppEnv, createRouter } from '../../http/context'
import { jsonBody, jsonContent, staffErrors, staffSecurity } from '../../http/openapi'
import { centreManagers, centreStaff, requireNetworkAdmin } from '../auth/policy'
import { createArea, deleteArea, updateArea } from './areas-service'
import { createCentre, updateCentre } from './centres-service'
import { createClosure, deleteClosure } from './closures-service'
import { createDesk, deleteDesk, listDesks, updateDesk } from './desks-service'
import { getWeeklyHours, listClosures, replaceWeeklyHours } from './hours-service'
import { localDateOf } from './opening-status'
import { listPartners } from './partners-service'
import { presentArea, presentCentre, presentClosure, presentDesk } from './presenters'
import { centreItemParam, centreParam, centreRole } from './scope'

const tags = ['Centre set-up']
const noContent = { 204: { description: 'Done' } }
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: staffSecurity, responses: { ...staffErrors, ...r.responses } })
const managers = centreRole(centreManagers)
const staff = centreRole(centreStaff)
const networkAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireNetworkAdmin(await c.var.getActor())
  await next()
}

export const setupRoutes = createRouter()
  .openapi(
    route({
      method: 'post',
      path: '/centres',
      middleware: [networkAdmin] as const,
      summary: 'Create a centre (network admin)',
      request: jsonBody(centreInputSchema),
      responses: { 201: jsonContent(centreSchema, 'Created') },
    }),
    async (c) => {
      const actor = requireNetworkAdmin(await c.var.getActor())
      const row = await createCentre({
        db: c.var.deps.db,
        actorUserId: actor.userId,
        input: c.req.valid('json'),
      })
      return c.json(presentCentre(row), 201)
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}',
      middleware: [managers] as const,
      summary: 'Update a centre',
      request: { params: centreParam, ...jsonBody(centreInputSchema) },
      responses: { 200: jsonContent(centreSchema, 'Updated') },
    }),
    async (c) => {
      const scope = c.var.scope
      return c.json(presentCentre(await updateCentre({ ...scope, input: c.req.valid('json') })), 200)
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/areas',
      middleware: [managers] as const,
      summary: 'Add a counselling area',
      request: { params: centreParam, ...jsonBody(areaInputSchema) },
      responses: { 201: jsonContent(areaSchema, 'Created') },
    }),
    async (c) => {
      const scope = c.var.scope
      return c.json(presentArea(await createArea({ ...scope, input: c.req.valid('json') })), 201)
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/areas/{id}',
      middleware: [managers] as const,
      summary: 'Update an area',
      request: { params: centreItemParam, ...jsonBody(areaInputSchema) },
      responses: { 200: jsonContent(areaSchema, 'Updated') },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const scope = c.var.scope
      return c.json(presentArea(await updateArea({ ...scope, areaId: id, input: c.req.valid('json') })), 200)
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/areas/{id}',
      middleware: [managers] as const,
      summary: 'Remove an area',
      request: { params: centreItemParam },
      responses: noContent,
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await deleteArea({ ...c.var.scope, areaId: id })
      return c.body(null, 204)
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/partners',
      middleware: [staff] as const,
      summary: 'Partners of a centre, by name (to say who runs an event)',
      request: { params: centreParam },
      responses: { 200: jsonContent(z.array(partnerSummarySchema), 'Partners') },
    }),
    async (c) => c.json(await listPartners(c.var.scope), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/desks',
      middleware: [staff] as const,
      summary: 'Desks of a centre',
      request: { params: centreParam },
      responses: { 200: jsonContent(z.array(deskSchema), 'Desks') },
    }),
    async (c) => {
      const scope = c.var.scope
      return c.json(
        (await listDesks(scope)).map(({ row, areaIds }) => presentDesk(row, areaIds)),
        200,
      )
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/desks',
      middleware: [managers] as const,
      summary: 'Add a desk',
      request: { params: centreParam, ...jsonBody(deskInputSchema) },
      responses: { 201: jsonContent(deskSchema, 'Created') },
    }),
    async (c) => {
      const scope = c.var.scope
      const { row, areaIds } = await createDesk({ ...scope, input: c.req.valid('json') })
      return c.json(presentDesk(row, areaIds), 201)
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/desks/{id}',
      middleware: [managers] as const,
      summary: 'Update a desk',
      request: { params: centreItemParam, ...jsonBody(deskInputSchema) },
      responses: { 200: jsonContent(deskSchema, 'Updated') },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const scope = c.var.scope
      const { row, areaIds } = await updateDesk({ ...scope, deskId: id, input: c.req.valid('json') })
      return c.json(presentDesk(row, areaIds), 200)
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/desks/{id}',
      middleware: [managers] as const,
      summary: 'Remove a desk',
      request: { params: centreItemParam },
      responses: noContent,
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await deleteDesk({ ...c.var.scope, deskId: id })
      return c.body(null, 204)
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/hours',
      middleware: [staff] as const,
      summary: 'Weekly opening hours of the centre, or of one area',
      request: { params: centreParam, query: z.object({ area: z.uuid().optional() }) },
      responses: { 200: jsonContent(weeklyHoursSchema, 'Weekly hours') },
    }),
    async (c) => {
      const scope = c.var.scope
      return c.json(await getWeeklyHours({ ...scope, areaId: c.req.valid('query').area ?? null }), 200)
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/hours',
      middleware: [managers] as const,
      summary: 'Replace a week of opening hours',
      request: { params: centreParam, ...jsonBody(weeklyHoursInputSchema) },
      responses: { 200: jsonContent(weeklyHoursSchema, 'Saved') },
    }),
    async (c) => {
      const scope = c.var.scope
      return c.json(await replaceWeeklyHours({ ...scope, input: c.req.valid('json') }), 200)
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/closures',
      middleware: [staff] as const,
      summary: 'Current and future exceptional closures',
      request: { params: centreParam },
      responses: { 200: jsonContent(z.array(closureSchema), 'Closures') },
    }),
    async (c) => {
      const scope = c.var.scope
      const fromDate = localDateOf(c.var.deps.now(), scope.centre.timezone)
      return c.json((await listClosures({ ...scope, fromDate })).map(presentClosure), 200)
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/closures',
      middleware: [managers] as const,
      summary: 'Add an exceptional closure',
      request: { params: centreParam, ...jsonBody(closureInputSchema) },
      responses: { 201: jsonContent(closureSchema, 'Created') },
    }),
    async (c) => {
      const scope = c.var.scope
      return c.json(presentClosure(await createClosure({ ...scope, input: c.req.valid('json') })), 201)
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/closures/{id}',
      middleware: [managers] as const,
      summary: 'Remove a closure',
      request: { params: centreItemParam },
      responses: noContent,
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await deleteClosure({ ...c.var.scope, closureId: id })
      return c.body(null, 204)
    },
  )
