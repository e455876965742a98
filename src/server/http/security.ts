import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { AppError } from './errors'

// React Aria injects one fixed <style> rule (touch-action on pressable elements). Allowing exactly that
// text by its hash keeps 'unsafe-inline' out; an upgrade that changes it shows up as a CSP report in e2e.
const REACT_ARIA_PRESS_STYLE = "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='"

/**
 * No external origin anywhere (charter: no third-party trackers, fonts or CDNs) and no inline script.
 * Styles set through the DOM by the UI libraries stay allowed; `style=""` attributes in markup do not.
 */
export const securityHeaders = (docs = false) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: docs ? ["'self'", "'unsafe-inline'"] : ["'self'", REACT_ARIA_PRESS_STYLE],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    crossOriginEmbedderPolicy: false,
  })

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Cookie-authenticated writes must come from our own pages. Browsers say where a request comes from
 * (Sec-Fetch-Site, Origin); scripts using a bearer token carry no cookie and are not at risk.
 */
export function csrfGuard(publicOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method) && !/^bearer /i.test(c.req.header('authorization') ?? '')) {
      const site = c.req.header('sec-fetch-site')
      const origin = c.req.header('origin')
      const requestOrigin = new URL(c.req.url).origin
      const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none'
      const foreignOrigin = origin !== undefined && origin !== publicOrigin && origin !== requestOrigin
      if (crossSite || foreignOrigin) throw new AppError('forbidden', 'error.csrf')
    }
    await next()
  }
}
