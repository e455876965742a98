import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { centre } from '../../db/schema/centres'
import { createTestContext, type TestContext, unique } from '../../test/app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const input = (slug: string) => ({
  slug,
  name: { fr: 'Cité des Métiers du Nord', en: 'Cité des Métiers (North)' },
  timezone: 'Europe/Brussels',
  languages: ['fr', 'nl', 'en'],
  defaultLanguage: 'fr',
  address: 'Rue de la Loi 1',
})

describe('centres', () => {
  it('lets a network admin open a centre, lists it publicly, and refuses a duplicate slug with 409', async () => {
    const admin = await t.buildStaff('network_admin', null)
    const cookie = await t.signIn(admin.email, admin.password)
    const slug = `nord-${unique()}`
    const created = await t.request('/api/v1/centres', { method: 'POST', cookie, body: input(slug) })
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({
      slug,
      languages: ['fr', 'nl', 'en'],
      timezone: 'Europe/Brussels',
    })
    const list = await (await t.request('/api/v1/centres')).json()
    expect(list.map((c: { slug: string }) => c.slug)).toContain(slug)
    const again = await t.request('/api/v1/centres', {
      method: 'POST',
      cookie,
      body: input(slug),
      lang: 'en',
    })
    expect(again.status).toBe(409)
    expect((await again.json()).error.fields.slug).toBe('Another centre already uses this identifier.')
    const [row] = await t.db.select({ n: count() }).from(centre).where(eq(centre.slug, slug))
    expect(row?.n).toBe(1)
  })

  it('refuses to let a manager open a centre', async () => {
    const home = await t.buildCentre()
    const manager = await t.buildStaff('manager', home.id)
    const cookie = await t.signIn(manager.email, manager.password)
    expect(
      (await t.request('/api/v1/centres', { method: 'POST', cookie, body: input(`x-${unique()}`) })).status,
    ).toBe(403)
  })

  it('validates a centre: time zone, languages, default language among them', async () => {
    const home = await t.buildCentre()
    const manager = await t.buildStaff('manager', home.id)
    const cookie = await t.signIn(manager.email, manager.password)
    const response = await t.request(`/api/v1/centres/${home.slug}`, {
      method: 'PUT',
      cookie,
      lang: 'fr',
      body: { ...input(home.slug), timezone: 'Mars/Olympus', languages: ['fr', 'xx'], defaultLanguage: 'de' },
    })
    expect(response.status).toBe(422)
    const fields = (await response.json()).error.fields
    expect(fields.timezone).toBe('Fuseau horaire inconnu (ex. : Europe/Paris).')
    expect(fields['languages.1']).toBe('Choisissez une des valeurs proposées.')
    const ok = await t.request(`/api/v1/centres/${home.slug}`, {
      method: 'PUT',
      cookie,
      body: input(home.slug),
    })
    expect(ok.status).toBe(200)
    expect((await (await t.request(`/api/v1/centres/${home.slug}`)).json()).timezone).toBe('Europe/Brussels')
  })

  it('reports the default language not being offered on that field', async () => {
    const home = await t.buildCentre()
    const manager = await t.buildStaff('manager', home.id)
    const cookie = await t.signIn(manager.email, manager.password)
    const response = await t.request(`/api/v1/centres/${home.slug}`, {
      method: 'PUT',
      cookie,
      lang: 'en',
      body: { ...input(home.slug), languages: ['fr'], defaultLanguage: 'en' },
    })
    expect(response.status).toBe(422)
    expect((await response.json()).error.fields.defaultLanguage).toBe(
      'The default language must be one of the offered languages.',
    )
  })
})
