import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { centre as centreTable } from '../../db/schema/centres'
import { interview } from '../../db/schema/interviews'
import { visitProfile } from '../../db/schema/profiles'
import { ticket } from '../../db/schema/tickets'
import { createTestContext, type TestContext } from '../../test/app'
import { saveTheme } from '../interviews/interview-service'
import { catalogueFactories } from '../resources/testing'
import { foldStatistics, purgeRawRecords } from './retention'
import { activityFactories } from './testing'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
let a: ReturnType<typeof activityFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
  a = activityFactories(t)
  t.clock.now = new Date('2026-12-06T10:00:00Z')
})
afterAll(() => t.close())

const json = async (response: Response) => ({ status: response.status, body: await response.json() })

/** Every number published anywhere in a response (counts, totals, medians). */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value]
  if (Array.isArray(value)) return value.flatMap(numbersIn)
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) =>
      ['k', 'hours', 'weekday', 'medianMinutes', 'sessions'].includes(key) ? [] : numbersIn(inner),
    )
  return []
}

async function centreWithAreas() {
  const centre = await t.buildCentre()
  const jobs = await t.buildArea(centre.id, { ticketLetter: 'E' })
  const training = await t.buildArea(centre.id, { ticketLetter: 'F' })
  const manager = await f.signInManager(centre.id)
  const setThreshold = (threshold: number) =>
    t.request(`/api/v1/centres/${centre.slug}/statistics-settings`, {
      method: 'PUT',
      cookie: manager,
      body: { threshold, retentionDays: 90 },
    })
  return { centre, jobs, training, manager, setThreshold }
}

describe('visit statistics', () => {
  it('counts tickets by day, area, weekday and hour, outcome, channel and waits, and withholds counts below k', async () => {
    const s = await centreWithAreas()
    // Monday 2 November 2026, Paris time (UTC+1): six at 9:10 in jobs, waiting 12 minutes and served 20;
    // two at 14:30 in training, called after 3 minutes and never there.
    await a.buildVisits(6, {
      centreId: s.centre.id,
      areaId: s.jobs.id,
      day: '2026-11-02',
      arrival: '2026-11-02T08:10:00Z',
      wait: 12,
      service: 20,
    })
    await a.buildVisits(2, {
      centreId: s.centre.id,
      areaId: s.training.id,
      day: '2026-11-02',
      arrival: '2026-11-02T13:30:00Z',
      wait: 3,
      status: 'no_show',
      channel: 'reception',
      language: 'en',
    })
    const path = `/api/v1/centres/${s.centre.slug}/statistics/visits?from=2026-11-01&to=2026-11-30`

    await s.setThreshold(2)
    const exact = await json(await t.request(path, { cookie: s.manager }))
    expect(exact.status).toBe(200)
    expect(exact.body).toMatchObject({ k: 2, total: 8 })
    expect(exact.body.byDay.find((d: { date: string }) => d.date === '2026-11-02').count).toBe(8)
    expect(
      Object.fromEntries(exact.body.byArea.map((row: { id: string; count: number }) => [row.id, row.count])),
    ).toEqual({ [s.jobs.id]: 6, [s.training.id]: 2 })
    const monday = exact.body.heatMap.rows.find((row: { weekday: number }) => row.weekday === 1)
    const hour = (h: number) => monday.counts[exact.body.heatMap.hours.indexOf(h)]
    expect([hour(9), hour(14), hour(10)]).toEqual([6, 2, 0])
    expect(exact.body.byOutcome).toEqual([
      { outcome: 'done', count: 6 },
      { outcome: 'no_show', count: 2 },
    ])
    expect(exact.body.byChannel).toEqual([
      { channel: 'kiosk', count: 6 },
      { channel: 'reception', count: 2 },
      { channel: 'portal', count: 0 },
    ])
    expect(exact.body.byLanguage).toEqual([
      { language: 'en', count: 2 },
      { language: 'fr', count: 6 },
    ])
    const jobsWait = exact.body.waiting.find((row: { id: string }) => row.id === s.jobs.id)
    expect(jobsWait.medianMinutes).toBe(12)
    expect(jobsWait.bands.find((b: { band: string }) => b.band === '10-19').count).toBe(6)
    expect(exact.body.service).toEqual([
      expect.objectContaining({ id: s.jobs.id, total: 6, medianMinutes: 20 }),
    ])

    // With k = 5 the training area's 2 are withheld, and so is what would give them back.
    await s.setThreshold(5)
    const protectedBody = (await json(await t.request(path, { cookie: s.manager }))).body
    expect(protectedBody.total).toBe(8)
    expect(
      Object.fromEntries(
        protectedBody.byArea.map((row: { id: string; count: unknown }) => [row.id, row.count]),
      ),
    ).toEqual({ [s.jobs.id]: 'hidden', [s.training.id]: 'small' })
    expect(numbersIn(protectedBody).filter((n) => n >= 1 && n < 5)).toEqual([])
  })

  it('answers a partner coordinator and reception with 403, and a reversed period with words', async () => {
    const s = await centreWithAreas()
    const coordinator = await f.signInCoordinator(s.centre.id)
    const reception = await t.buildStaff('reception', s.centre.id)
    const receptionCookie = await t.signIn(reception.email, reception.password)
    const base = `/api/v1/centres/${s.centre.slug}/statistics`
    const period = 'from=2026-11-01&to=2026-11-30'
    for (const section of ['visits', 'profiles', 'self-service'])
      expect((await t.request(`${base}/${section}?${period}`, { cookie: coordinator.cookie })).status).toBe(
        403,
      )
    for (const section of ['visits', 'interviews', 'events', 'self-service'])
      expect((await t.request(`${base}/${section}?${period}`, { cookie: receptionCookie })).status).toBe(403)
    const reversed = await json(
      await t.request(`${base}/visits?from=2026-11-30&to=2026-11-01`, { cookie: s.manager, lang: 'en' }),
    )
    expect(reversed.status).toBe(422)
    expect(reversed.body.error.fields.to).toMatch(/end after it starts/)
  })
})

