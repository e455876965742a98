import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test/app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const attempt = (email: string, password: string, lang = 'en') =>
  t.request('/api/auth/sign-in/email', { method: 'POST', body: { email, password }, lang })

describe('sign-in throttling', () => {
  it('blocks an account after five wrong passwords, even with the right one, but not other accounts', async () => {
    const centre = await t.buildCentre()
    const target = await t.buildStaff('counsellor', centre.id)
    const bystander = await t.buildStaff('counsellor', centre.id)
    for (let i = 0; i < 5; i++) expect((await attempt(target.email, `guess-${i}-xxxxxx`)).status).toBe(401)
    const blocked = await attempt(target.email.toUpperCase(), target.password)
    expect(blocked.status).toBe(429)
    expect((await blocked.json()).error.message).toBe(
      'Too many attempts. Please wait a few minutes before trying again.',
    )
    expect((await attempt(bystander.email, bystander.password)).status).toBe(200)
  })

  it('forgets earlier failures once the person signs in successfully', async () => {
    const centre = await t.buildCentre()
    const person = await t.buildStaff('manager', centre.id)
    for (let i = 0; i < 4; i++) await attempt(person.email, `wrong-${i}-xxxxxx`)
    expect((await attempt(person.email, person.password)).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await attempt(person.email, `wrong-again-${i}`)).status).toBe(401)
    expect((await attempt(person.email, person.password)).status).toBe(200)
  })
})

describe('authorization header', () => {
  it('never falls back to the cookie when another scheme is sent, so the same-origin check cannot be skipped', async () => {
    const centre = await t.buildCentre()
    const manager = await t.buildStaff('manager', centre.id)
    const cookie = await t.signIn(manager.email, manager.password)
    const response = await t.request(`/api/v1/centres/${centre.slug}/areas`, {
      method: 'POST',
      cookie,
      headers: {
        authorization: 'Basic Zm9vOmJhcg==',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      body: { slug: 'x-area', name: { fr: 'X' }, colour: '#123456', pictogram: 'star', ticketLetter: 'X' },
    })
    expect([401, 403]).toContain(response.status)
    expect(
      (await t.request('/api/v1/me', { cookie, headers: { authorization: 'Basic Zm9vOmJhcg==' } })).status,
    ).toBe(401)
  })
})
