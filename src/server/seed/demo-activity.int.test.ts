import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { visitStatisticsSchema } from '../../shared/schemas/statistics'
import { createTestContext, type TestContext } from '../test/app'
import { seedDemo } from './demo'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

describe('the demo centre’s past activity', () => {
  it('starts with eight weeks of visits, interviews, profiles and self-service use, folded into the statistics', async () => {
    t.clock.now = new Date('2026-11-25T10:00:00Z')
    const { centreSlug, logins } = await seedDemo({ db: t.db, auth: t.auth, now: t.clock.now })
    const manager = logins.find((login) => login.role === 'manager')
    const cookie = await t.signIn(manager?.email ?? '', manager?.password ?? '')
    const get = async (section: string) =>
      (
        await t.request(`/api/v1/centres/${centreSlug}/statistics/${section}?from=2026-09-01&to=2026-11-25`, {
          cookie,
        })
      ).json()
    const visits = visitStatisticsSchema.parse(await get('visits'))
    // Eight weeks of Mondays to Saturdays at about 48 visits a day (16 on Saturdays).
    expect(visits.total).toBeGreaterThan(1000)
    expect(visits.byDay.find((day) => day.date === '2026-11-25')?.count).toBe(0)
    expect(visits.byArea).toHaveLength(6)
    expect(visits.waiting.every((area) => area.medianMinutes !== null)).toBe(true)
    const interviews = await get('interviews')
    expect(interviews.total).toBeGreaterThan(250)
    expect(interviews.byTheme.length).toBeGreaterThan(5)
    expect(interviews.byReferral.length).toBeGreaterThan(0)
    expect((await get('profiles')).total).toBeGreaterThan(100)
    const use = await get('self-service')
    expect(use.topQueries.map((row: { query: string }) => row.query)).toContain('cariste')
  })
})
