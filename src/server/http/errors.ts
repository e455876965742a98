import type { ContentfulStatusCode } from 'hono/utils/http-status'

export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'internal'

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
}

/**
 * A failure the caller can act on. Services throw these without knowing HTTP; the one error handler
 * turns them into a status and a message translated into the request's language.
 */
export class AppError extends Error {
  readonly status: ContentfulStatusCode
  constructor(
    readonly code: ErrorCode,
    /** Message catalogue key, e.g. `error.area.slugTaken`. */
    readonly messageKey: string,
    readonly values: Record<string, string | number> = {},
    /** Per-field message keys (`name.fr` → key), for forms. */
    readonly fields?: Record<string, { key: string; values: Record<string, string | number> }>,
  ) {
    super(messageKey)
    this.status = statusOf[code]
  }
}

/** A 422 naming the field at fault (an area of another centre, a shift outside opening hours…). */
export const fieldRefusal = (field: string, key: string) =>
  new AppError('validation', key, {}, { [field]: { key, values: {} } })
export const notFound = (what = 'error.notFound') => new AppError('not_found', what)
export const forbidden = () => new AppError('forbidden', 'error.forbidden')
export const conflict = (key: string, field?: string) =>
  new AppError('conflict', key, {}, field ? { [field]: { key, values: {} } } : undefined)
