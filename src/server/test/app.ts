import { randomBytes } from 'node:crypto'
import type { StaffRole } from '../../shared/constants'
import type { AreaInput } from '../../shared/schemas/centres'
import { createApp } from '../app'
import type { DatabaseHandle } from '../db/client'
import { createLogger, type Logger } from '../http/logger'
import { createAuth } from '../modules/auth/auth'
import { createArea } from '../modules/centres/areas-service'
import { createCentre } from '../modules/centres/centres-service'
import type { CodeLimitOptions } from '../modules/codes/code-limit'
import { addStaff } from '../modules/staff/staff-service'
import type { IssueLimitOptions } from '../modules/tickets/issue-limit'
import type { EventBus } from '../realtime/bus'
import { createTestDatabase } from './database'

export const TEST_ORIGIN = 'http://cite.test'

/** A unique suffix, so tests sharing one database never collide. */
export const unique = () => randomBytes(4).toString('hex')

export type TestContext = Awaited<ReturnType<typeof createTestContext>>

/** A real app on a real database; `clock` lets a test choose the current time. */
export async function createTestContext(
  options: {
    clientDir?: string
    publicUrl?: string
    handle?: DatabaseHandle
    bus?: EventBus
    /** Every test request comes from one address: limits are out of the way unless a test sets them. */
    issueLimit?: IssueLimitOptions
    codeLimit?: CodeLimitOptions
    /** Silent unless a test wants to read what the app logs (the fuzzer reads its unhandled errors). */
    logger?: Logger
    /** Read client addresses from X-Forwarded-For, as behind a reverse proxy. */
    trustProxy?: boolean
  } = {},
) {
  const handle = options.handle ?? (await createTestDatabase())
  const publicUrl = options.publicUrl ?? TEST_ORIGIN
  const auth = createAuth({ db: handle.db, secret: randomBytes(32).toString('hex'), baseUrl: publicUrl })
  const clock = { now: new Date() }
  const app = createApp({
    db: handle.db,
    auth,
    now: () => clock.now,
    logger: options.logger ?? createLogger('silent'),
    trustProxy: options.trustProxy ?? false,
    publicUrl,
    bodyLimit: 64 * 1024,
    clientDir: options.clientDir,
    bus: options.bus,
    issueLimit: options.issueLimit ?? { perAddress: 100_000, portalPerAddress: 100_000 },
    codeLimit: options.codeLimit ?? {
      wrongCodes: 100_000,
      notebooksCreated: 100_000,
      questionsAsked: 100_000,
    },
  })
  const db = handle.db

  async function buildCentre(overrides: { timezone?: string; languages?: ('fr' | 'en')[] } = {}) {
    const slug = `centre-${unique()}`
    return createCentre({
      db,
      actorUserId: null,
      input: {
        slug,
        name: { fr: `Centre ${slug}`, en: `Centre ${slug}` },
        timezone: overrides.timezone ?? 'Europe/Paris',
        languages: overrides.languages ?? ['fr', 'en'],
        defaultLanguage: 'fr',
      },
    })
  }

  async function buildArea(centreId: string, overrides: Partial<AreaInput> = {}) {
    const id = unique()
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    return createArea({
      db,
      centreId,
      actorUserId: null,
      input: {
        slug: `area-${id}`,
        name: { fr: `Espace ${id}`, en: `Area ${id}` },
        colour: '#336699',
        pictogram: 'compass',
        ticketLetter: letters[Number.parseInt(id.slice(0, 2), 16) % 26] ?? 'A',
        ...overrides,
      },
    })
  }

  async function buildStaff(role: StaffRole, centreId: string | null) {
    const email = `${role}-${unique()}@staff.example`
    const added = await addStaff({
      db,
      auth,
      actorUserId: null,
      input: { email, name: `Staff ${role}`, role, centreId },
    })
    return { ...added, name: `Staff ${role}`, password: added.password ?? '' }
  }

  /** Signs in through the real endpoint and returns the session cookie. */
  async function signIn(email: string, password: string): Promise<string> {
    const response = await app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: publicUrl },
      body: JSON.stringify({ email, password }),
    })
    if (response.status !== 200)
      throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
    return response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ')
  }

  /** A request as a signed-in browser would send it (cookie, same origin). */
  function request(
    path: string,
    init: {
      method?: string
      cookie?: string
      body?: unknown
      lang?: string
      headers?: Record<string, string>
    } = {},
  ) {
    const headers: Record<string, string> = { origin: publicUrl, ...init.headers }
    if (init.cookie) headers.cookie = init.cookie
    if (init.lang) headers['accept-language'] = init.lang
    if (init.body !== undefined) headers['content-type'] = 'application/json'
    return app.request(path, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    })
  }

  return {
    handle,
    db,
    auth,
    app,
    clock,
    buildCentre,
    buildArea,
    buildStaff,
    signIn,
    request,
    close: () => handle.close(),
  }
}
