import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DirectoryServiceInput } from '../../../shared/schemas/directory'
import { createTestContext, type TestContext } from '../../test/app'
import { catalogueFactories } from '../resources/testing'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
  t.clock.now = new Date('2026-11-25T10:00:00Z')
})
afterAll(() => t.close())

const send = async (path: string, init: Parameters<TestContext['request']>[1] = {}) => {
  const response = await t.request(path, init)
  return { status: response.status, body: response.status === 204 ? null : await response.json() }
}

const housing: DirectoryServiceInput = {
  organisation: 'Foyer Exemple',
  name: { fr: 'Logement des jeunes travailleurs', en: 'Housing for young workers' },
  description: {
    fr: 'Chambres meublées et accompagnement pour les jeunes qui commencent à travailler.',
    en: 'Furnished rooms and support for young people starting work.',
  },
  eligibility: { fr: 'De 16 à 30 ans, en emploi ou en formation.' },
  audiences: ['young_people'],
  languages: ['fr', 'en'],
  address: '12 rue de l’Exemple, 75019 Paris',
  openingHours: 'Du lundi au vendredi, 9 h – 17 h',
  walkIn: true,
  phone: '01 23 45 67 89',
  website: 'https://foyer.example.org',
  lastVerified: '2026-10-01',
}

const legal: DirectoryServiceInput = {
  organisation: 'Maison du Droit Exemple',
  name: { fr: 'Consultations juridiques gratuites' },
  description: { fr: 'Droit du travail, licenciement, contrat.' },
  lastVerified: '2025-01-15',
}

describe('referral directory', () => {
  it('finds a service by words in any of its languages, accents and endings aside, without signing in', async () => {
    const centre = await t.buildCentre()
    const manager = await f.signInManager(centre.id)
    const post = (input: DirectoryServiceInput) =>
      send(`/api/v1/centres/${centre.slug}/directory`, { method: 'POST', cookie: manager, body: input })
    const created = await post(housing)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ organisation: 'Foyer Exemple', needsReview: false })
    await post(legal)
    const search = async (query: string) =>
      (await send(`/api/v1/centres/${centre.slug}/services?${query}`)).body.items as { name: string }[]
    expect((await search('q=logement%20jeunes&lang=fr')).map((s) => s.name)).toEqual([
      'Logement des jeunes travailleurs',
    ])
    expect((await search('q=young%20worker&lang=en')).map((s) => s.name)).toEqual([
      'Housing for young workers',
    ])
    expect((await search('q=licenciements&lang=fr')).map((s) => s.name)).toEqual([
      'Consultations juridiques gratuites',
    ])
    expect((await search('q=meuble&lang=fr')).map((s) => s.name)).toEqual([
      'Logement des jeunes travailleurs',
    ])
    expect((await search('audience=young_people&lang=fr')).map((s) => s.name)).toEqual([
      'Logement des jeunes travailleurs',
    ])
    const [found] = (await send(`/api/v1/centres/${centre.slug}/services?q=foyer&lang=en`)).body.items
    expect(found).toMatchObject({
      name: 'Housing for young workers',
      eligibility: 'De 16 à 30 ans, en emploi ou en formation.',
      walkIn: true,
      phone: '01 23 45 67 89',
      mapUrl:
        'https://www.openstreetmap.org/search?query=12%20rue%20de%20l%E2%80%99Exemple%2C%2075019%20Paris',
    })
  })

  it('flags to staff the services not checked for the centre’s review period', async () => {
    const centre = await t.buildCentre()
    const manager = await f.signInManager(centre.id)
    for (const input of [housing, legal])
      await send(`/api/v1/centres/${centre.slug}/directory`, { method: 'POST', cookie: manager, body: input })
    const due = await send(`/api/v1/centres/${centre.slug}/directory?review=true`, { cookie: manager })
    expect(due.body.items.map((s: { organisation: string }) => s.organisation)).toEqual([
      'Maison du Droit Exemple',
    ])
    const [stale] = due.body.items
    const checked = await send(`/api/v1/centres/${centre.slug}/directory/${stale.id}`, {
      method: 'PUT',
      cookie: manager,
      body: { ...legal, lastVerified: '2026-11-25' },
    })
    expect(checked.body.needsReview).toBe(false)
    expect(
      (await send(`/api/v1/centres/${centre.slug}/directory?review=true`, { cookie: manager })).body.items,
    ).toEqual([])
  })

  it('refuses bad entries plainly and keeps writes to managers and partner coordinators', async () => {
    const centre = await t.buildCentre()
    const manager = await f.signInManager(centre.id)
    const coordinator = await f.signInCoordinator(centre.id)
    const path = `/api/v1/centres/${centre.slug}/directory`
    const unsafe = await send(path, {
      method: 'POST',
      cookie: manager,
      body: { ...housing, website: 'javascript:alert(1)', phone: 'call us' },
      headers: { 'accept-language': 'en' },
    })
    expect(unsafe.status).toBe(422)
    expect(unsafe.body.error.fields.phone).toBe('A phone number, e.g. +33 1 23 45 67 89.')
    expect(unsafe.body.error.fields.website).toBeTruthy()
    const foreign = await t.buildArea((await t.buildCentre()).id)
    expect(
      (await send(path, { method: 'POST', cookie: manager, body: { ...housing, areaIds: [foreign.id] } }))
        .status,
    ).toBe(422)
    const added = await send(path, { method: 'POST', cookie: coordinator.cookie, body: housing })
    expect(added.status).toBe(201)
    expect(
      (await send(`${path}/${added.body.id}`, { method: 'PUT', cookie: coordinator.cookie, body: legal }))
        .status,
    ).toBe(200)
    expect(
      (await send(`${path}/${added.body.id}`, { method: 'DELETE', cookie: coordinator.cookie })).status,
    ).toBe(403)
    const counsellor = await t.buildStaff('counsellor', centre.id)
    const counsellorCookie = await t.signIn(counsellor.email, counsellor.password)
    expect((await send(path, { cookie: counsellorCookie })).status).toBe(200)
    expect((await send(path, { method: 'POST', cookie: counsellorCookie, body: housing })).status).toBe(403)
    expect((await send(path)).status).toBe(401)
    expect((await send(`${path}/${added.body.id}`, { method: 'DELETE', cookie: manager })).status).toBe(204)
    expect((await send(`${path}/${added.body.id}`, { method: 'DELETE', cookie: manager })).status).toBe(404)
  })
})
