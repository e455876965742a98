import { createRoute, z } from '@hono/zod-openapi'
import {
  attendanceFiltersSchema,
  attendanceSchema,
  bookingCodeSchema,
  bookingViewSchema,
  eventInputSchema,
  MAX_GROUP,
  staffEventSchema,
  staffEventSummarySchema,
} from '../../../shared/schemas/events'
import { createRouter } from '../../http/context'
import { jsonBody, jsonContent, staffErrors, staffSecurity } from '../../http/openapi'
import { findPartnerWriter, partnerEditors, partnerWriterOf } from '../auth/partner-writer'
import { centreStaff } from '../auth/policy'
import { centreItemParam, centreParam, centreRole } from '../centres/scope'
import { attendance } from './attendance'
import { checkIn, countDropIns } from './check-in'
import { cancelEvent, createEvent, updateEvent } from './events-service'
import { getStaffEvent, listStaffEvents } from './staff-read'

const tags = ['Events']
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: staffSecurity, responses: { ...staffErrors, ...r.responses } })
const readers = centreRole(centreStaff)
const editors = centreRole(partnerEditors)

/** Staff side of the events programme: managers any event, partner coordinators their partner's. */
export const eventStaffRoutes = createRouter()
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/events',
      middleware: [readers] as const,
      summary: 'The centre’s events with a session to come (or of the last week), soonest first',
      request: { params: centreParam },
      responses: { 200: jsonContent(z.object({ items: z.array(staffEventSummarySchema) }), 'The events') },
    }),
    async (c) => {
      const { db, centre, actor } = c.var.scope
      const items = await listStaffEvents({
        db,
        centreId: centre.id,
        writer: findPartnerWriter(actor, centre.id),
        now: c.var.deps.now(),
      })
      return c.json({ items }, 200)
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/events',
      middleware: [editors] as const,
      summary: 'Add an event with its sessions (a partner coordinator’s is run by their partner)',
      request: { params: centreParam, ...jsonBody(eventInputSchema) },
      responses: { 201: jsonContent(staffEventSchema, 'Created') },
    }),
    async (c) => {
      const { db, centre, actor, actorUserId } = c.var.scope
      const eventId = await createEvent({
        db,
        centreId: centre.id,
        actorUserId,
        writer: partnerWriterOf(actor, centre.id),
        input: c.req.valid('json'),
        now: c.var.deps.now(),
      })
      return c.json(
        await getStaffEvent({
          db,
          centreId: centre.id,
          eventId,
          writer: findPartnerWriter(actor, centre.id),
        }),
        201,
      )
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/events/{id}',
      middleware: [readers] as const,
      summary: 'An event with its sessions, seats booked and bookings waiting',
      request: { params: centreItemParam },
      responses: { 200: jsonContent(staffEventSchema, 'The event') },
    }),
    async (c) => {
      const { db, centre, actor } = c.var.scope
      const eventId = c.req.valid('param').id
      return c.json(
        await getStaffEvent({
          db,
          centreId: centre.id,
          eventId,
          writer: findPartnerWriter(actor, centre.id),
        }),
        200,
      )
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/events/{id}',
      middleware: [editors] as const,
      summary: 'Change an event and its sessions',
      description:
        'Sessions named by `id` are changed (never below the seats already booked; seats gained go to ' +
        'the waiting list), others are added; a session left out is removed, or cancelled if booked.',
      request: { params: centreItemParam, ...jsonBody(eventInputSchema) },
      responses: { 200: jsonContent(staffEventSchema, 'The event') },
    }),
    async (c) => {
      const { db, centre, actor, actorUserId } = c.var.scope
      const eventId = c.req.valid('param').id
      await updateEvent({
        db,
        centreId: centre.id,
        actorUserId,
        writer: partnerWriterOf(actor, centre.id),
        eventId,
        input: c.req.valid('json'),
        now: c.var.deps.now(),
      })
      return c.json(
        await getStaffEvent({
          db,
          centreId: centre.id,
          eventId,
          writer: findPartnerWriter(actor, centre.id),
        }),
        200,
      )
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/events/{id}',
      middleware: [editors] as const,
      summary: 'Cancel an event and all its sessions (their bookings are kept)',
      request: { params: centreItemParam },
      responses: { 200: jsonContent(staffEventSchema, 'The event, cancelled') },
    }),
    async (c) => {
      const { db, centre, actor, actorUserId } = c.var.scope
      const eventId = c.req.valid('param').id
      await cancelEvent({
        db,
        centreId: centre.id,
        actorUserId,
        writer: partnerWriterOf(actor, centre.id),
        eventId,
        now: c.var.deps.now(),
      })
      return c.json(
        await getStaffEvent({
          db,
          centreId: centre.id,
          eventId,
          writer: findPartnerWriter(actor, centre.id),
        }),
        200,
      )
    },
  )

const sessionParam = centreParam.extend({ id: z.uuid() })

/** Attendance counts for statistics: by event type, area or partner, never by person. */
export const attendanceRoutes = createRouter().openapi(
  route({
    method: 'get',
    path: '/centres/{centre}/attendance',
    middleware: [readers] as const,
    summary:
      'Sessions held, seats booked, people checked in and drop-ins between two days, by type, area or partner',
    request: { params: centreParam, query: attendanceFiltersSchema },
    responses: { 200: jsonContent(attendanceSchema, 'The counts') },
  }),
  async (c) => {
    const { db, centre } = c.var.scope
    const counts = await attendance({
      db,
      centreId: centre.id,
      timezone: centre.timezone,
      filters: c.req.valid('query'),
      k: centre.disclosureThreshold,
    })
    return c.json(counts, 200)
  },
)

/** At the door: bookings checked in by code, and people without one counted. */
export const checkInRoutes = createRouter()
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/sessions/{id}/check-in',
      middleware: [readers] as const,
      summary: 'Check a booking in by its code (typed or scanned): only the count is kept',
      request: {
        params: sessionParam,
        ...jsonBody(
          z.object({ code: bookingCodeSchema, seats: z.number().int().min(0).max(MAX_GROUP).optional() }),
        ),
      },
      responses: { 200: jsonContent(bookingViewSchema, 'The booking, checked in') },
    }),
    async (c) => {
      const { db, centre, actorUserId } = c.var.scope
      const { code, seats } = c.req.valid('json')
      const checked = await checkIn({
        db,
        centreId: centre.id,
        actorUserId,
        sessionId: c.req.valid('param').id,
        code,
        seats,
        now: c.var.deps.now(),
      })
      return c.json(checked, 200)
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/sessions/{id}/drop-ins',
      middleware: [readers] as const,
      summary: 'Count people who came without a booking (a negative change corrects the count)',
      request: {
        params: sessionParam,
        ...jsonBody(z.object({ change: z.number().int().min(-100).max(100) })),
      },
      responses: { 200: jsonContent(z.object({ dropIns: z.number().int() }), 'The count') },
    }),
    async (c) => {
      const { db, centre, actorUserId } = c.var.scope
      const counted = await countDropIns({
        db,
        centreId: centre.id,
        actorUserId,
        sessionId: c.req.valid('param').id,
        change: c.req.valid('json').change,
        now: c.var.deps.now(),
      })
      return c.json(counted, 200)
    },
  )
