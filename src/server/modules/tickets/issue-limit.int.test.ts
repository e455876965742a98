import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test/app'
import { walkInCentre } from '../../test/walk-in'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext({ issueLimit: { perAddress: 3, portalPerAddress: 1 } })
  t.clock.now = new Date('2026-11-24T10:00:00Z')
})
afterAll(() => t.close())

describe('limits on anonymous tickets', () => {
  it('stops one client after its allowance, counts the portal apart, and never limits reception', async () => {
    const { centre, cookie, take } = await walkInCentre(t)
    // A refused request does not use up the allowance.
    expect((await take('nowhere')).status).toBe(404)
    for (let n = 0; n < 3; n++) expect((await take('emploi')).status).toBe(201)
    const refused = await t.request(`/api/v1/centres/${centre.slug}/tickets`, {
      method: 'POST',
      body: { area: 'emploi', language: 'fr', channel: 'kiosk' },
      lang: 'en',
    })
    expect(refused.status).toBe(429)
    expect((await refused.json()).error.message).toBe(
      'Too many tickets requested from this device. Please ask at the reception desk.',
    )

    expect((await take('emploi', { channel: 'portal' })).status).toBe(201)
    expect((await take('emploi', { channel: 'portal' })).status).toBe(429)

    const atReception = await t.request(`/api/v1/centres/${centre.slug}/tickets`, {
      method: 'POST',
      cookie,
      body: { area: 'emploi', language: 'fr', channel: 'reception' },
    })
    expect(atReception.status).toBe(201)
  })
})
