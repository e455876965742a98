import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { programmeSchema } from '../../shared/schemas/events'
import { createTestContext, type TestContext } from '../test/app'
import { seedDemo } from './demo'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

describe('the demo centre', () => {
  it('opens with its partners, a directory and a programme for the coming weeks: every kind of session, booked or free, on site or off', async () => {
    t.clock.now = new Date('2026-11-25T10:00:00Z')
    const { centreSlug } = await seedDemo({ db: t.db, auth: t.auth, now: t.clock.now })
    const programme = programmeSchema.parse(
      await (await t.request(`/api/v1/centres/${centreSlug}/programme?lang=en`)).json(),
    )
    expect(programme.from).toBe('2026-11-25')
    expect(new Set(programme.items.map((session) => session.type))).toEqual(
      new Set(['workshop', 'club', 'information_session', 'recruitment_day', 'visit']),
    )
    expect(programme.items.some((session) => !session.booking)).toBe(true)
    expect(programme.items.some((session) => session.offSite)).toBe(true)
    expect(programme.items.some((session) => session.priorityShare)).toBe(true)
    expect(programme.items.every((session) => session.startsAt >= '2026-11-25')).toBe(true)
    const alliance = await (await t.request(`/api/v1/centres/${centreSlug}/alliance?lang=en`)).json()
    expect(alliance.items).toHaveLength(6)
    expect(alliance.items[0]).toMatchObject({
      name: 'Agence locale pour l’emploi (fictive)',
      type: 'employment_service',
      description: 'Job offers, registration, rights and support for job seekers.',
    })
    const advice = await (await t.request(`/api/v1/centres/${centreSlug}/duty-rota?from=2026-11-30`)).json()
    expect(advice.days.map((day: { slots: unknown[] }) => day.slots.length)).toEqual([1, 1, 3, 2, 1, 0, 0])
    expect(advice.days[1].slots[0]).toEqual({
      area: 'creer-activite',
      expertise: 'business_creation',
      languages: ['fr'],
      startsAt: '13:30',
      endsAt: '17:30',
      partner: null,
    })
    const housing = await (
      await t.request(`/api/v1/centres/${centreSlug}/services?q=logement%20jeunes&lang=fr`)
    ).json()
    expect(housing.items.map((service: { name: string }) => service.name)).toEqual([
      'Logement des jeunes travailleurs',
    ])
    expect(programme.items.find((session) => session.type === 'recruitment_day')?.organisers).toEqual([
      'Agence locale pour l’emploi (fictive)',
      'Mission Jeunesse Démo',
      'Transports Exemple SA',
    ])
  })
})
