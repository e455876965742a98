import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ResourceInput } from '../../../shared/schemas/resources'
import { resource } from '../../db/schema/resources'
import { auditLog } from '../../db/schema/staff'
import { createTestContext, type TestContext } from '../../test/app'
import { catalogueFactories } from './testing'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
})
afterAll(() => t.close())

const countResources = async (centreId: string) => {
  const [row] = await t.db.select({ n: count() }).from(resource).where(eq(resource.centreId, centreId))
  return row?.n ?? 0
}

describe('resources, as managers write them', () => {
  it('adds a resource with its areas and themes, audited, and updates and removes it', async () => {
    const centre = await t.buildCentre()
    const cookie = await f.signInManager(centre.id)
    const area = await t.buildArea(centre.id)
    const theme = await f.postTheme(centre.slug, cookie, 'cv-lettre')
    const path = `/api/v1/centres/${centre.slug}/catalogue/resources`
    const created = await t.request(path, {
      method: 'POST',
      cookie,
      body: f.resourceInput({
        title: 'Réussir son CV',
        areaIds: [area.id],
        themeIds: [theme.id],
        audiences: ['job_seekers', 'job_seekers'],
        url: 'https://www.example.org/cv',
        lastReviewed: '2025-01-15',
      }),
    })
    expect(created.status).toBe(201)
    const body = await created.json()
    expect(body).toMatchObject({
      title: 'Réussir son CV',
      type: 'guide',
      shelf: 'B2',
      copies: 3,
      url: 'https://www.example.org/cv',
      areaIds: [area.id],
      themeIds: [theme.id],
      audiences: ['job_seekers'],
      lastReviewed: '2025-01-15',
      partner: null,
      canEdit: true,
    })
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, body.id))
    expect(audit).toMatchObject({ action: 'create', entity: 'resource', centreId: centre.id })

    const put = await t.request(`${path}/${body.id}`, {
      method: 'PUT',
      cookie,
      body: f.resourceInput({
        title: 'Réussir son CV (2025)',
        shelf: null,
        copies: null,
        url: 'https://a.fr',
      }),
    })
    expect(put.status).toBe(200)
    expect(await put.json()).toMatchObject({
      title: 'Réussir son CV (2025)',
      shelf: null,
      areaIds: [],
      themeIds: [],
    })

    const search = `/api/v1/centres/${centre.slug}/resources?q=reussir`
    expect((await (await t.request(search)).json()).total).toBe(1)
    expect((await t.request(`${path}/${body.id}`, { method: 'DELETE', cookie })).status).toBe(204)
    expect((await (await t.request(search)).json()).total).toBe(0)
    expect((await t.request(`${path}/${body.id}`, { cookie })).status).toBe(404)
    expect(await countResources(centre.id)).toBe(0)
  })

  it('answers bad values with a translated message per field, writing nothing', async () => {
    const centre = await t.buildCentre()
    const cookie = await f.signInManager(centre.id)
    const path = `/api/v1/centres/${centre.slug}/catalogue/resources`
    const nowhere = await t.request(path, {
      method: 'POST',
      cookie,
      lang: 'fr',
      body: f.resourceInput({ shelf: null, copies: null, url: null }),
    })
    expect(nowhere.status).toBe(422)
    expect((await nowhere.json()).error.fields).toEqual({
      shelf: 'Dites où la trouver : un emplacement en rayon, une adresse web, ou les deux.',
    })

    const bad = await t.request(path, {
      method: 'POST',
      cookie,
      lang: 'en',
      body: {
        type: 'poster',
        title: '',
        url: 'javascript:alert(1)',
        shelf: 'A1',
        copies: -1,
        languages: ['xx'],
      },
    })
    expect(bad.status).toBe(422)
    expect((await bad.json()).error.fields).toMatchObject({
      type: 'Choose one of the proposed values.',
      title: 'This field is required.',
      url: expect.stringContaining('valid web address'),
      copies: expect.any(String),
      'languages.0': expect.any(String),
    })
    const ftp = await t.request(path, {
      method: 'POST',
      cookie,
      body: f.resourceInput({ url: 'ftp://files.example.org/guide.pdf' }),
    })
    expect((await ftp.json()).error.fields).toHaveProperty('url')
    expect(await countResources(centre.id)).toBe(0)
  })

  it('refuses areas, themes and occupations that are not the centre’s, with a 422', async () => {
    const centre = await t.buildCentre()
    const other = await t.buildCentre()
    const cookie = await f.signInManager(centre.id)
    const foreignArea = await t.buildArea(other.id)
    const foreignTheme = await f.postTheme(other.slug, await f.signInManager(other.id))
    const path = `/api/v1/centres/${centre.slug}/catalogue/resources`
    const cases: [Partial<ResourceInput>, string, string][] = [
      [{ areaIds: [foreignArea.id] }, 'areaIds', 'One of the chosen areas does not belong to this centre.'],
      [
        { themeIds: [foreignTheme.id] },
        'themeIds',
        'One of the chosen themes does not belong to this centre.',
      ],
      [
        { occupations: [{ taxonomy: 'rome', code: 'Z9999' }] },
        'occupations',
        'One of the chosen occupations is not in the imported reference data.',
      ],
    ]
    for (const [overrides, field, message] of cases) {
      const response = await t.request(path, {
        method: 'POST',
        cookie,
        lang: 'en',
        body: f.resourceInput(overrides),
      })
      expect(response.status).toBe(422)
      expect((await response.json()).error.fields).toEqual({ [field]: message })
    }
    expect(await countResources(centre.id)).toBe(0)
  })

  it('404s for a resource of another centre', async () => {
    const centre = await t.buildCentre()
    const other = await t.buildCentre()
    const theirs = await f.postResource(other.slug, await f.signInManager(other.id))
    const cookie = await f.signInManager(centre.id)
    const path = `/api/v1/centres/${centre.slug}/catalogue/resources/${theirs.id}`
    expect((await t.request(path, { cookie })).status).toBe(404)
    expect((await t.request(path, { method: 'PUT', cookie, body: f.resourceInput() })).status).toBe(404)
    expect((await t.request(path, { method: 'DELETE', cookie })).status).toBe(404)
  })
})

