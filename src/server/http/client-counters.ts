import { createHash, randomBytes } from 'node:crypto'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** The client's address: the connection's, or behind a trusted proxy the first X-Forwarded-For entry. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined
  if (forwarded) return forwarded
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

type Counter = { count: number; resetAt: number }

/**
 * Counters per client or per account for rate limits, in this process's memory only. Keys are SHA-256
 * of a random salt that changes every day and the value counted: no address is ever written anywhere
 * (privacy rules), and yesterday's keys cannot be linked to today's.
 */
export function createClientCounters(options: { windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now
  const counters = new Map<string, Counter>()
  let salt = randomBytes(16)
  let saltDay = Math.floor(now() / 86_400_000)

  return {
    keyOf(kind: string, value: string) {
      const day = Math.floor(now() / 86_400_000)
      if (day !== saltDay) {
        salt = randomBytes(16)
        saltDay = day
        counters.clear()
      }
      return `${kind}:${createHash('sha256').update(salt).update(value).digest('base64url')}`
    },
    isBlocked(key: string, limit: number) {
      const counter = counters.get(key)
      return counter !== undefined && counter.resetAt > now() && counter.count >= limit
    },
    count(key: string) {
      const counter = counters.get(key)
      if (!counter || counter.resetAt <= now())
        counters.set(key, { count: 1, resetAt: now() + options.windowMs })
      else counter.count++
      if (counters.size > 50_000) for (const [k, c] of counters) if (c.resetAt <= now()) counters.delete(k)
    },
    uncount(key: string) {
      const counter = counters.get(key)
      if (counter && counter.count > 0) counter.count--
    },
    forget(key: string) {
      counters.delete(key)
    },
  }
}
