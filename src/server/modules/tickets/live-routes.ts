import type { ServerResponse } from 'node:http'
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response'
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { StaffRole } from '../../../shared/constants'
import type { AppEnv } from '../../http/context'
import { createRouter } from '../../http/context'
import { publicErrors, staffErrors, staffSecurity } from '../../http/openapi'
import type { StreamSink } from '../../realtime/hub'
import { getCentreBySlug } from '../centres/centres-service'
import { centreParam, centreRole } from '../centres/scope'

const tags = ['Walk-in']
const frontLine = ['reception', 'counsellor', 'manager'] as const satisfies readonly StaffRole[]

const liveQuery = z.object({
  /** For clients that cannot send the Last-Event-ID header (a new EventSource after a failure). */
  lastEventId: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
})

const eventStream = (description: string) => ({
  description,
  content: { 'text/event-stream': { schema: z.string() } },
})

/** The event id a reconnecting client last saw: the header its browser sends, or the query. */
function lastEventIdOf(c: Context<AppEnv>, fromQuery: string | undefined): number | undefined {
  const header = c.req.header('last-event-id')
  const value = header && /^\d{1,18}$/.test(header) ? header : fromQuery
  return value === undefined ? undefined : Number(value)
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-content-type-options': 'nosniff',
  // Reverse proxies must pass each event on at once rather than buffer the stream.
  'x-accel-buffering': 'no',
}

/**
 * Answers with an event stream fed by the hub. Under the Node server the stream is written straight to
 * the socket's response — a screen costs a socket and a few objects, and a call one write per screen;
 * elsewhere (tests through `app.request`) it is a web stream.
 */
function streamResponse(c: Context<AppEnv>, open: (sink: StreamSink) => () => void): Response {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing
  if (outgoing) {
    outgoing.writeHead(200, SSE_HEADERS)
    const detach = open({
      write: (chunk) => {
        if (!outgoing.destroyed) outgoing.write(chunk)
      },
      backlog: () => outgoing.writableLength,
      drop: () => outgoing.destroy(),
    })
    outgoing.once('close', detach)
    // A client gone mid-write is a closed stream, nothing more.
    outgoing.on('error', detach)
    return RESPONSE_ALREADY_SENT
  }
  let detach: (() => void) | undefined
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        detach = open({
          write: (chunk) => controller.enqueue(chunk),
          backlog: () => -(controller.desiredSize ?? 0),
          drop: () => controller.close(),
        })
      },
      cancel: () => detach?.(),
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 0 }),
  )
  return c.body(body, 200, SSE_HEADERS)
}

export const liveRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/live',
      tags,
      summary: 'Live events for screens, kiosks and phones (Server-Sent Events)',
      description:
        'Events: `queue` (per area: open, waiting, desks, estimate) first and on every change; `call` ' +
        '(code, desk, area, recall, at) with an id. A fresh stream starts with the last calls of the day; ' +
        'one resuming with `Last-Event-ID` (or `?lastEventId=`) receives every call it missed.',
      request: { params: centreParam, query: liveQuery },
      responses: { 200: eventStream('Event stream'), ...publicErrors },
    }),
    async (c) => {
      const { db, hub, live } = c.var.deps
      const home = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
      const lastEventId = lastEventIdOf(c, c.req.valid('query').lastEventId)
      return streamResponse(c, (sink) =>
        hub.open(home.id, 'public', () => live.publicSnapshot(home, lastEventId), sink),
      )
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/live/staff',
      tags,
      security: staffSecurity,
      middleware: [centreRole(frontLine)] as const,
      summary: 'Live events for reception and desk consoles (Server-Sent Events)',
      description:
        'Everything the public stream carries, plus `ticket` (id, code, area, status) on every change. ' +
        'Starts with `ready`, after which a console reloads what it shows.',
      request: { params: centreParam, query: liveQuery },
      responses: { 200: eventStream('Event stream'), ...staffErrors },
    }),
    async (c) => {
      const { hub, live } = c.var.deps
      const home = c.var.scope.centre
      const lastEventId = lastEventIdOf(c, c.req.valid('query').lastEventId)
      return streamResponse(c, (sink) =>
        hub.open(
          home.id,
          'staff',
          async () => [
            { centreId: home.id, audience: 'staff', event: 'ready', data: {} },
            ...(await live.publicSnapshot(home, lastEventId)),
          ],
          sink,
        ),
      )
    },
  )
