import type { z } from 'zod'
import type { ErrorResponse } from '../../shared/schemas/common'

let currentLocale = 'fr'
/** The UI language, sent with every request so that errors come back in it. */
export function setApiLocale(locale: string) {
  currentLocale = locale
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message)
  }
}

/**
 * The typed client: every response is parsed with the same shared schema the server declares, so a
 * mismatch fails loudly here rather than deep inside a component.
 */
export function api<S extends z.ZodType>(path: string, schema: S, init: RequestOptions = {}) {
  return request(`/api/v1${path}`, schema, init)
}

/** The staff authentication endpoints, beside the versioned API. */
export function authApi<S extends z.ZodType>(path: string, schema: S, init: RequestOptions = {}) {
  return request(`/api/auth${path}`, schema, init)
}

/** `keepalive`: the request outlives the page (sent as it is closed or reloaded). */
type RequestOptions = { method?: string; body?: unknown; keepalive?: boolean }

async function request<S extends z.ZodType>(
  url: string,
  schema: S,
  init: RequestOptions,
): Promise<z.infer<S>> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    ...(init.keepalive ? { keepalive: true } : {}),
    headers: {
      accept: 'application/json',
      'accept-language': currentLocale,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  })
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as ErrorResponse | null
    throw new ApiError(
      response.status,
      payload?.error?.message ?? response.statusText,
      payload?.error?.fields,
    )
  }
  if (response.status === 204) return schema.parse(undefined)
  return schema.parse(await response.json())
}
