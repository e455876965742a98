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

describe('sign-in throttling under pressure', () => {
  it('counts parallel guesses before they run, so a burst cannot slip past the limit', async () => {
    const centre = await t.buildCentre()
    const target = await t.buildStaff('counsellor', centre.id)
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(target.email, `burst-${i}-xxxxxx`)),
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7)
  })

  it('refuses a sign-in sent as a form, which would not be counted per account', async () => {
    const response = await t.app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://cite.test',
        'accept-language': 'en',
      },
      body: 'email=someone%40staff.example&password=guess',
    })
    expect(response.status).toBe(422)
    expect((await response.json()).error.message).toBe(
      'Send the data as JSON (Content-Type: application/json).',
    )
  })

  it('counts reset requests apart, so they never lock anyone out of signing in', async () => {
    const centre = await t.buildCentre()
    const person = await t.buildStaff('manager', centre.id)
    for (let i = 0; i < 25; i++) {
      await t.request('/api/auth/request-password-reset', {
        method: 'POST',
        body: { email: 'nobody@x.example' },
      })
    }
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
