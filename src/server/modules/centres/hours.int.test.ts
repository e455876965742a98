import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test/app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

async function setUp() {
  const centre = await t.buildCentre({ timezone: 'Europe/Paris' })
  const manager = await t.buildStaff('manager', centre.id)
  const cookie = await t.signIn(manager.email, manager.password)
  return { centre, cookie, base: `/api/v1/centres/${centre.slug}` }
}

const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:30', closesAt: '17:00' }))

describe('opening hours and closures', () => {
  it('replaces a week of centre hours and shows open/closed on the portal in the centre’s time zone', async () => {
    const { cookie, base } = await setUp()
    const saved = await t.request(`${base}/hours`, { method: 'PUT', cookie, body: { spans: week } })
    expect(saved.status).toBe(200)
    expect((await saved.json()).spans).toHaveLength(5)

    t.clock.now = new Date('2026-11-24T09:00:00Z') // Tuesday 10:00 in Paris
    let portal = await (await t.request(`${base}/portal`)).json()
    expect(portal.status).toMatchObject({ isOpen: true, today: [{ opensAt: '09:30', closesAt: '17:00' }] })

    t.clock.now = new Date('2026-11-28T12:00:00Z') // Saturday
    portal = await (await t.request(`${base}/portal`)).json()
    expect(portal.status).toMatchObject({
      isOpen: false,
      today: [],
      nextOpening: { date: '2026-11-30', time: '09:30' },
    })
  })

  it('gives an area its own hours, and falls back to the centre’s otherwise', async () => {
    const { centre, cookie, base } = await setUp()
    const own = await t.buildArea(centre.id, { ticketLetter: 'A' })
    const follower = await t.buildArea(centre.id, { ticketLetter: 'B' })
    await t.request(`${base}/hours`, { method: 'PUT', cookie, body: { spans: week } })
    const areaHours = await t.request(`${base}/hours`, {
      method: 'PUT',
      cookie,
      body: { areaId: own.id, spans: [{ weekday: 2, opensAt: '14:00', closesAt: '16:00' }] },
    })
    expect(areaHours.status).toBe(200)
    t.clock.now = new Date('2026-11-24T09:00:00Z') // Tuesday 10:00 in Paris
    const portal = await (await t.request(`${base}/portal`)).json()
    const byId = (id: string) => portal.areas.find((a: { id: string }) => a.id === id).status
    expect(byId(own.id)).toMatchObject({ isOpen: false, nextOpening: { date: '2026-11-24', time: '14:00' } })
    expect(byId(follower.id)).toMatchObject({ isOpen: true })
    const read = await (await t.request(`${base}/hours?area=${own.id}`, { cookie })).json()
    expect(read.spans).toEqual([{ weekday: 2, opensAt: '14:00', closesAt: '16:00' }])
  })

  it('rejects overlapping or inverted spans with per-field messages and keeps the previous week', async () => {
    const { cookie, base } = await setUp()
    await t.request(`${base}/hours`, { method: 'PUT', cookie, body: { spans: week } })
    const bad = await t.request(`${base}/hours`, {
      method: 'PUT',
      cookie,
      lang: 'en',
      body: {
        spans: [
          { weekday: 1, opensAt: '09:00', closesAt: '12:00' },
          { weekday: 1, opensAt: '11:00', closesAt: '13:00' },
          { weekday: 2, opensAt: '18:00', closesAt: '08:00' },
          { weekday: 9, opensAt: '25:00', closesAt: '26:00' },
        ],
      },
    })
    expect(bad.status).toBe(422)
    const fields = (await bad.json()).error.fields
    expect(fields['spans.1.opensAt']).toBe('This span overlaps another span on the same day.')
    expect(fields['spans.2.closesAt']).toBe('Closing time must come after opening time.')
    expect(fields['spans.3.weekday']).toBe('At most 7.')
    expect(fields['spans.3.opensAt']).toBe('A time as HH:MM (e.g. 09:30).')
    const kept = await (await t.request(`${base}/hours`, { cookie })).json()
    expect(kept.spans).toHaveLength(5)
  })

  it('closes the centre on an exceptional closure and lists it as upcoming', async () => {
    const { cookie, base } = await setUp()
    await t.request(`${base}/hours`, { method: 'PUT', cookie, body: { spans: week } })
    const created = await t.request(`${base}/closures`, {
      method: 'POST',
      cookie,
      body: { startsOn: '2026-12-24', endsOn: '2026-12-26', reason: { fr: 'Fêtes', en: 'Holidays' } },
    })
    expect(created.status).toBe(201)
    t.clock.now = new Date('2026-12-24T10:00:00Z')
    const portal = await (await t.request(`${base}/portal`)).json()
    expect(portal.status).toMatchObject({
      isOpen: false,
      closedToday: { reason: { fr: 'Fêtes' } },
      nextOpening: { date: '2026-12-28' },
    })
    expect(portal.upcomingClosures).toHaveLength(1)

    const inverted = await t.request(`${base}/closures`, {
      method: 'POST',
      cookie,
      body: { startsOn: '2026-12-26', endsOn: '2026-12-24' },
    })
    expect(inverted.status).toBe(422)
    const { id } = await created.json()
    expect((await t.request(`${base}/closures/${id}`, { method: 'DELETE', cookie })).status).toBe(204)
    expect((await t.request(`${base}/closures/${id}`, { method: 'DELETE', cookie })).status).toBe(404)
  })
})

describe('desks', () => {
  it('creates a desk serving areas of its centre only, and refuses duplicates', async () => {
    const { centre, cookie, base } = await setUp()
    const a = await t.buildArea(centre.id, { ticketLetter: 'A' })
    const foreign = await t.buildArea((await t.buildCentre()).id)
    const ok = await t.request(`${base}/desks`, {
      method: 'POST',
      cookie,
      body: { name: 'Bureau 1', areaIds: [a.id] },
    })
    expect(ok.status).toBe(201)
    expect((await ok.json()).areaIds).toEqual([a.id])
    const dup = await t.request(`${base}/desks`, { method: 'POST', cookie, body: { name: 'Bureau 1' } })
    expect(dup.status).toBe(409)
    const wrong = await t.request(`${base}/desks`, {
      method: 'POST',
      cookie,
      body: { name: 'Bureau 2', areaIds: [foreign.id] },
    })
    expect(wrong.status).toBe(422)
    const list = await (await t.request(`${base}/desks`, { cookie })).json()
    expect(list.map((d: { name: string }) => d.name)).toEqual(['Bureau 1'])
  })
})
