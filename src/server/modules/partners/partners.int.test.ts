import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PartnerInput } from '../../../shared/schemas/partners'
import { auditLog } from '../../db/schema/staff'
import { createTestContext, type TestContext } from '../../test/app'
import { catalogueFactories } from '../resources/testing'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
})
afterAll(() => t.close())

const send = async (path: string, init: Parameters<TestContext['request']>[1] = {}) => {
  const response = await t.request(path, init)
  return { status: response.status, body: response.status === 204 ? null : await response.json() }
}

const card = (overrides: Partial<PartnerInput> = {}): PartnerInput => ({
  name: 'Mission Locale Exemple',
  type: 'youth',
  description: { fr: 'Accompagne les 16-25 ans.', en: 'Supports people aged 16 to 25.' },
  website: 'https://mission.example.org',
  staffContact: 'Poste 214',
  ...overrides,
})

describe('partners', () => {
  it('lets a manager add a partner with its areas, audited, and refuses a second of the same name', async () => {
    const centre = await t.buildCentre()
    const manager = await f.signInManager(centre.id)
    const jobs = await t.buildArea(centre.id)
    const created = await send(`/api/v1/centres/${centre.slug}/partners`, {
      method: 'POST',
      cookie: manager,
      body: card({ areaIds: [jobs.id] }),
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: 'Mission Locale Exemple',
      type: 'youth',
      areaIds: [jobs.id],
      staffContact: 'Poste 214',
      counsellors: [],
      canEdit: true,
    })
    const twice = await send(`/api/v1/centres/${centre.slug}/partners`, {
      method: 'POST',
      cookie: manager,
      body: card(),
      headers: { 'accept-language': 'en' },
    })
    expect(twice.status).toBe(409)
    expect(twice.body.error.message).toBe('A partner of this centre already has this name.')
    const otherCentre = await t.buildCentre()
    const foreignArea = await t.buildArea(otherCentre.id)
    const wrongArea = await send(`/api/v1/centres/${centre.slug}/partners`, {
      method: 'POST',
      cookie: manager,
      body: card({ name: 'Autre', areaIds: [foreignArea.id] }),
    })
    expect(wrongArea.status).toBe(422)
    const unsafe = await send(`/api/v1/centres/${centre.slug}/partners`, {
      method: 'POST',
      cookie: manager,
      body: card({ name: 'Lien', website: 'javascript:alert(1)' }),
    })
    expect(unsafe.status).toBe(422)
    expect(unsafe.body.error.fields.website).toBeTruthy()
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.body.id))
    expect(audit.map((entry) => entry.action)).toEqual(['create'])
  })

  it('lets a coordinator change their own partner and invite its counsellors, and nothing of another partner', async () => {
    const centre = await t.buildCentre()
    const own = await f.buildPartner(centre.id, 'Agence Emploi Exemple')
    const other = await f.buildPartner(centre.id, 'Chambre Exemple')
    const coordinator = await f.signInCoordinator(centre.id, own.id)
    const cookie = coordinator.cookie
    const path = (id: string) => `/api/v1/centres/${centre.slug}/partners/${id}`
    const changed = await send(path(own.id), { method: 'PUT', cookie, body: card({ name: 'Agence Emploi' }) })
    expect(changed.status).toBe(200)
    expect(changed.body.name).toBe('Agence Emploi')
    expect((await send(path(other.id), { method: 'PUT', cookie, body: card({ name: 'Pris' }) })).status).toBe(
      403,
    )
    expect((await send(path(other.id), { cookie })).body.canEdit).toBe(false)
    expect((await send(path(own.id), { method: 'DELETE', cookie })).status).toBe(403)
    expect(
      (
        await send(`/api/v1/centres/${centre.slug}/partners`, {
          method: 'POST',
          cookie,
          body: card({ name: 'N' }),
        })
      ).status,
    ).toBe(403)

    const invited = await send(`${path(own.id)}/counsellors`, {
      method: 'POST',
      cookie,
      body: { name: 'Inès Conseil', email: `Ines.${Date.now()}@Example.org` },
    })
    expect(invited.status).toBe(201)
    expect(invited.body.inviteUrl).toMatch(/\/staff\/reset-password\?token=/)
    const { body: withCounsellor } = await send(path(own.id), { cookie })
    expect(withCounsellor.counsellors).toEqual([
      { userId: invited.body.userId, name: 'Inès Conseil', email: invited.body.email },
    ])
    // Someone who already has a login gains the role, and no link that would open their account.
    const again = await send(`${path(other.id)}/counsellors`, {
      method: 'POST',
      cookie,
      body: { name: 'Inès', email: invited.body.email },
    })
    expect(again.status).toBe(403)
    const manager = await f.signInManager(centre.id)
    const twice = await send(`${path(other.id)}/counsellors`, {
      method: 'POST',
      cookie: manager,
      body: { name: 'Inès', email: invited.body.email },
    })
    expect(twice.status).toBe(409)
    const elsewhere = await t.buildStaff('reception', (await t.buildCentre()).id)
    const existing = await send(`${path(other.id)}/counsellors`, {
      method: 'POST',
      cookie: manager,
      body: { name: 'Someone', email: elsewhere.email },
    })
    expect(existing.status).toBe(201)
    expect(existing.body.inviteUrl).toBeNull()
    // The invited counsellor reads partners, and writes none.
    const counsellor = await t.buildStaff('counsellor', centre.id)
    const counsellorCookie = await t.signIn(counsellor.email, counsellor.password)
    expect((await send(path(own.id), { cookie: counsellorCookie })).status).toBe(200)
    expect((await send(path(own.id), { method: 'PUT', cookie: counsellorCookie, body: card() })).status).toBe(
      403,
    )
    expect((await send(path(own.id))).status).toBe(401)
  })

  it('shows visitors the same card for every partner, without staff contacts, in the order the centre chose', async () => {
    const centre = await t.buildCentre()
    const manager = await f.signInManager(centre.id)
    const names = ['Zèbre Formation', 'alpha Emploi', 'Maison Création', 'Bureau Mobilité', 'Cap Jeunes']
    for (const name of names)
      await send(`/api/v1/centres/${centre.slug}/partners`, {
        method: 'POST',
        cookie: manager,
        body: card({ name }),
      })
    const alliance = async () =>
      (await send(`/api/v1/centres/${centre.slug}/alliance?lang=en`)).body.items as Record<string, unknown>[]
    const alphabetical = await alliance()
    expect(alphabetical.map((p) => p.name)).toEqual([
      'alpha Emploi',
      'Bureau Mobilité',
      'Cap Jeunes',
      'Maison Création',
      'Zèbre Formation',
    ])
    expect(alphabetical[0]).toEqual({
      id: expect.any(String),
      name: 'alpha Emploi',
      type: 'youth',
      description: 'Supports people aged 16 to 25.',
      website: 'https://mission.example.org',
      areas: [],
    })
    expect(JSON.stringify(alphabetical)).not.toContain('Poste 214')

    const settings = await send(`/api/v1/centres/${centre.slug}/partner-settings`, {
      method: 'PUT',
      cookie: manager,
      body: { partnerOrder: 'daily_rotation', showPartnerOnRota: false },
    })
    expect(settings.body).toEqual({ partnerOrder: 'daily_rotation', showPartnerOnRota: false })
    // The same order all day for everyone; over a fortnight, not always the same partner first.
    const firsts = new Set<unknown>()
    const start = t.clock.now
    for (let day = 0; day < 14; day++) {
      t.clock.now = new Date(start.getTime() + day * 86_400_000)
      const today = await alliance()
      expect((await alliance()).map((p) => p.id)).toEqual(today.map((p) => p.id))
      expect(today).toHaveLength(5)
      firsts.add(today[0]?.name)
    }
    t.clock.now = start
    expect(firsts.size).toBeGreaterThan(1)
    const coordinator = await f.signInCoordinator(centre.id)
    expect(
      (
        await send(`/api/v1/centres/${centre.slug}/partner-settings`, {
          method: 'PUT',
          cookie: coordinator.cookie,
          body: { partnerOrder: 'alphabetical', showPartnerOnRota: true },
        })
      ).status,
    ).toBe(403)
  })
})
