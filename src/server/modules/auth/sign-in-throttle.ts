import type { MiddlewareHandler } from 'hono'
import { clientAddress, createClientCounters } from '../../http/client-counters'
import { AppError } from '../../http/errors'

export type ThrottleOptions = {
  /** Failed attempts allowed per account in a window. */
  perAccount?: number
  /** Failed attempts allowed per client address in a window. */
  perAddress?: number
  /** Password reset requests allowed per client address in a window (counted apart from sign-ins). */
  resetsPerAddress?: number
  /** Behind a reverse proxy: take the client address from the first X-Forwarded-For entry. */
  trustProxy?: boolean
  windowMs?: number
  now?: () => number
}

/**
 * Slows down password guessing on the staff sign-in and reset endpoints. Counters live in this process's
 * memory only, keyed by SHA-256 of a random salt that changes every day and the account email or the
 * client address: no address is ever written anywhere (privacy rules), and yesterday's keys cannot be
 * linked to today's. Only failures count, so a busy centre's morning sign-ins never trip it.
 */
export function signInThrottle(options: ThrottleOptions = {}): MiddlewareHandler {
  const perAccount = options.perAccount ?? 5
  const perAddress = options.perAddress ?? 50
  const resetsPerAddress = options.resetsPerAddress ?? 20
  const windowMs = options.windowMs ?? 15 * 60_000
  const counters = createClientCounters({ windowMs, now: options.now })
  const { keyOf, isBlocked } = counters
  const countFailure = counters.count
  const uncount = counters.uncount

  return async (c, next) => {
    const path = c.req.path
    const isSignIn = path.endsWith('/sign-in/email')
    const isReset = path.endsWith('/request-password-reset') || path.endsWith('/reset-password')
    if (c.req.method !== 'POST' || (!isSignIn && !isReset)) return next()

    const address = clientAddress(c, options.trustProxy ?? false)
    if (isReset) {
      const resetKey = keyOf('reset', address)
      if (isBlocked(resetKey, resetsPerAddress)) throw new AppError('rate_limited', 'error.rateLimited')
      countFailure(resetKey)
      return next()
    }
    // Only JSON is read for the account key; the library would also take a form body, which would
    // let a guesser slip past the per-account count.
    if (!c.req.header('content-type')?.toLowerCase().startsWith('application/json')) {
      throw new AppError('validation', 'error.unsupportedMediaType')
    }
    const addressKey = keyOf('address', address)
    const email = await c.req.raw
      .clone()
      .json()
      .then((body: { email?: unknown }) =>
        typeof body.email === 'string' ? body.email.trim().toLowerCase() : null,
      )
      .catch(() => null)
    const accountKey = email ? keyOf('account', email) : null
    if (isBlocked(addressKey, perAddress) || (accountKey && isBlocked(accountKey, perAccount))) {
      throw new AppError('rate_limited', 'error.rateLimited')
    }
    // Counted as failed before the attempt runs, so parallel guesses cannot all slip in under the limit.
    countFailure(addressKey)
    if (accountKey) countFailure(accountKey)
    await next()
    if (c.res.status < 400) {
      uncount(addressKey)
      if (accountKey) counters.forget(accountKey)
    }
  }
}
