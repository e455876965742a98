import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { area } from '../../db/schema/centres'
import { auditLog } from '../../db/schema/staff'
import { createTestContext, type TestContext } from '../../test/app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const validArea = {
  slug: 'trouver-emploi',
  name: { fr: 'Trouver un emploi', en: 'Find a job' },
  description: { fr: 'CV, entretiens', en: 'CV, interviews' },
  colour: '#2e7d4f',
  pictogram: 'briefcase',
  ticketLetter: 'e',
}

async function managerOf(centreId: string) {
  const manager = await t.buildStaff('manager', centreId)
  return t.signIn(manager.email, manager.password)
}

describe('areas', () => {
  it('lets a manager add an area that the portal home shows at once', async () => {
    const centre = await t.buildCentre()
    const cookie = await managerOf(centre.id)
    const created = await t.request(`/api/v1/centres/${centre.slug}/areas`, {
      method: 'POST',
      cookie,
      body: validArea,
    })
    expect(created.status).toBe(201)
    const body = await created.json()
    expect(body).toMatchObject({
      slug: 'trouver-emploi',
      ticketLetter: 'E',
      name: { fr: 'Trouver un emploi', en: 'Find a job' },
    })

    const portal = await (await t.request(`/api/v1/centres/${centre.slug}/portal`)).json()
    expect(portal.areas.map((a: { slug: string }) => a.slug)).toEqual(['trouver-emploi'])
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, body.id))
    expect(audit).toMatchObject({ action: 'create', entity: 'area', centreId: centre.id })
  })

  it('answers invalid values with a translated message per field, in French or English', async () => {
    const centre = await t.buildCentre()
    const cookie = await managerOf(centre.id)
    const bad = { ...validArea, slug: 'Pas Bon', colour: 'green', ticketLetter: '42', name: {} }
    const fr = await t.request(`/api/v1/centres/${centre.slug}/areas`, {
      method: 'POST',
      cookie,
      body: bad,
      lang: 'fr-FR',
    })
    expect(fr.status).toBe(422)
    const frBody = await fr.json()
    expect(frBody.error.fields).toEqual({
      slug: expect.stringContaining('Lettres minuscules'),
      colour: expect.stringContaining('#RRVVBB'),
      ticketLetter: 'Une seule lettre de A à Z.',
      name: 'Remplissez ce texte dans au moins une langue.',
    })
    const en = await t.request(`/api/v1/centres/${centre.slug}/areas`, {
      method: 'POST',
      cookie,
      body: bad,
      lang: 'en-GB,en;q=0.9',
    })
    expect((await en.json()).error.fields.ticketLetter).toBe('A single letter from A to Z.')
    const [row] = await t.db.select({ n: count() }).from(area).where(eq(area.centreId, centre.id))
    expect(row?.n).toBe(0)
  })

  it('refuses a second area with the same slug or ticket letter with a 409, writing nothing', async () => {
    const centre = await t.buildCentre()
    const cookie = await managerOf(centre.id)
    const path = `/api/v1/centres/${centre.slug}/areas`
    expect((await t.request(path, { method: 'POST', cookie, body: validArea })).status).toBe(201)
    const sameSlug = await t.request(path, {
      method: 'POST',
      cookie,
      body: { ...validArea, ticketLetter: 'Z' },
    })
    expect(sameSlug.status).toBe(409)
    expect((await sameSlug.json()).error.fields).toHaveProperty('slug')
    const sameLetter = await t.request(path, {
      method: 'POST',
      cookie,
      body: { ...validArea, slug: 'autre' },
      lang: 'en',
    })
    expect(sameLetter.status).toBe(409)
    expect((await sameLetter.json()).error.message).toBe(
      'Another area of this centre already uses this ticket letter.',
    )
    const [row] = await t.db.select({ n: count() }).from(area).where(eq(area.centreId, centre.id))
    expect(row?.n).toBe(1)
  })

  it('lets the database settle two managers saving the same letter at the same instant', async () => {
    const centre = await t.buildCentre()
    const cookie = await managerOf(centre.id)
    const path = `/api/v1/centres/${centre.slug}/areas`
    const results = await Promise.all(
      ['un', 'deux', 'trois'].map((slug) =>
        t.request(path, { method: 'POST', cookie, body: { ...validArea, slug, ticketLetter: 'Q' } }),
      ),
    )
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409])
  })

  it('updates and deletes an area, and 404s for an area of another centre', async () => {
    const centre = await t.buildCentre()
    const other = await t.buildCentre()
    const foreign = await t.buildArea(other.id)
    const cookie = await managerOf(centre.id)
    const mine = await t.buildArea(centre.id, { ticketLetter: 'K' })
    const put = await t.request(`/api/v1/centres/${centre.slug}/areas/${mine.id}`, {
      method: 'PUT',
      cookie,
      body: { ...validArea, slug: mine.slug, ticketLetter: 'K', name: { fr: 'Renommé' } },
    })
    expect(put.status).toBe(200)
    expect((await put.json()).name).toEqual({ fr: 'Renommé' })
    const stolen = await t.request(`/api/v1/centres/${centre.slug}/areas/${foreign.id}`, {
      method: 'DELETE',
      cookie,
    })
    expect(stolen.status).toBe(404)
    expect(
      (await t.request(`/api/v1/centres/${centre.slug}/areas/${mine.id}`, { method: 'DELETE', cookie }))
        .status,
    ).toBe(204)
    expect(await (await t.request(`/api/v1/centres/${centre.slug}/areas`)).json()).toEqual([])
  })

  it('answers 404 for an unknown centre slug', async () => {
    const response = await t.request('/api/v1/centres/no-such-centre/portal', { lang: 'en' })
    expect(response.status).toBe(404)
    expect((await response.json()).error.message).toBe('This centre does not exist.')
  })
})

