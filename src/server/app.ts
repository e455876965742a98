import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { type AppDeps, type AppEnv, createRouter } from './http/context'
import { errorHandler } from './http/error-handler'
import { AppError } from './http/errors'
import { requestLocale } from './http/i18n'
import { type Logger, requestLogger } from './http/logger'
import { csrfGuard, securityHeaders } from './http/security'
import { auditRoutes } from './modules/audit/routes'
import { resolveActor } from './modules/auth/actor'
import { signInThrottle } from './modules/auth/sign-in-throttle'
import { publicCentreRoutes } from './modules/centres/public-routes'
import { setupRoutes } from './modules/centres/setup-routes'
import { type CodeLimitOptions, codeLookupLimit, creationLimit } from './modules/codes/code-limit'
import { directoryRoutes, publicDirectoryRoutes } from './modules/directory/routes'
import { apiDocsRoutes } from './modules/docs/routes'
import { bookingRoutes } from './modules/events/booking-routes'
import { programmeRoutes } from './modules/events/programme-routes'
import { attendanceRoutes, checkInRoutes, eventStaffRoutes } from './modules/events/staff-routes'
import { guideRoutes } from './modules/guide/routes'
import { healthRoutes } from './modules/health/routes'
import { interviewRoutes } from './modules/interviews/routes'
import { knowledgeRoutes } from './modules/knowledge/routes'
import { notebookRoutes } from './modules/notebooks/routes'
import { occupationRoutes } from './modules/occupations/routes'
import { partnerRoutes, publicPartnerRoutes } from './modules/partners/routes'
import { questionRoutes } from './modules/questions/routes'
import { publicResourceRoutes } from './modules/resources/public-routes'
import { catalogueRoutes } from './modules/resources/routes'
import { publicRotaRoutes, rotaRoutes } from './modules/rota/routes'
import { searchRoutes } from './modules/search/routes'
import { staffRoutes } from './modules/staff/routes'
import { statisticsRoutes } from './modules/statistics/routes'
import { type IssueLimitOptions, ticketIssueLimit } from './modules/tickets/issue-limit'
import { createTicketLive } from './modules/tickets/live'
import { liveRoutes } from './modules/tickets/live-routes'
import { ticketRoutes } from './modules/tickets/routes'
import { trainingRoutes } from './modules/trainings/routes'
import { trainingStaffRoutes } from './modules/trainings/staff-routes'
import { createLocalBus, type EventBus } from './realtime/bus'
import { createLiveHub } from './realtime/hub'

export const clientDist = fileURLToPath(new URL('../../dist/client', import.meta.url))

export type AppOptions = Omit<AppDeps, 'hub' | 'live'> & {
  logger: Logger
  publicUrl: string
  bodyLimit: number
  /** Read client addresses (for the sign-in throttle only) from X-Forwarded-For. */
  trustProxy?: boolean
  /** Limits on anonymous ticket requests per client address. */
  issueLimit?: IssueLimitOptions
  codeLimit?: CodeLimitOptions
  /** Carries live events between instances; one in-process bus when omitted. */
  bus?: EventBus
  /** Folder of the built front end; omitted in API-only tests. */
  clientDir?: string | undefined
}

