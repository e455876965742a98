import type { DatabaseHandle } from '../../db/client'
import { createDesk } from '../../modules/centres/desks-service'
import { replaceWeeklyHours } from '../../modules/centres/hours-service'
import { eventFactories } from '../../modules/events/testing'
import { catalogueFactories } from '../../modules/resources/testing'
import { createTestContext, TEST_ORIGIN, type TestContext } from '../app'
import { duringOpeningHours } from '../walk-in'
import { harvest, type KnownValues } from './known-values'
import type { OpenApiDocument } from './operations'
import type { Identity } from './requests'
import { capturingLogger, createFuzzer, type Fuzzer } from './runner'

/**
 * What the fuzzer works on: a centre open every day with two areas, a desk, a partner, a resource and a
 * theme, an event session, a booking, a notebook and a question (and a waiting ticket at each refresh);
 * its manager and a network administrator signed in. Requests name these often, so that they reach the
 * services.
 */
export type FuzzGround = {
  known: KnownValues
  /** The headers that carry each identity's credentials. */
  credentials: Record<Identity, Record<string, string>>
  /** Reads the centre's slug and areas again, puts back missing areas and issues a ticket. */
  refresh: () => Promise<void>
}

/** The test app's body limit (see `createTestContext`): bodies past it must be refused in words. */
export const FUZZ_BODY_LIMIT = 64 * 1024

/**
 * A test app with its errors captured, its ground built, and a fuzzer over its OpenAPI document: what
 * the suite and the benchmark both run.
 */
export async function fuzzApp(options: { handle?: DatabaseHandle } = {}): Promise<{
  t: TestContext
  fuzzer: Fuzzer
}> {
  const { logger, lines } = capturingLogger()
  const t = await createTestContext({ ...options, logger })
  const ground = await buildFuzzGround(t)
  const document = (await (await t.request('/api/openapi.json')).json()) as OpenApiDocument
  const fuzzer = createFuzzer({
    send: (url, init) => t.app.request(url, init),
    document,
    ground,
    bodyLimit: FUZZ_BODY_LIMIT,
    publicOrigin: TEST_ORIGIN,
    errorLines: lines,
  })
  return { t, fuzzer }
}

export async function buildFuzzGround(t: TestContext): Promise<FuzzGround> {
  duringOpeningHours(t)
  const f = catalogueFactories(t)
  const centre = await t.buildCentre()
  const openEveryDay = () =>
    replaceWeeklyHours({
      db: t.db,
      centreId: centre.id,
      actorUserId: null,
      input: {
        spans: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '18:00' })),
      },
    })
  await openEveryDay()
  const areas = [
    await t.buildArea(centre.id, { ticketLetter: 'E' }),
    await t.buildArea(centre.id, { ticketLetter: 'F' }),
  ]
  const desk = await createDesk({
    db: t.db,
    centreId: centre.id,
    actorUserId: null,
    input: { name: 'Bureau 1' },
  })
  const manager = await t.buildStaff('manager', centre.id)
  // Someone whose roles the fuzzer may take away: never the manager it signs in as.
  const counsellor = await t.buildStaff('counsellor', centre.id)
  const admin = await t.buildStaff('network_admin', null)
  const managerCookie = await t.signIn(manager.email, manager.password)
  const adminCookie = await t.signIn(admin.email, admin.password)
  const partner = await f.buildPartner(centre.id)
  const resource = await f.postResource(centre.slug, managerCookie)
  const theme = await f.postTheme(centre.slug, managerCookie)
  const { session, workshop } = await eventFactories(t).buildSession(t.clock.now, {}, centre)

  const post = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await t.request(`/api/v1${path}`, { method: 'POST', ...(body ? { body } : {}) })
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }
  const booking = await post<{ code: string }>(`/sessions/${session.id}/bookings`, { seats: 1 })
  const notebook = await post<{ code: string }>(`/centres/${centre.slug}/notebooks`)
  const question = await post<{ code: string }>(`/centres/${centre.slug}/questions`, {
    language: 'fr',
    text: 'Comment préparer un entretien ?',
  })

  const known: KnownValues = {
    centreSlug: centre.slug,
    areaSlugs: areas.map((row) => row.slug),
    ids: {
      areas: areas.map((row) => row.id),
      desks: [desk.row.id],
      events: [workshop.id],
      sessions: [session.id],
      partners: [partner.id],
      resources: [resource.id],
      themes: [theme.id],
      staff: [counsellor.userId],
    },
    codes: { bookings: [booking.code], notebooks: [notebook.code], questions: [question.code] },
  }

  /**
   * Follows what fuzzed requests changed (a manager may rename the centre or delete its areas) and puts
   * back what the next ones need: two areas, opening hours every day, and a new waiting ticket.
   */
  async function refresh() {
    const me = await t.request('/api/v1/me', { cookie: managerCookie })
    if (me.status !== 200) throw new Error(`the manager's session no longer works: ${me.status}`)
    const slug = ((await me.json()) as { centres: { slug: string }[] }).centres[0]?.slug
    if (!slug) throw new Error('the manager no longer works in the centre')
    known.centreSlug = slug
    const listed = await t.request(`/api/v1/centres/${slug}/areas`)
    const rows = (await listed.json()) as { id: string; slug: string; ticketLetter: string }[]
    const free = [...'EFGHJKLMNPRSTUVWXYZ'].filter(
      (letter) => !rows.some((row) => row.ticketLetter === letter),
    )
    for (const ticketLetter of free.slice(0, Math.max(0, 2 - rows.length)))
      rows.push(await t.buildArea(centre.id, { ticketLetter }))
    known.areaSlugs = rows.map((row) => row.slug)
    known.ids.areas = rows.map((row) => row.id)
    await openEveryDay()
    // Fuzzed requests may have closed the area or the centre for the day: then no ticket this time.
    const issued = await t.request(`/api/v1/centres/${slug}/tickets`, {
      method: 'POST',
      body: { area: rows[0]?.slug, language: 'fr', channel: 'kiosk' },
    })
    if (issued.status === 201) harvest(known, 'POST /centres/{centre}/tickets', await issued.json())
    else await issued.text()
  }

  return {
    known,
    credentials: {
      anonymous: {},
      manager: { cookie: managerCookie },
      admin: { cookie: adminCookie },
      'forged-cookie': { cookie: 'better-auth.session_token=forged.c2lnbmF0dXJl; __Secure-x=\u00e9' },
      'forged-bearer': { authorization: 'Bearer cite_forged_token_0000000000' },
      'other-scheme': { authorization: 'Basic YWRtaW46YWRtaW4=' },
    },
    refresh,
  }
}
