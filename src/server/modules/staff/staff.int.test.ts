import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { messages } from '../../../shared/i18n/messages'
import { staffRole } from '../../db/schema/staff'
import { createTestContext, type TestContext, unique } from '../../test/app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

async function setUp() {
  const centre = await t.buildCentre()
  const manager = await t.buildStaff('manager', centre.id)
  const cookie = await t.signIn(manager.email, manager.password)
  return { centre, manager, cookie, base: `/api/v1/centres/${centre.slug}/staff` }
}

const newcomer = () => ({ email: `newcomer-${unique()}@staff.example`, name: 'Camille Martin' })

describe('adding staff', () => {
  it('creates a login for a new person, whose one-time password then signs them in', async () => {
    const { cookie, base } = await setUp()
    const person = newcomer()
    const response = await t.request(base, {
      method: 'POST',
      cookie,
      body: { ...person, role: 'counsellor' },
    })
    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body).toMatchObject({ userId: expect.any(String), email: person.email })
    expect(body.oneTimePassword).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/)

    const session = await t.signIn(person.email, body.oneTimePassword)
    const me = await t.request('/api/v1/me', { cookie: session })
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ userId: body.userId, email: person.email, name: person.name })
  })

  it('refuses the same role twice with a 409, and gives an existing person a new role without a password', async () => {
    const { centre, cookie, base } = await setUp()
    const person = newcomer()
    const first = await (
      await t.request(base, { method: 'POST', cookie, body: { ...person, role: 'counsellor' } })
    ).json()

    const again = await t.request(base, {
      method: 'POST',
      cookie,
      body: { ...person, role: 'counsellor' },
      lang: 'en',
    })
    expect(again.status).toBe(409)
    const conflict = await again.json()
    expect(conflict.error.code).toBe('conflict')
    expect(conflict.error.fields).toHaveProperty('role')

    // The same address typed with capitals is still the same person.
    const more = await t.request(base, {
      method: 'POST',
      cookie,
      body: { ...person, email: person.email.toUpperCase(), role: 'reception' },
    })
    expect(more.status).toBe(201)
    expect(await more.json()).toEqual({ userId: first.userId, email: person.email, oneTimePassword: null })

    // The first password still works: adding a role must not touch the login.
    await t.signIn(person.email, first.oneTimePassword)
    const roles = await t.db
      .select({ role: staffRole.role })
      .from(staffRole)
      .where(and(eq(staffRole.userId, first.userId), eq(staffRole.centreId, centre.id)))
    expect(roles.map((r) => r.role).sort()).toEqual(['counsellor', 'reception'])
  })

  it('answers a bad email with a per-field message, in French by default and in English on request', async () => {
    const { centre, cookie, base } = await setUp()
    const bad = { email: 'not-an-email', name: 'Camille', role: 'counsellor' }
    const fr = await t.request(base, { method: 'POST', cookie, body: bad })
    expect(fr.status).toBe(422)
    const frBody = await fr.json()
    expect(frBody.error.code).toBe('validation')
    expect(frBody.error.fields).toEqual({ email: messages.fr['validation.format.email'] })

    const en = await t.request(base, { method: 'POST', cookie, body: bad, lang: 'en' })
    expect(en.status).toBe(422)
    expect((await en.json()).error.fields).toEqual({ email: messages.en['validation.format.email'] })
    expect(messages.en['validation.format.email']).not.toBe(messages.fr['validation.format.email'])

    // A manager cannot hand out the network-wide role through a centre.
    const admin = await t.request(base, {
      method: 'POST',
      cookie,
      body: { ...newcomer(), role: 'network_admin' },
      lang: 'en',
    })
    expect(admin.status).toBe(422)
    expect((await admin.json()).error.fields).toHaveProperty('role')
    const rows = await t.db.select().from(staffRole).where(eq(staffRole.centreId, centre.id))
    expect(rows).toHaveLength(1) // only the manager
  })
})

