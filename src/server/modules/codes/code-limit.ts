import type { MiddlewareHandler } from 'hono'
import { clientAddress, createClientCounters } from '../../http/client-counters'
import type { AppEnv } from '../../http/context'
import { AppError } from '../../http/errors'

export type CodeLimitOptions = {
  /** Wrong codes a client may type in the window before being refused for its rest. */
  wrongCodes?: number
  /** Notebooks a client may open, and questions it may ask, in the window (a kiosk serves many people). */
  notebooksCreated?: number
  questionsAsked?: number
  windowMs?: number
  trustProxy?: boolean
  now?: () => number
}

/**
 * Guessing codes (of bookings, notebooks) is pointless at 80 bits, and made slow besides: a client that
 * types too many codes that open nothing is refused (429) until the window ends. Only unknown codes
 * count; the client's address is kept in memory, salted and hashed, never written anywhere. Each kind
 * of code is counted apart.
 */
export function codeLookupLimit(
  kind: 'booking' | 'notebook' | 'question' | 'tracking',
  options: CodeLimitOptions = {},
): MiddlewareHandler<AppEnv> {
  const limit = options.wrongCodes ?? 20
  const counters = createClientCounters({ windowMs: options.windowMs ?? 10 * 60_000, now: options.now })
  return async (c, next) => {
    const key = counters.keyOf(`${kind}-code`, clientAddress(c, options.trustProxy ?? false))
    if (counters.isBlocked(key, limit)) throw new AppError('rate_limited', `error.${kind}.tooManyWrongCodes`)
    try {
      await next()
    } finally {
      if (c.res.status === 404) counters.count(key)
    }
  }
}

/**
 * New notebooks (or questions) per client address and window, so that nobody fills the database with
 * empty ones: only the POSTs that create one count.
 */
export function creationLimit(
  kind: 'notebook' | 'question',
  options: CodeLimitOptions = {},
): MiddlewareHandler<AppEnv> {
  const limit = (kind === 'notebook' ? options.notebooksCreated : options.questionsAsked) ?? 30
  const counters = createClientCounters({ windowMs: options.windowMs ?? 10 * 60_000, now: options.now })
  return async (c, next) => {
    if (c.req.method !== 'POST') return next()
    const key = counters.keyOf(`${kind}-new`, clientAddress(c, options.trustProxy ?? false))
    if (counters.isBlocked(key, limit)) throw new AppError('rate_limited', `error.${kind}.tooManyCreated`)
    await next()
    if (c.res.status === 201) counters.count(key)
  }
}
