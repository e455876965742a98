import type { ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ErrorResponse } from '../../shared/schemas/common'
import { AppError } from './errors'
import { requestLocale, translate } from './i18n'
import type { Logger } from './logger'

/** The one place where failures become HTTP: a status and a message in the request's language. */
export function errorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    const locale = requestLocale(c)
    let appError: AppError
    if (error instanceof AppError) appError = error
    else if (error instanceof HTTPException && error.status === 413)
      appError = new AppError('payload_too_large', 'error.payloadTooLarge')
    else if (error instanceof HTTPException && error.status === 400)
      appError = new AppError('validation', 'error.malformed')
    else {
      logger.error({ err: error, method: c.req.method, path: c.req.path }, 'unhandled error')
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
