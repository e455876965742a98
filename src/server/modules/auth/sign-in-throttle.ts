import { createHash, randomBytes } from 'node:crypto'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { AppError } from '../../http/errors'

type Counter = { failures: number; resetAt: number }

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

function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined
  if (forwarded) return forwarded
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
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
  const now = options.now ?? Date.now
  const counters = new Map<string, Counter>()
  let salt = randomBytes(16)
  let saltDay = Math.floor(now() / 86_400_000)

  function keyOf(kind: string, value: string) {
    const day = Math.floor(now() / 86_400_000)
    if (day !== saltDay) {
      salt = randomBytes(16)
      saltDay = day
      counters.clear()
    }
    return `${kind}:${createHash('sha256').update(salt).update(value).digest('base64url')}`
  }

  function isBlocked(key: string, limit: number) {
    const counter = counters.get(key)
    return counter !== undefined && counter.resetAt > now() && counter.failures >= limit
  }

  function uncount(key: string) {
    const counter = counters.get(key)
    if (counter && counter.failures > 0) counter.failures--
  }

  function countFailure(key: string) {
    const counter = counters.get(key)
    if (!counter || counter.resetAt <= now()) counters.set(key, { failures: 1, resetAt: now() + windowMs })
    else counter.failures++
    if (counters.size > 50_000) for (const [k, c] of counters) if (c.resetAt <= now()) counters.delete(k)
  }

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
      if (accountKey) counters.delete(accountKey)
    }
  }
}
