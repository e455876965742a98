import type { MiddlewareHandler } from 'hono'
import { pino } from 'pino'

export type Logger = pino.Logger

/** `destination`: where lines go (standard output by default; a test reads them back). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }
  return destination ? pino(options, destination) : pino(options)
}

/**
 * One structured line per request. Deliberately without the client address, the query string (which
 * can carry a code that opens a notebook or a booking) or any header: the privacy rules forbid them.
 */
export function requestLogger(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    await next()
    logger.info({
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  }
}

// Path segments that are secrets in themselves: follow-my-ticket tokens, password reset tokens, booking
// and notebook codes.
const SECRET_SEGMENTS = /(\/(?:track|reset-password|t|bookings|b|notebooks|n|questions|q)\/)[^/]+/g

/** A path fit for the logs: any secret token in it is replaced by a placeholder. */
export function redactPath(path: string): string {
  return path.replace(SECRET_SEGMENTS, '$1:token')
}
