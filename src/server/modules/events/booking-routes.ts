import { createRoute, z } from '@hono/zod-openapi'
import {
  bookingCodeSchema,
  bookingInputSchema,
  bookingViewSchema,
  MAX_GROUP,
} from '../../../shared/schemas/events'
import { createRouter } from '../../http/context'
import { errorContent, jsonBody, jsonContent, publicErrors } from '../../http/openapi'
import { bookSeats, cancelBooking, changeBookingSeats, getBooking } from './bookings'

const tags = ['Bookings']
const codeParam = z.object({ code: bookingCodeSchema })
const bookingErrors = {
  ...publicErrors,
  409: errorContent('Refused: the session is closed, cancelled or full, or the booking cancelled'),
  429: errorContent('Too many unknown codes from this client for now'),
}

/** Anonymous bookings: seats asked for without a name, then seen, changed or cancelled by code. */
export const bookingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{id}/bookings',
      tags,
      summary: 'Book seats on a session, confirmed or on the waiting list, without giving a name',
      description:
        'Answers the booking code once: it is the only way back to the booking (it is not stored). ' +
        'A reminder contact is optional, needs `contactConsent`, and is erased when the session is over.',
      request: { params: z.object({ id: z.uuid() }), ...jsonBody(bookingInputSchema) },
      responses: {
        201: jsonContent(z.object({ code: z.string(), booking: bookingViewSchema }), 'Booked'),
        ...bookingErrors,
      },
    }),
    async (c) => {
      const booked = await bookSeats({
        db: c.var.deps.db,
        sessionId: c.req.valid('param').id,
        input: c.req.valid('json'),
        now: c.var.deps.now(),
        language: c.var.locale,
      })
      return c.json(booked, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/bookings/{code}',
      tags,
      summary: 'A booking, by its code',
      request: { params: codeParam },
      responses: { 200: jsonContent(bookingViewSchema, 'The booking'), ...bookingErrors },
    }),
    async (c) => c.json(await getBooking({ db: c.var.deps.db, code: c.req.valid('param').code }), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/bookings/{code}',
      tags,
      summary: 'Change the number of seats of a booking',
      request: {
        params: codeParam,
        ...jsonBody(z.object({ seats: z.number().int().min(1).max(MAX_GROUP) })),
      },
      responses: { 200: jsonContent(bookingViewSchema, 'The booking'), ...bookingErrors },
    }),
    async (c) => {
      const changed = await changeBookingSeats({
        db: c.var.deps.db,
        code: c.req.valid('param').code,
        seats: c.req.valid('json').seats,
        now: c.var.deps.now(),
      })
      return c.json(changed, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/bookings/{code}',
      tags,
      summary: 'Cancel a booking, or leave the waiting list',
      request: { params: codeParam },
      responses: { 200: jsonContent(bookingViewSchema, 'The booking, cancelled'), ...bookingErrors },
    }),
    async (c) => {
      const cancelled = await cancelBooking({
        db: c.var.deps.db,
        code: c.req.valid('param').code,
        now: c.var.deps.now(),
      })
      return c.json(cancelled, 200)
    },
  )
