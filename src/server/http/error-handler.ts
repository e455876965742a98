import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ErrorResponse } from '../../shared/schemas/common'
import { AppError } from './errors'
import { requestLocale, translate } from './i18n'
import { type Logger, redactPath } from './logger'

/** The one place where failures become HTTP: a status and a message in the request's language. */
export function errorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    const locale = requestLocale(c)
    let appError: AppError
    if (error instanceof AppError) appError = error
    else if (error instanceof HTTPException && error.status === 413) {
      appError = new AppError('payload_too_large', 'error.payloadTooLarge')
    } else if (error instanceof HTTPException && error.status === 415) {
      appError = new AppError('validation', 'error.unsupportedMediaType')
    } else if (error instanceof HTTPException && error.status < 500) {
      appError = new AppError('validation', 'error.malformed')
    } else {
      logger.error(
        { err: describeFailure(error), method: c.req.method, path: redactPath(c.req.path) },
        'unhandled error',
      )
      appError = new AppError('internal', 'error.internal')
    }
    const body: ErrorResponse = {
      error: { code: appError.code, message: translate(locale, appError.messageKey, appError.values) },
    }
    if (appError.fields) {
      body.error.fields = Object.fromEntries(
        Object.entries(appError.fields).map(([field, { key, values }]) => [
          field,
          translate(locale, key, values),
        ]),
      )
    }
    return c.json(body, appError.status)
  }
}

/**
 * What an unexpected failure may leave in the logs: its kind, database code and constraint, and where
 * it happened — not its message, which for a database error quotes the query's parameters (names,
 * emails, codes typed into a form).
 */
function describeFailure(error: unknown) {
  const failure = error as {
    name?: unknown
    code?: unknown
    constraint?: unknown
    stack?: unknown
    cause?: unknown
  }
  const cause = failure.cause as { code?: unknown; constraint?: unknown } | undefined
  const stack =
    typeof failure.stack === 'string'
      ? failure.stack.split('\n').filter((line) => line.trim().startsWith('at '))
      : []
  return {
    type: typeof failure.name === 'string' ? failure.name : typeof error,
    code: failure.code ?? cause?.code,
    constraint: failure.constraint ?? cause?.constraint,
    stack: stack.slice(0, 12).join('\n'),
  }
}