/** Composition: middleware chain, then one router per capability. Nothing here knows a business rule. */
export function createApp(options: AppOptions) {
  const { logger, publicUrl, clientDir, trustProxy, issueLimit, codeLimit, bus: givenBus, ...base } = options
  const bus = givenBus ?? createLocalBus(logger)
  const deps: AppDeps = {
    ...base,
    publicUrl,
    hub: createLiveHub(bus),
    live: createTicketLive({ db: base.db, bus, now: base.now, logger }),
  }
  const app = new Hono<AppEnv>()
  app.onError(errorHandler(logger))
  app.use('*', requestLogger(logger))
  app.use('*', async (c, next) => {
    c.set('deps', deps)
    c.set('locale', requestLocale(c))
    let actor: ReturnType<typeof resolveActor> | undefined
    c.set('getActor', () => {
      actor ??= resolveActor({ db: deps.db, auth: deps.auth, headers: c.req.raw.headers })
      return actor
    })
    await next()
  })
  app.route('/', healthRoutes)

  // Business endpoints are versioned; authentication, the OpenAPI document and its page sit beside them.
  const api = createRouter()
  api.route('/', publicCentreRoutes)
  api.route('/', setupRoutes)
  api.route('/', staffRoutes)
  api.route('/', ticketRoutes)
  api.route('/', liveRoutes)
  api.route('/', occupationRoutes)
  api.route('/', trainingRoutes)
  api.route('/', trainingStaffRoutes)
  api.route('/', publicResourceRoutes)
  api.route('/', catalogueRoutes)
  api.route('/', searchRoutes)
  api.route('/', bookingRoutes)
  api.route('/', eventStaffRoutes)
  api.route('/', checkInRoutes)
  api.route('/', attendanceRoutes)
  api.route('/', partnerRoutes)
  api.route('/', publicPartnerRoutes)
  api.route('/', rotaRoutes)
  api.route('/', publicRotaRoutes)
  api.route('/', directoryRoutes)
  api.route('/', publicDirectoryRoutes)
  api.route('/', knowledgeRoutes)
  api.route('/', interviewRoutes)
  api.route('/', statisticsRoutes)
  api.route('/', notebookRoutes)
  api.route('/', questionRoutes)
  api.route('/', guideRoutes)
  api.route('/', programmeRoutes)
  api.route('/', auditRoutes)

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.bodyLimit,
      onError: () => {
        throw new AppError('payload_too_large', 'error.payloadTooLarge')
      },
    }),
  )
  app.use('/api/*', csrfGuard(new URL(publicUrl).origin))
  app.route('/api', apiDocsRoutes(api))
  app.use('/api/*', securityHeaders())
  app.use('/api/auth/*', signInThrottle({ trustProxy: trustProxy ?? false }))
  app.use('/api/v1/centres/:centre/tickets', ticketIssueLimit({ trustProxy, ...issueLimit }))
  app.use('/api/v1/bookings/*', codeLookupLimit('booking', { trustProxy, ...codeLimit }))
  // "Follow my ticket" links carry a long random token; guessing them is cut off all the same.
  app.use('/api/v1/tickets/track/*', codeLookupLimit('tracking', { trustProxy, ...codeLimit }))
  // One count of wrong notebook codes, whether tried by the visitor's paths or the desk's.
  const notebookCodes = codeLookupLimit('notebook', { trustProxy, ...codeLimit })
  app.use('/api/v1/notebooks/*', notebookCodes)
  app.use('/api/v1/centres/:centre/notebooks/*', notebookCodes)
  app.use('/api/v1/centres/:centre/notebooks', creationLimit('notebook', { trustProxy, ...codeLimit }))
  app.use('/api/v1/questions/*', codeLookupLimit('question', { trustProxy, ...codeLimit }))
  app.use('/api/v1/centres/:centre/questions', creationLimit('question', { trustProxy, ...codeLimit }))
  app.on(['GET', 'POST'], '/api/auth/*', (c) => deps.auth.handler(c.req.raw))
  app.route('/api/v1', api)
  app.all('/api/*', () => {
    throw new AppError('not_found', 'error.notFound')
  })

  if (clientDir) mountClient(app, clientDir)
  // The live side is reachable from outside requests too (the end-of-day sweep, tests).
  return Object.assign(app, { live: deps.live, hub: deps.hub })
}

/** The built single-page app: hashed assets cached for a year, every other path answered by index.html. */
function mountClient(app: Hono<AppEnv>, clientDir: string) {
  let indexHtml: Promise<string> | undefined
  app.use('*', securityHeaders())
  // serveStatic's onFound runs after the response is built, too late for headers: set them on the way out.
  const cacheFor =
    (policy: (c: Context<AppEnv>) => string | null): MiddlewareHandler<AppEnv> =>
    async (c, next) => {
      await next()
      const value = c.res.ok ? policy(c) : null
      if (value) c.res.headers.set('cache-control', value)
    }
  app.use(
    '/assets/*',
    cacheFor(() => 'public, max-age=31536000, immutable'),
    serveStatic({ root: clientDir }),
  )
  // index.html names the current hashed bundles: always revalidated, so a new release shows at once.
  app.use(
    '*',
    cacheFor((c) => (c.res.headers.get('content-type')?.startsWith('text/html') ? 'no-cache' : null)),
    serveStatic({ root: clientDir }),
  )
  app.get('*', async (c) => {
    indexHtml ??= readFile(join(clientDir, 'index.html'), 'utf8')
    c.header('cache-control', 'no-cache')
    return c.html(await indexHtml)
  })
}
