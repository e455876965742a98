import type { MiddlewareHandler } from 'hono'
import { clientAddress, createClientCounters } from '../../http/client-counters'
import type { AppEnv } from '../../http/context'
import { AppError } from '../../http/errors'

export type IssueLimitOptions = {
  /** Tickets per client address in a window, from kiosks (a centre's kiosks may share one address). */
  perAddress?: number
  /** Tickets per client address in a window from the online portal, where one person is one address. */
  portalPerAddress?: number
  trustProxy?: boolean
  windowMs?: number
  now?: () => number
}

/**
 * Keeps one client from emptying a day's numbering: anonymous ticket requests are counted per client
 * address (kept only as a salted digest in memory). Staff of the centre — reception issuing tickets for
 * visitors — are never limited, and their sessions are only looked at once a limit is reached.
 */
export function ticketIssueLimit(options: IssueLimitOptions = {}): MiddlewareHandler<AppEnv> {
  const perAddress = options.perAddress ?? 60
  const portalPerAddress = options.portalPerAddress ?? 4
  const counters = createClientCounters({ windowMs: options.windowMs ?? 10 * 60_000, now: options.now })

  return async (c, next) => {
    if (c.req.method !== 'POST') return next()
    const channel = await c.req.raw
      .clone()
      .json()
      .then((body: { channel?: unknown }) => body.channel)
      .catch(() => undefined)
    const address = clientAddress(c, options.trustProxy ?? false)
    const portal = channel === 'portal'
    const key = counters.keyOf(portal ? 'portal' : 'kiosk', address)
    if (counters.isBlocked(key, portal ? portalPerAddress : perAddress)) {
      const actor = await c.var.getActor()
      if (!actor || actor.grants.length === 0) throw new AppError('rate_limited', 'error.ticket.tooMany')
      return next()
    }
    counters.count(key)
    await next()
    // A refused request (closed area, bad input) does not use up the allowance.
    if (c.res.status >= 400) counters.uncount(key)
  }
}
