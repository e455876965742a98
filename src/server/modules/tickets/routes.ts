import { createRoute, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { StaffRole } from '../../../shared/constants'
import { areaDayInputSchema } from '../../../shared/schemas/centres'
import { slugSchema } from '../../../shared/schemas/common'
import { interviewInputSchema } from '../../../shared/schemas/interviews'
import { visitProfileInputSchema, visitProfileSchema } from '../../../shared/schemas/profiles'
import {
  deskSessionSchema,
  issuedTicketSchema,
  issueTicketInputSchema,
  openDeskSessionInputSchema,
  queueAreaSchema,
  staffTicketSchema,
  trackedTicketSchema,
  transferInputSchema,
  walkInBoardSchema,
} from '../../../shared/schemas/tickets'
import { type AppEnv, createRouter } from '../../http/context'
import { jsonBody, jsonContent, publicErrors, staffErrors, staffSecurity } from '../../http/openapi'
import { requireRole } from '../auth/policy'
import { setAreaDayState } from '../centres/area-status'
import { centreParam, centreRole } from '../centres/scope'
import { getVisitProfile, saveVisitProfile } from '../profiles/profile-service'
import { callNextTicket } from './call-next'
import { closeDeskSession, getDeskWithCentre, openDeskSession } from './desk-sessions'
import { issueTicket } from './issue-ticket'
import {
  getQueueOverview,
  getWalkInBoard,
  presentStaffTicket,
  queueOverviewOf,
  trackTicket,
} from './read-tickets'
import { applyTicketAction, getTicketWithCentre, ticketActions } from './ticket-actions'

const tags = ['Walk-in']
const counselling = ['counsellor', 'manager'] as const satisfies readonly StaffRole[]
const frontLine = ['reception', 'counsellor', 'manager'] as const satisfies readonly StaffRole[]
const receptionDesk = ['reception', 'manager'] as const satisfies readonly StaffRole[]
const deskParam = z.object({ desk: z.uuid() })
const ticketParam = z.object({ id: z.uuid() })

/** Loads the desk named in the path, checks the caller's role in its centre and sets the scope. */
function deskRole(roles: readonly StaffRole[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db } = c.var.deps
    const { centre } = await getDeskWithCentre(db, c.req.param('desk') ?? '')
    const actor = requireRole(await c.var.getActor(), centre.id, roles)
    c.set('scope', { db, centre, centreId: centre.id, actor, actorUserId: actor.userId })
    await next()
  }
}

/** Loads the ticket named in the path and checks the caller's role in its centre. */
function ticketRole(roles: readonly StaffRole[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db } = c.var.deps
    const { centre } = await getTicketWithCentre(db, c.req.param('id') ?? '')
    const actor = requireRole(await c.var.getActor(), centre.id, roles)
    c.set('scope', { db, centre, centreId: centre.id, actor, actorUserId: actor.userId })
    await next()
  }
}

const actionBody = z
  .object({ desk: z.uuid().optional() })
  .and(z.object({ transfer: transferInputSchema.optional() }))
  .and(z.object({ interview: interviewInputSchema.optional() }))

