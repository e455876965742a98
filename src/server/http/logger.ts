import type { MiddlewareHandler } from 'hono'
import { pino } from 'pino'

export type Logger = pino.Logger

export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime })
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
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  }
}