describe('access to manager endpoints', () => {
  it('gives 401 to anonymous callers and 403 to a counsellor, before looking at the body', async () => {
    const centre = await t.buildCentre()
    const path = `/api/v1/centres/${centre.slug}/areas`
    expect((await t.request(path, { method: 'POST', body: {} })).status).toBe(401)
    const counsellor = await t.buildStaff('counsellor', centre.id)
    const cookie = await t.signIn(counsellor.email, counsellor.password)
    const forbidden = await t.request(path, { method: 'POST', cookie, body: validArea, lang: 'fr' })
    expect(forbidden.status).toBe(403)
    expect((await forbidden.json()).error.message).toBe(
      'Votre rôle ne permet pas cette action dans ce centre.',
    )
    expect((await t.request(`/api/v1/centres/${centre.slug}/staff`, { cookie })).status).toBe(403)
  })

  it('does not let a manager of one centre change another centre', async () => {
    const mine = await t.buildCentre()
    const theirs = await t.buildCentre()
    const cookie = await managerOf(mine.id)
    expect(
      (await t.request(`/api/v1/centres/${theirs.slug}/areas`, { method: 'POST', cookie, body: validArea }))
        .status,
    ).toBe(403)
  })

  it('lets a network admin manage any centre', async () => {
    const centre = await t.buildCentre()
    const admin = await t.buildStaff('network_admin', null)
    const cookie = await t.signIn(admin.email, admin.password)
    expect(
      (await t.request(`/api/v1/centres/${centre.slug}/areas`, { method: 'POST', cookie, body: validArea }))
        .status,
    ).toBe(201)
  })

  it('refuses cookie-authenticated writes coming from another site', async () => {
    const centre = await t.buildCentre()
    const cookie = await managerOf(centre.id)
    const response = await t.request(`/api/v1/centres/${centre.slug}/areas`, {
      method: 'POST',
      cookie,
      body: validArea,
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    })
    expect(response.status).toBe(403)
  })
})