describe('listing staff and /me', () => {
  it('lists the staff of the centre with their roles, and nobody from another centre', async () => {
    const { manager, cookie, base } = await setUp()
    const outsider = await t.buildStaff('counsellor', (await t.buildCentre()).id)
    const person = newcomer()
    await t.request(base, { method: 'POST', cookie, body: { ...person, role: 'reception' } })
    await t.request(base, { method: 'POST', cookie, body: { ...person, role: 'counsellor' } })

    const response = await t.request(base, { cookie })
    expect(response.status).toBe(200)
    const list: { email: string; roles: string[] }[] = await response.json()
    expect(list.map((m) => m.email).sort()).toEqual([manager.email, person.email].sort())
    expect(list.find((m) => m.email === person.email)?.roles).toEqual(['counsellor', 'reception'])
    expect(list.find((m) => m.email === manager.email)?.roles).toEqual(['manager'])
    expect(list.some((m) => m.email === outsider.email)).toBe(false)
  })

  it('tells a signed-in person which centres they work in and with which roles', async () => {
    const first = await setUp()
    const second = await setUp()
    const person = newcomer()
    const added = await (
      await t.request(first.base, {
        method: 'POST',
        cookie: first.cookie,
        body: { ...person, role: 'manager' },
      })
    ).json()
    await t.request(second.base, {
      method: 'POST',
      cookie: second.cookie,
      body: { ...person, role: 'counsellor' },
    })

    const session = await t.signIn(person.email, added.oneTimePassword)
    const me = await (await t.request('/api/v1/me', { cookie: session })).json()
    expect(me).toMatchObject({ userId: added.userId, isNetworkAdmin: false })
    const bySlug = Object.fromEntries(
      me.centres.map((c: { slug: string; roles: string[] }) => [c.slug, c.roles]),
    )
    expect(bySlug).toEqual({ [first.centre.slug]: ['manager'], [second.centre.slug]: ['counsellor'] })
  })

  it('answers 401 to an anonymous /me', async () => {
    const response = await t.request('/api/v1/me', { lang: 'en' })
    expect(response.status).toBe(401)
    expect((await response.json()).error).toMatchObject({
      code: 'unauthenticated',
      message: messages.en['error.unauthenticated'],
    })
  })
})

describe('password reset links', () => {
  it('gives a manager a link whose token sets a new password, retiring the old one and its sessions', async () => {
    const { cookie, base } = await setUp()
    const person = newcomer()
    const added = await (
      await t.request(base, { method: 'POST', cookie, body: { ...person, role: 'counsellor' } })
    ).json()
    const oldSession = await t.signIn(person.email, added.oneTimePassword)

    const link = await t.request(`${base}/${added.userId}/reset-link`, { method: 'POST', cookie })
    expect(link.status).toBe(200)
    const { url } = await link.json()
    expect(url).toContain('/staff/reset-password?token=')
    const token = new URL(url).searchParams.get('token')
    expect(token).toBeTruthy()

    const newPassword = `nouveau-${unique()}-secret`
    const reset = await t.request('/api/auth/reset-password', {
      method: 'POST',
      body: { newPassword, token },
    })
    expect(reset.status).toBe(200)

    await expect(t.signIn(person.email, added.oneTimePassword)).rejects.toThrow(/sign-in failed: 401/)
    const session = await t.signIn(person.email, newPassword)
    expect((await t.request('/api/v1/me', { cookie: session })).status).toBe(200)
    expect((await t.request('/api/v1/me', { cookie: oldSession })).status).toBe(401)

    // A link works once.
    const replay = await t.request('/api/auth/reset-password', {
      method: 'POST',
      body: { newPassword: `autre-${unique()}-secret`, token },
    })
    expect(replay.status).toBe(400)
    await t.signIn(person.email, newPassword)
  })

  it('refuses a link for someone who does not work in this centre', async () => {
    const { cookie, base } = await setUp()
    const elsewhere = await t.buildStaff('counsellor', (await t.buildCentre()).id)
    const response = await t.request(`${base}/${elsewhere.userId}/reset-link`, { method: 'POST', cookie })
    expect(response.status).toBe(404)
    await t.signIn(elsewhere.email, elsewhere.password)
  })
})