export const ticketRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/centres/{centre}/tickets',
      tags,
      summary: 'Take a ticket (kiosk, reception or portal): no name, no contact',
      request: {
        params: centreParam,
        body: { required: true, content: { 'application/json': { schema: issueTicketInputSchema } } },
      },
      responses: { 201: jsonContent(issuedTicketSchema, 'Ticket'), 409: staffErrors[409], ...publicErrors },
    }),
    async (c) => {
      const { db, now, live } = c.var.deps
      const issued = await issueTicket({
        db,
        centreSlug: c.req.valid('param').centre,
        input: c.req.valid('json'),
        now: now(),
      })
      await live.ticketChanged(issued.id)
      return c.json(issued, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tickets/track/{token}',
      tags,
      summary: 'Follow my ticket: status, position, estimate, desk when called',
      request: { params: z.object({ token: z.string().min(16).max(64) }) },
      responses: { 200: jsonContent(trackedTicketSchema, 'Ticket'), ...publicErrors },
    }),
    async (c) => c.json(await trackTicket({ db: c.var.deps.db, token: c.req.valid('param').token }), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/queue',
      tags,
      summary: 'Per area: open now, people waiting, desks serving, expected wait',
      request: { params: centreParam },
      responses: { 200: jsonContent(z.array(queueAreaSchema), 'Queues'), ...publicErrors },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      return c.json(await getQueueOverview({ db, slug: c.req.valid('param').centre, now: now() }), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/centres/{centre}/areas/{area}/today',
      tags,
      security: staffSecurity,
      middleware: [centreRole(receptionDesk)] as const,
      summary: 'Open or close an area for the rest of the day, or follow its planned hours again',
      description:
        'Closing stops new tickets; people already waiting are still called. The decision ends with the day.',
      request: {
        params: centreParam.extend({ area: slugSchema }),
        body: { required: true, content: { 'application/json': { schema: areaDayInputSchema } } },
      },
      responses: { 200: jsonContent(queueAreaSchema, 'The area’s queue now'), ...staffErrors },
    }),
    async (c) => {
      const { db, now, live } = c.var.deps
      const { centre: home, actorUserId } = c.var.scope
      const at = now()
      const { area } = c.req.valid('param')
      await setAreaDayState({ db, home, areaSlug: area, input: c.req.valid('json'), actorUserId, now: at })
      live.queueChanged(home.id)
      const queues = await queueOverviewOf({ db, home, now: at })
      const updated = queues.find((row) => row.area === area)
      if (!updated) throw new Error('area vanished after its day state was set')
      return c.json(updated, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/desks/{desk}/session',
      tags,
      security: staffSecurity,
      middleware: [deskRole(counselling)] as const,
      summary: 'Open a session at a desk: the areas and languages served',
      request: {
        params: deskParam,
        body: { required: true, content: { 'application/json': { schema: openDeskSessionInputSchema } } },
      },
      responses: { 201: jsonContent(deskSessionSchema, 'Session'), ...staffErrors },
    }),
    async (c) => {
      const { actorUserId, centreId } = c.var.scope
      const deskId = c.req.valid('param').desk
      const { session, areas } = await openDeskSession({
        db: c.var.deps.db,
        deskId,
        userId: actorUserId,
        input: c.req.valid('json'),
      })
      c.var.deps.live.queueChanged(centreId)
      return c.json({ id: session.id, desk: deskId, areas, languages: session.languages }, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/desks/{desk}/session',
      tags,
      security: staffSecurity,
      middleware: [deskRole(counselling)] as const,
      summary: 'Close the desk’s session',
      request: { params: deskParam },
      responses: { 204: { description: 'Closed' }, ...staffErrors },
    }),
    async (c) => {
      const deskId = c.req.valid('param').desk
      await closeDeskSession({ db: c.var.deps.db, deskId })
      c.var.deps.live.queueChanged(c.var.scope.centreId)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/desks/{desk}/call-next',
      tags,
      security: staffSecurity,
      middleware: [deskRole(counselling)] as const,
      summary: 'Call the next ticket this desk can serve (204 when nobody waits)',
      request: { params: deskParam },
      responses: {
        200: jsonContent(staffTicketSchema, 'Called'),
        204: { description: 'Nobody waits' },
        ...staffErrors,
      },
    }),
    async (c) => {
      const { db, now, live, hub } = c.var.deps
      const called = await callNextTicket({
        db,
        deskId: c.req.valid('param').desk,
        centreId: c.var.scope.centreId,
        now: now(),
      })
      if (!called) return c.body(null, 204)
      // The desk sees its call confirmed once the screens of this instance have been told.
      const [presented] = await Promise.all([
        presentStaffTicket(db, called),
        live.ticketChanged(called, { called: true }).then(() => hub.delivered()),
      ])
      return c.json(presented, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/walk-in',
      tags,
      security: staffSecurity,
      middleware: [centreRole(frontLine)] as const,
      summary: 'Today’s tickets in play and the desks open now (reception and desk consoles)',
      request: { params: centreParam },
      responses: { 200: jsonContent(walkInBoardSchema, 'Board'), ...staffErrors },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      return c.json(await getWalkInBoard({ db, home: c.var.scope.centre, now: now() }), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tickets/{id}',
      tags,
      security: staffSecurity,
      middleware: [ticketRole(frontLine)] as const,
      summary: 'A ticket with the thread of its steps',
      request: { params: ticketParam },
      responses: { 200: jsonContent(staffTicketSchema, 'Ticket'), ...staffErrors },
    }),
    async (c) => {
      const { db } = c.var.deps
      const { ticket } = await getTicketWithCentre(db, c.req.valid('param').id)
      return c.json(await presentStaffTicket(db, ticket), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tickets/{id}/{action}',
      tags,
      security: staffSecurity,
      middleware: [ticketRole(frontLine)] as const,
      summary: 'Recall, start, no-show, requeue, transfer, finish, cancel, or call a specific ticket',
      description:
        'Finishing or transferring may carry `interview`: the themes, outcomes, services referred to and ' +
        'language of the interview that ends there — nothing about the person. It is recorded in the same ' +
        'transaction: a refused record leaves the ticket as it was.',
      request: {
        params: ticketParam.extend({ action: z.enum(ticketActions) }),
        body: { required: false, content: { 'application/json': { schema: actionBody } } },
      },
      responses: { 200: jsonContent(staffTicketSchema, 'Ticket'), ...staffErrors },
    }),
    async (c) => {
      const { db, now, live, hub } = c.var.deps
      const { id, action } = c.req.valid('param')
      const body = c.req.valid('json') ?? {}
      const updated = await applyTicketAction({
        db,
        ticketId: id,
        action,
        input: { deskId: body.desk, transfer: body.transfer, interview: body.interview },
        // The interview that ends a step counts for the partner the counsellor works for.
        partnerId:
          c.var.scope.actor.grants.find((g) => g.centreId === c.var.scope.centreId && g.partnerId)
            ?.partnerId ?? null,
        now: now(),
      })
      const announced = (action === 'call' || action === 'recall') && updated.status === 'called'
      const [presented] = await Promise.all([
        presentStaffTicket(db, updated),
        live.ticketChanged(updated, { called: announced }).then(() => hub.delivered()),
      ])
      return c.json(presented, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tickets/{id}/profile',
      tags,
      security: staffSecurity,
      middleware: [ticketRole(frontLine)] as const,
      summary: 'The visit’s profile in coarse bands, or null when none was given',
      request: { params: ticketParam },
      responses: { 200: jsonContent(visitProfileSchema.nullable(), 'The profile'), ...staffErrors },
    }),
    async (c) => c.json(await getVisitProfile(c.var.deps.db, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/tickets/{id}/profile',
      tags,
      security: staffSecurity,
      middleware: [ticketRole(frontLine)] as const,
      summary: 'Record the visit’s profile, with the visitor’s agreement: coarse bands, any left unanswered',
      request: { params: ticketParam, ...jsonBody(visitProfileInputSchema) },
      responses: { 200: jsonContent(visitProfileSchema, 'The profile'), ...staffErrors },
    }),
    async (c) =>
      c.json(
        await saveVisitProfile({
          db: c.var.deps.db,
          ticketId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  )