describe('retention', () => {
  it('folds past days and purges raw records past the retention period, and last year’s dashboards give the same figures', async () => {
    const s = await centreWithAreas()
    const partner = await f.buildPartner(s.centre.id, 'Agence')
    const theme = await saveTheme({
      db: t.db,
      centreId: s.centre.id,
      actorUserId: null,
      input: { slug: 'cv', name: { fr: 'CV' } },
    })
    for (const [day, n] of [
      ['2025-11-03', 7],
      ['2025-11-04', 3],
      ['2026-11-30', 6],
    ] as const) {
      await a.buildVisits(n, {
        centreId: s.centre.id,
        areaId: s.jobs.id,
        day,
        arrival: `${day}T09:00:00Z`,
        wait: 7 + n,
        service: 25,
      })
      await a.buildInterviews(n, {
        centreId: s.centre.id,
        areaId: s.jobs.id,
        partnerId: partner.id,
        day,
        minutes: 15 + n,
        themeIds: [theme.id],
        outcomes: ['information', 'referral'],
        referral: 'Foyer des jeunes',
      })
      await a.buildProfiles(n, { centreId: s.centre.id, day })
    }
    const sections = ['visits', 'interviews', 'profiles']
    const periods = ['from=2025-01-01&to=2025-12-31', 'from=2025-11-01&to=2026-12-06']
    const dashboards = async () =>
      Promise.all(
        sections.flatMap((section) =>
          periods.map(
            async (period) =>
              (
                await json(
                  await t.request(`/api/v1/centres/${s.centre.slug}/statistics/${section}?${period}`, {
                    cookie: s.manager,
                  }),
                )
              ).body,
          ),
        ),
      )
    const before = await dashboards()
    expect(before[0]).toMatchObject({ total: 10 })
    expect(before[1]).toMatchObject({ total: 16 })

    const report = await purgeRawRecords({ db: t.db, now: t.clock.now })
    expect(report).toMatchObject({ tickets: 10, interviews: 10, profiles: 10 })
    const left = async (table: typeof ticket | typeof interview | typeof visitProfile) =>
      (await t.db.select({ day: table.serviceDate }).from(table).where(eq(table.centreId, s.centre.id))).map(
        (row) => row.day,
      )
    // Last year's raw records are gone; those of last week stay until their time comes.
    expect(new Set(await left(ticket))).toEqual(new Set(['2026-11-30']))
    expect(new Set(await left(interview))).toEqual(new Set(['2026-11-30']))
    expect(new Set(await left(visitProfile))).toEqual(new Set(['2026-11-30']))
    const [folded] = await t.db
      .select({ through: centreTable.statisticsFoldedThrough })
      .from(centreTable)
      .where(eq(centreTable.id, s.centre.id))
    expect(folded?.through).toBe('2026-12-05')

    expect(await dashboards()).toEqual(before)
    // Folding again changes nothing.
    expect(await foldStatistics({ db: t.db, now: t.clock.now })).toBe(0)
    expect(await dashboards()).toEqual(before)
  })

  it('counts today from the raw records, beside folded days', async () => {
    const s = await centreWithAreas()
    await s.setThreshold(2)
    await a.buildVisits(3, {
      centreId: s.centre.id,
      areaId: s.jobs.id,
      day: '2026-12-04',
      arrival: '2026-12-04T09:00:00Z',
    })
    await foldStatistics({ db: t.db, now: t.clock.now })
    await a.buildVisits(2, {
      centreId: s.centre.id,
      areaId: s.jobs.id,
      day: '2026-12-06',
      arrival: '2026-12-06T09:00:00Z',
    })
    const { body } = await json(
      await t.request(`/api/v1/centres/${s.centre.slug}/statistics/visits?from=2026-12-01&to=2026-12-06`, {
        cookie: s.manager,
      }),
    )
    expect(body.total).toBe(5)
    const rows = await t.db.execute(
      sql`select count(*)::int as n from stat_fact where centre_id = ${s.centre.id} and service_date = '2026-12-06'`,
    )
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0)
  })
})

