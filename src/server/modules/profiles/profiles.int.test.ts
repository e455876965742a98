import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { visitProfile } from '../../db/schema/profiles'
import { createTestContext, type TestContext } from '../../test/app'
import { walkInCentre } from '../../test/walk-in'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  t.clock.now = new Date('2026-11-24T10:00:00Z')
})
afterAll(() => t.close())

describe('visit profiles', () => {
  it('records a visit’s profile in coarse bands, once per visit, any question left unanswered', async () => {
    const w = await walkInCentre(t)
    const issued = await (await w.take('emploi')).json()
    const path = `/api/v1/tickets/${issued.id}/profile`
    expect(await (await t.request(path, { cookie: w.cookie })).json()).toBeNull()
    const first = await t.request(path, {
      method: 'PUT',
      cookie: w.cookie,
      body: { ageBand: '16_25', situation: 'job_seeker' },
    })
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({
      ageBand: '16_25',
      situation: 'job_seeker',
      education: 'no_answer',
      firstVisit: 'no_answer',
      heardFrom: 'no_answer',
    })
    // Asked again at the desk: the same visit's profile is completed, not counted twice.
    await t.request(path, {
      method: 'PUT',
      cookie: w.cookie,
      body: { ageBand: '16_25', situation: 'job_seeker', firstVisit: 'yes', heardFrom: 'school' },
    })
    const rows = await t.db.select().from(visitProfile).where(eq(visitProfile.ticketId, issued.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ firstVisit: 'yes', heardFrom: 'school', serviceDate: '2026-11-24' })
    expect(await (await t.request(path, { cookie: w.cookie })).json()).toMatchObject({ heardFrom: 'school' })
  })

  it('refuses a band that is not on the list, a caller without a role, and an unknown visit', async () => {
    const w = await walkInCentre(t)
    const issued = await (await w.take('emploi')).json()
    const path = `/api/v1/tickets/${issued.id}/profile`
    const exact = await t.request(path, {
      method: 'PUT',
      cookie: w.cookie,
      lang: 'en',
      body: { ageBand: '37' },
    })
    expect(exact.status).toBe(422)
    expect((await exact.json()).error.fields.ageBand).toBeTruthy()
    expect((await t.request(path, { method: 'PUT', body: {} })).status).toBe(401)
    const outsider = await t.buildStaff('counsellor', (await t.buildCentre()).id)
    const cookie = await t.signIn(outsider.email, outsider.password)
    expect((await t.request(path, { method: 'PUT', cookie, body: {} })).status).toBe(403)
    expect(
      (
        await t.request(`/api/v1/tickets/${crypto.randomUUID()}/profile`, {
          method: 'PUT',
          cookie: w.cookie,
          body: {},
        })
      ).status,
    ).toBe(404)
    expect(await t.db.select().from(visitProfile).where(eq(visitProfile.ticketId, issued.id))).toEqual([])
  })
})