describe('reset links that would reach beyond the centre', () => {
  it('refuses a manager a link for someone who also works elsewhere or runs the network; a network admin may', async () => {
    const { centre, cookie, base } = await setUp()
    const elsewhere = await t.buildCentre()
    const admin = await t.buildStaff('network_admin', null)
    await t.db.insert(staffRole).values({ userId: admin.userId, centreId: centre.id, role: 'counsellor' })
    const otherManager = await t.buildStaff('manager', elsewhere.id)
    await t.db
      .insert(staffRole)
      .values({ userId: otherManager.userId, centreId: centre.id, role: 'reception' })

    for (const target of [admin, otherManager]) {
      const refused = await t.request(`${base}/${target.userId}/reset-link`, {
        method: 'POST',
        cookie,
        lang: 'en',
      })
      expect(refused.status).toBe(403)
      expect((await refused.json()).error.message).toBe(messages.en['error.staff.resetOutsideCentre'])
    }
    const adminCookie = await t.signIn(admin.email, admin.password)
    const allowed = await t.request(`${base}/${otherManager.userId}/reset-link`, {
      method: 'POST',
      cookie: adminCookie,
    })
    expect(allowed.status).toBe(200)
  })
})

describe('withdrawing a role', () => {
  it('removes the role (204), then answers 404 for the same role', async () => {
    const { centre, cookie, base } = await setUp()
    const person = newcomer()
    const added = await (
      await t.request(base, { method: 'POST', cookie, body: { ...person, role: 'reception' } })
    ).json()
    await t.request(base, { method: 'POST', cookie, body: { ...person, role: 'counsellor' } })

    const path = `${base}/${added.userId}/roles/reception`
    expect((await t.request(path, { method: 'DELETE', cookie })).status).toBe(204)
    const again = await t.request(path, { method: 'DELETE', cookie, lang: 'en' })
    expect(again.status).toBe(404)
    expect((await again.json()).error.message).toBe(messages.en['error.staff.notFound'])

    const left = await t.db
      .select({ role: staffRole.role })
      .from(staffRole)
      .where(and(eq(staffRole.userId, added.userId), eq(staffRole.centreId, centre.id)))
    expect(left.map((r) => r.role)).toEqual(['counsellor'])
    const session = await t.signIn(person.email, added.oneTimePassword)
    const me = await (await t.request('/api/v1/me', { cookie: session })).json()
    expect(me.centres).toEqual([expect.objectContaining({ slug: centre.slug, roles: ['counsellor'] })])
  })

  it('rejects an unknown role name with a 422', async () => {
    const { manager, cookie, base } = await setUp()
    const response = await t.request(`${base}/${manager.userId}/roles/janitor`, { method: 'DELETE', cookie })
    expect(response.status).toBe(422)
  })
})

describe('who may manage staff', () => {
  it('gives a counsellor of the centre 403 on every staff endpoint, and changes nothing', async () => {
    const { centre, manager, base } = await setUp()
    const counsellor = await t.buildStaff('counsellor', centre.id)
    const cookie = await t.signIn(counsellor.email, counsellor.password)
    const calls = [
      t.request(base, { cookie }),
      t.request(base, { method: 'POST', cookie, body: { ...newcomer(), role: 'manager' } }),
      t.request(`${base}/${manager.userId}/reset-link`, { method: 'POST', cookie }),
      t.request(`${base}/${manager.userId}/roles/manager`, { method: 'DELETE', cookie }),
    ]
    const responses = await Promise.all(calls)
    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403])
    for (const response of responses) expect((await response.json()).error.code).toBe('forbidden')

    const rows = await t.db
      .select({ role: staffRole.role })
      .from(staffRole)
      .where(eq(staffRole.centreId, centre.id))
    expect(rows.map((r) => r.role).sort()).toEqual(['counsellor', 'manager'])
    await t.signIn(manager.email, manager.password)
  })

  it('gives anonymous callers 401', async () => {
    const { base } = await setUp()
    expect((await t.request(base)).status).toBe(401)
    expect(
      (await t.request(base, { method: 'POST', body: { ...newcomer(), role: 'reception' } })).status,
    ).toBe(401)
  })
})