describe('self-service use', () => {
  it('counts page views and searches by day, and lists words searched on at least k different days only', async () => {
    const s = await centreWithAreas()
    const resource = await f.postResource(s.centre.slug, s.manager, {
      title: 'Guide du cariste',
      shelf: 'B2',
    })
    const days = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']
    for (const day of days) {
      t.clock.now = new Date(`${day}T10:00:00Z`)
      await t.request(`/api/v1/search?q=Cariste&centre=${s.centre.slug}`)
      await t.request(`/api/v1/centres/${s.centre.slug}/resources/${resource.id}`)
    }
    t.clock.now = new Date('2026-12-05T11:00:00Z')
    await t.request(`/api/v1/search?q=${encodeURIComponent('marie curie')}&centre=${s.centre.slug}`)
    await t.request(
      `/api/v1/search?q=${encodeURIComponent('appeler 06 12 34 56 78')}&centre=${s.centre.slug}`,
    )
    // A search outside any centre is nobody's figure.
    await t.request('/api/v1/search?q=cariste')
    t.clock.now = new Date('2026-12-06T10:00:00Z')

    const { status, body } = await json(
      await t.request(
        `/api/v1/centres/${s.centre.slug}/statistics/self-service?from=2026-12-01&to=2026-12-06`,
        {
          cookie: s.manager,
        },
      ),
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({ k: 5, resourceViews: 5, searches: 7 })
    expect(body.topQueries).toEqual([{ query: 'cariste', count: 5 }])
    expect(body.topResources).toEqual([{ id: resource.id, title: 'Guide du cariste', count: 5 }])
    // Each day's single view is withheld, and the 2 searches of the 5th too.
    expect(body.byDay.find((d: { date: string }) => d.date === '2026-12-05')).toMatchObject({
      resourceViews: 'small',
      searches: 'small',
    })
    const stored = await t.db.execute(
      sql`select key from usage_count where centre_id = ${s.centre.id} and kind = 'search_query'`,
    )
    // A search with digits is counted, never its words.
    expect((stored as unknown as { rows: { key: string }[] }).rows.map((row) => row.key).sort()).toEqual([
      'cariste',
      'cariste',
      'cariste',
      'cariste',
      'cariste',
      'marie curie',
    ])
  })
})

describe('exports and the network', () => {
  it('exports a table as CSV with the same withheld counts, and a partner coordinator their partner’s tables only', async () => {
    const s = await centreWithAreas()
    const coordinator = await f.signInCoordinator(s.centre.id)
    await a.buildInterviews(3, {
      centreId: s.centre.id,
      areaId: s.jobs.id,
      partnerId: coordinator.partnerId,
      day: '2026-11-02',
    })
    await a.buildInterviews(6, { centreId: s.centre.id, areaId: s.training.id, day: '2026-11-03' })
    const path = (table: string) =>
      `/api/v1/centres/${s.centre.slug}/statistics/export.csv?table=${table}&from=2026-11-01&to=2026-11-05`
    const response = await t.request(path('interviews-by-day'), { cookie: s.manager })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes).split('\r\n')).toEqual([
      'date,interviews',
      '2026-11-01,0',
      '2026-11-02,<5',
      '2026-11-03,x',
      '2026-11-04,0',
      '2026-11-05,0',
      '',
    ])
    const own = await t.request(path('interviews-by-day'), { cookie: coordinator.cookie })
    expect((await own.text()).split('\r\n')[2]).toBe('2026-11-02,<5')
    expect((await t.request(path('visits-by-day'), { cookie: coordinator.cookie })).status).toBe(403)
    expect((await t.request(path('nonsense'), { cookie: s.manager })).status).toBe(422)
  })

  it('compares every centre for network admins only, each with its own threshold', async () => {
    const first = await centreWithAreas()
    const second = await centreWithAreas()
    await a.buildVisits(7, {
      centreId: first.centre.id,
      areaId: first.jobs.id,
      day: '2026-11-02',
      arrival: '2026-11-02T09:00:00Z',
    })
    await a.buildVisits(3, {
      centreId: second.centre.id,
      areaId: second.jobs.id,
      day: '2026-11-02',
      arrival: '2026-11-02T09:00:00Z',
    })
    const admin = await t.buildStaff('network_admin', null)
    const cookie = await t.signIn(admin.email, admin.password)
    const path = '/api/v1/network/statistics?from=2026-11-01&to=2026-11-30'
    const { status, body } = await json(await t.request(path, { cookie }))
    expect(status).toBe(200)
    const row = (slug: string) => body.centres.find((c: { slug: string }) => c.slug === slug)
    expect(row(first.centre.slug)).toMatchObject({ visits: 7, interviews: 0, k: 5 })
    expect(row(second.centre.slug)).toMatchObject({ visits: 'small' })
    expect((await t.request(path, { cookie: first.manager })).status).toBe(403)
    const csv = await (await t.request(path.replace('statistics?', 'statistics.csv?'), { cookie })).text()
    expect(csv.split('\r\n')[0]).toBe('centre,visits,interviews,event_participants,self_service,threshold')
    expect(csv).toContain(`Centre ${second.centre.slug},<5,0,0,0,5`)
    expect(
      (await t.request(path.replace('statistics?', 'statistics.csv?'), { cookie: first.manager })).status,
    ).toBe(403)
    expect((await t.request(path)).status).toBe(401)
    // The other centre's manager cannot read this one's dashboards.
    expect(
      (
        await t.request(
          `/api/v1/centres/${first.centre.slug}/statistics/visits?from=2026-11-01&to=2026-11-30`,
          {
            cookie: second.manager,
          },
        )
      ).status,
    ).toBe(403)
    expect(
      await t.db.$count(
        ticket,
        and(eq(ticket.centreId, first.centre.id), eq(ticket.serviceDate, '2026-11-02')),
      ),
    ).toBe(7)
  })
})
