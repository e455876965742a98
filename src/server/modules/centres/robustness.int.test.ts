import { and, eq, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openingHours } from '../../db/schema/centres'
import { createTestContext, type TestContext } from '../../test/app'
import { replaceWeeklyHours } from './hours-service'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

async function managerOf(centreId: string) {
  const manager = await t.buildStaff('manager', centreId)
  return t.signIn(manager.email, manager.password)
}

describe('odd input gets a message, never a server error', () => {
  it('refuses a NUL character in text, a year-0 date and a non-JSON body with 4xx', async () => {
    const centre = await t.buildCentre()
    const cookie = await managerOf(centre.id)
    const base = `/api/v1/centres/${centre.slug}`
    const nul = await t.request(`${base}/desks`, {
      method: 'POST',
      cookie,
      body: { name: 'Bureau\u0000' },
      lang: 'en',
    })
    expect(nul.status).toBe(422)
    expect((await nul.json()).error.fields.name).toBe('This text contains a character that is not allowed.')
    const ancient = await t.request(`${base}/closures`, {
      method: 'POST',
      cookie,
      body: { startsOn: '0000-01-01', endsOn: '0000-01-02' },
    })
    expect(ancient.status).toBe(422)
    const plain = await t.app.request(`${base}/desks`, {
      method: 'POST',
      headers: { cookie, origin: 'http://cite.test', 'content-type': 'text/plain' },
      body: JSON.stringify({ name: 'Bureau' }),
    })
    expect(plain.status).toBeGreaterThanOrEqual(400)
    expect(plain.status).toBeLessThan(500)
  })
  it('answers 404 to a centre named with a NUL character, which no slug holds (its guard reads it first)', async () => {
    const centre = await t.buildCentre()
    const cookie = await managerOf(centre.id)
    for (const path of ['/api/v1/centres/%00/areas', '/api/v1/centres/a%00b/desks']) {
      const response = await t.request(path, { cookie })
      expect(response.status).toBe(404)
      expect((await response.json()).error.code).toBe('not_found')
    }
  })

  it('refuses half a surrogate pair in text (it would break the audit entry’s JSON) with 422', async () => {
    const centre = await t.buildCentre()
    const cookie = await managerOf(centre.id)
    const response = await t.request(`/api/v1/centres/${centre.slug}/desks`, {
      method: 'POST',
      cookie,
      body: { name: 'Bureau \uD800' },
    })
    expect(response.status).toBe(422)
  })
})

describe('areas and the centre’s hours', () => {
  it('never shows an area open while the centre itself is closed', async () => {
    const centre = await t.buildCentre()
    const late = await t.buildArea(centre.id, { ticketLetter: 'L' })
    const week = (from: string, to: string) =>
      [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: from, closesAt: to }))
    await replaceWeeklyHours({
      db: t.db,
      centreId: centre.id,
      actorUserId: null,
      input: { spans: week('09:00', '17:00') },
    })
    await replaceWeeklyHours({
      db: t.db,
      centreId: centre.id,
      actorUserId: null,
      input: { areaId: late.id, spans: week('08:00', '20:00') },
    })
    t.clock.now = new Date('2026-11-24T17:00:00Z') // Tuesday 18:00 in Paris
    const portal = await (await t.request(`/api/v1/centres/${centre.slug}/portal`)).json()
    expect(portal.status.isOpen).toBe(false)
    expect(portal.areas[0].status).toMatchObject({
      isOpen: false,
      nextOpening: { date: '2026-11-25', time: '09:00' },
    })
  })

  it('keeps exactly one week when two managers save hours at the same moment', async () => {
    const centre = await t.buildCentre()
    const a = [1, 2, 3].map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '12:00' }))
    const b = [1, 2, 3].map((weekday) => ({ weekday, opensAt: '13:00', closesAt: '18:00' }))
    await Promise.all([
      replaceWeeklyHours({ db: t.db, centreId: centre.id, actorUserId: null, input: { spans: a } }),
      replaceWeeklyHours({ db: t.db, centreId: centre.id, actorUserId: null, input: { spans: b } }),
    ])
    const rows = await t.db
      .select()
      .from(openingHours)
      .where(and(eq(openingHours.centreId, centre.id), isNull(openingHours.areaId)))
    expect(rows).toHaveLength(3)
  })

  it('answers 404 for the hours of another centre’s area', async () => {
    const centre = await t.buildCentre()
    const foreign = await t.buildArea((await t.buildCentre()).id)
    const cookie = await managerOf(centre.id)
    expect(
      (await t.request(`/api/v1/centres/${centre.slug}/hours?area=${foreign.id}`, { cookie })).status,
    ).toBe(404)
  })
})
