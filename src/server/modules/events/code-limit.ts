import type { MiddlewareHandler } from 'hono'
import { clientAddress, createClientCounters } from '../../http/client-counters'
import type { AppEnv } from '../../http/context'
import { AppError } from '../../http/errors'

export type CodeLimitOptions = {
  /** Wrong codes a client may type in the window before being refused for its rest. */
  wrongCodes?: number
  windowMs?: number
  trustProxy?: boolean
  now?: () => number
}

/**
 * Guessing booking codes is pointless at 80 bits, and made slow besides: a client that types too many
 * codes that open nothing is refused (429) until the window ends. Only unknown codes count; the
 * client's address is kept in memory, salted and hashed, never written anywhere.
 */
export function bookingCodeLimit(options: CodeLimitOptions = {}): MiddlewareHandler<AppEnv> {
  const limit = options.wrongCodes ?? 20
  const counters = createClientCounters({ windowMs: options.windowMs ?? 10 * 60_000, now: options.now })
  return async (c, next) => {
    const key = counters.keyOf('booking-code', clientAddress(c, options.trustProxy ?? false))
    if (counters.isBlocked(key, limit)) throw new AppError('rate_limited', 'error.booking.tooManyWrongCodes')
    try {
      await next()
    } finally {
      if (c.res.status === 404) counters.count(key)
    }
  }
}