describe('writes at the same moment', () => {
  it('all land and are all searchable when staff save several resources of a centre at once', async () => {
    const centre = await t.buildCentre()
    const cookie = await f.signInManager(centre.id)
    const saved = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        t.request(`/api/v1/centres/${centre.slug}/catalogue/resources`, {
          method: 'POST',
          cookie,
          body: f.resourceInput({ title: `Barista ${n}` }),
        }),
      ),
    )
    expect(saved.map((response) => response.status)).toEqual([201, 201, 201, 201])
    const found = await (await t.request(`/api/v1/centres/${centre.slug}/resources?q=barista`)).json()
    expect(found.total).toBe(4)
  })
})

describe('who may write the catalogue', () => {
  it('gives 401 to anonymous callers and 403 to reception and counsellors, before reading the body', async () => {
    const centre = await t.buildCentre()
    const path = `/api/v1/centres/${centre.slug}/catalogue/resources`
    expect((await t.request(path, { method: 'POST', body: {} })).status).toBe(401)
    expect((await t.request(path)).status).toBe(401)
    for (const role of ['reception', 'counsellor'] as const) {
      const member = await t.buildStaff(role, centre.id)
      const cookie = await t.signIn(member.email, member.password)
      expect((await t.request(path, { method: 'POST', cookie, body: {} })).status).toBe(403)
      expect(
        (
          await t.request(`/api/v1/centres/${centre.slug}/catalogue/import`, {
            method: 'POST',
            cookie,
            body: {},
          })
        ).status,
      ).toBe(403)
      // Reading is open to every role of the centre (a counsellor hands resources over).
      expect((await t.request(path, { cookie })).status).toBe(200)
    }
  })

  it('gives a partner coordinator’s resources their partner, and lets them change only those', async () => {
    const centre = await t.buildCentre()
    const manager = await f.signInManager(centre.id)
    const mine = await f.signInCoordinator(centre.id)
    const rival = await f.signInCoordinator(centre.id)
    const path = `/api/v1/centres/${centre.slug}/catalogue/resources`
    const own = await f.postResource(centre.slug, mine.cookie, { title: 'Guide du partenaire' })
    expect(own.partner?.id).toBe(mine.partnerId)
    const managers = await f.postResource(centre.slug, manager, { title: 'Guide du centre' })
    const rivals = await f.postResource(centre.slug, rival.cookie, { title: 'Guide d’un autre' })

    const list = await (await t.request(path, { cookie: mine.cookie })).json()
    const editable = Object.fromEntries(
      list.items.map((item: { title: string; canEdit: boolean }) => [item.title, item.canEdit]),
    )
    expect(editable).toEqual({
      'Guide du partenaire': true,
      'Guide du centre': false,
      'Guide d’un autre': false,
    })

    for (const other of [managers, rivals]) {
      const put = await t.request(`${path}/${other.id}`, {
        method: 'PUT',
        cookie: mine.cookie,
        body: f.resourceInput(),
      })
      expect(put.status).toBe(403)
      expect((await t.request(`${path}/${other.id}`, { method: 'DELETE', cookie: mine.cookie })).status).toBe(
        403,
      )
    }
    const put = await t.request(`${path}/${own.id}`, {
      method: 'PUT',
      cookie: mine.cookie,
      body: f.resourceInput({ title: 'Guide du partenaire, revu' }),
    })
    expect(put.status).toBe(200)
    expect((await put.json()).partner.id).toBe(mine.partnerId)
    // A manager may change a partner's resource; it keeps its partner.
    const byManager = await t.request(`${path}/${own.id}`, {
      method: 'PUT',
      cookie: manager,
      body: f.resourceInput({ title: 'Relu par le centre' }),
    })
    expect((await byManager.json()).partner.id).toBe(mine.partnerId)
    expect((await t.request(`${path}/${own.id}`, { method: 'DELETE', cookie: mine.cookie })).status).toBe(204)
  })

  it('refuses writes from a partner coordinator with no partner on record', async () => {
    const centre = await t.buildCentre()
    const coordinator = await t.buildStaff('partner_coordinator', centre.id)
    const cookie = await t.signIn(coordinator.email, coordinator.password)
    const response = await t.request(`/api/v1/centres/${centre.slug}/catalogue/resources`, {
      method: 'POST',
      cookie,
      body: f.resourceInput(),
    })
    expect(response.status).toBe(403)
  })

  it('keeps partner coordinators of one centre out of another', async () => {
    const centre = await t.buildCentre()
    const other = await t.buildCentre()
    const { cookie } = await f.signInCoordinator(other.id)
    const response = await t.request(`/api/v1/centres/${centre.slug}/catalogue/resources`, {
      method: 'POST',
      cookie,
      body: f.resourceInput(),
    })
    expect(response.status).toBe(403)
  })
})

describe('themes', () => {
  it('lets managers add, rename, order and remove themes; resources lose a removed theme', async () => {
    const centre = await t.buildCentre()
    const cookie = await f.signInManager(centre.id)
    const base = `/api/v1/centres/${centre.slug}/catalogue`
    const cv = await f.postTheme(centre.slug, cookie, 'cv')
    const sante = await f.postTheme(centre.slug, cookie, 'sante')
    const metiers = await f.postTheme(centre.slug, cookie, 'metiers')
    const listed = async () =>
      (await (await t.request(`/api/v1/centres/${centre.slug}/resource-themes`)).json()).map(
        (theme: { slug: string }) => theme.slug,
      )
    expect(await listed()).toEqual(['cv', 'sante', 'metiers'])

    const order = await t.request(`${base}/theme-order`, {
      method: 'PUT',
      cookie,
      body: { ids: [metiers.id, cv.id, sante.id] },
    })
    expect(order.status).toBe(200)
    expect(await listed()).toEqual(['metiers', 'cv', 'sante'])
    const partial = await t.request(`${base}/theme-order`, {
      method: 'PUT',
      cookie,
      body: { ids: [cv.id] },
      lang: 'en',
    })
    expect(partial.status).toBe(422)
    expect((await partial.json()).error.message).toBe('The order must name every theme of the centre, once.')

    const renamed = await t.request(`${base}/themes/${cv.id}`, {
      method: 'PUT',
      cookie,
      body: { slug: 'cv-lettre', name: { fr: 'CV et lettre', en: 'CV and letter' } },
    })
    expect(await renamed.json()).toMatchObject({
      slug: 'cv-lettre',
      name: { fr: 'CV et lettre', en: 'CV and letter' },
      position: 1,
    })
    const taken = await t.request(`${base}/themes/${cv.id}`, {
      method: 'PUT',
      cookie,
      body: { slug: 'sante', name: { fr: 'x' } },
    })
    expect(taken.status).toBe(409)
    const nameless = await t.request(`${base}/themes`, {
      method: 'POST',
      cookie,
      body: { slug: 'vide', name: {} },
    })
    expect(nameless.status).toBe(422)

    const tagged = await f.postResource(centre.slug, cookie, { themeIds: [sante.id, cv.id] })
    expect((await t.request(`${base}/themes/${sante.id}`, { method: 'DELETE', cookie })).status).toBe(204)
    const after = await (await t.request(`${base}/resources/${tagged.id}`, { cookie })).json()
    expect(after.themeIds).toEqual([cv.id])
  })

  it('keeps theme writes to managers', async () => {
    const centre = await t.buildCentre()
    const { cookie } = await f.signInCoordinator(centre.id)
    const response = await t.request(`/api/v1/centres/${centre.slug}/catalogue/themes`, {
      method: 'POST',
      cookie,
      body: { slug: 'x', name: { fr: 'x' } },
    })
    expect(response.status).toBe(403)
  })
})
