import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ShiftInput } from '../../../shared/schemas/rota'
import { createTestContext, type TestContext } from '../../test/app'
import { replaceWeeklyHours } from '../centres/hours-service'
import { catalogueFactories } from '../resources/testing'
import { addStaff } from '../staff/staff-service'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
  // Wednesday 2 December 2026, 09:00 in Paris.
  t.clock.now = new Date('2026-12-02T08:00:00Z')
})
afterAll(() => t.close())

const send = async (path: string, init: Parameters<TestContext['request']>[1] = {}) => {
  const response = await t.request(path, init)
  return { status: response.status, body: response.status === 204 ? null : await response.json() }
}

/** A centre open Monday to Friday, 9:00–18:00, with an area, two partners and their people. */
async function alliance() {
  const centre = await t.buildCentre()
  await replaceWeeklyHours({
    db: t.db,
    centreId: centre.id,
    actorUserId: null,
    input: { spans: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '18:00' })) },
  })
  const create = await t.buildArea(centre.id, { slug: 'creer', ticketLetter: 'C' })
  const jobs = await t.buildArea(centre.id, { slug: 'emploi', ticketLetter: 'E' })
  const own = await f.buildPartner(centre.id, 'Maison de la Création')
  const other = await f.buildPartner(centre.id, 'Agence Emploi')
  const coordinator = await f.signInCoordinator(centre.id, own.id)
  const counsellor = await addStaff({
    db: t.db,
    auth: t.auth,
    actorUserId: null,
    input: {
      email: `ines-${Date.now()}@staff.example`,
      name: 'Inès',
      role: 'counsellor',
      centreId: centre.id,
      partnerId: own.id,
    },
  })
  const manager = await f.signInManager(centre.id)
  const shift = (overrides: Partial<ShiftInput> = {}): ShiftInput => ({
    areaId: create.id,
    partnerId: own.id,
    counsellorId: counsellor.userId,
    expertise: 'business_creation',
    languages: ['fr', 'en'],
    weekday: 2,
    startsAt: '10:00',
    endsAt: '13:00',
    ...overrides,
  })
  const post = (input: ShiftInput, cookie = coordinator.cookie) =>
    send(`/api/v1/centres/${centre.slug}/rota`, { method: 'POST', cookie, body: input })
  return { centre, create, jobs, own, other, coordinator, counsellor, manager, shift, post }
}

describe('duty rota', () => {
  it('puts a counsellor on Tuesday mornings, and shows visitors the expertise without the partner’s name', async () => {
    const { centre, coordinator, manager, shift, post } = await alliance()
    const created = await post(shift())
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      weekday: 2,
      startsAt: '10:00',
      endsAt: '13:00',
      partnerName: 'Maison de la Création',
      counsellorName: 'Inès',
      canEdit: true,
    })
    const week = await send(`/api/v1/centres/${centre.slug}/duty-rota`)
    expect(week.body.from).toBe('2026-12-02')
    const tuesday = week.body.days.find((day: { date: string }) => day.date === '2026-12-08')
    expect(tuesday.slots).toEqual([
      {
        area: 'creer',
        expertise: 'business_creation',
        languages: ['fr', 'en'],
        startsAt: '10:00',
        endsAt: '13:00',
        partner: null,
      },
    ])
    expect(JSON.stringify(week.body)).not.toContain('Inès')
    expect(week.body.days.filter((day: { slots: unknown[] }) => day.slots.length > 0)).toHaveLength(1)

    // The centre may choose to name partners on the rota; never counsellors.
    await send(`/api/v1/centres/${centre.slug}/partner-settings`, {
      method: 'PUT',
      cookie: manager,
      body: { partnerOrder: 'alphabetical', showPartnerOnRota: true },
    })
    const named = await send(`/api/v1/centres/${centre.slug}/duty-rota?from=2026-12-08`)
    expect(named.body.days[0].slots[0].partner).toBe('Maison de la Création')

    // One Tuesday off: that day shows nothing, the others still do.
    const off = await send(`/api/v1/centres/${centre.slug}/rota/${created.body.id}/absences/2026-12-15`, {
      method: 'PUT',
      cookie: coordinator.cookie,
    })
    expect(off.status).toBe(204)
    const later = await send(`/api/v1/centres/${centre.slug}/duty-rota?from=2026-12-14`)
    expect(later.body.days.flatMap((day: { slots: unknown[] }) => day.slots)).toEqual([])
    const wrongDay = await send(
      `/api/v1/centres/${centre.slug}/rota/${created.body.id}/absences/2026-12-16`,
      {
        method: 'PUT',
        cookie: coordinator.cookie,
      },
    )
    expect(wrongDay.status).toBe(422)
  })

  it('refuses a counsellor in two places at once, and shifts outside opening hours', async () => {
    const { centre, coordinator, jobs, shift, post } = await alliance()
    const weekly = await post(shift())
    expect(weekly.status).toBe(201)
    const clash = await post(shift({ areaId: jobs.id, startsAt: '12:00', endsAt: '14:00' }))
    expect(clash.status).toBe(409)
    expect(clash.body.error.fields.counsellorId).toBe(
      'Cette personne tient déjà une autre permanence au même moment.',
    )
    expect(
      (await post(shift({ weekday: null, onDate: '2026-12-08', startsAt: '11:00', endsAt: '12:00' }))).status,
    ).toBe(409)
    // After the morning: no clash. The same Tuesday once the weekly shift is marked off: no clash either.
    expect((await post(shift({ startsAt: '13:00', endsAt: '15:00' }))).status).toBe(201)
    await send(`/api/v1/centres/${centre.slug}/rota/${weekly.body.id}/absences/2026-12-08`, {
      method: 'PUT',
      cookie: coordinator.cookie,
    })
    const once = await post(
      shift({ weekday: null, onDate: '2026-12-08', startsAt: '11:00', endsAt: '12:00' }),
    )
    expect(once.status).toBe(201)
    expect(
      (await post(shift({ weekday: null, onDate: '2026-12-08', startsAt: '11:30', endsAt: '12:30' }))).status,
    ).toBe(409)
    // A weekly shift that ended before another begins does not clash with it.
    expect(
      (await post(shift({ weekday: 4, validUntil: '2026-12-31', startsAt: '10:00', endsAt: '12:00' })))
        .status,
    ).toBe(201)
    expect(
      (await post(shift({ weekday: 4, validFrom: '2027-01-01', startsAt: '10:00', endsAt: '12:00' }))).status,
    ).toBe(201)

    const saturday = await post(shift({ weekday: 6 }))
    expect(saturday.status).toBe(422)
    expect(saturday.body.error.fields.startsAt).toBe(
      'La permanence doit tenir dans les horaires d’ouverture de l’espace.',
    )
    expect((await post(shift({ weekday: 5, startsAt: '08:00', endsAt: '10:00' }))).status).toBe(422)
    const both = await post(shift({ onDate: '2026-12-08' }))
    expect(both.status).toBe(422)
    expect((await post(shift({ startsAt: '12:00', endsAt: '11:00' }))).status).toBe(422)
  })

  it('takes one of two shifts sent at once for the same counsellor at the same time', async () => {
    const { shift, post } = await alliance()
    const answers = await Promise.all([
      post(shift({ weekday: 3 })),
      post(shift({ weekday: 3, startsAt: '11:00' })),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
  })

  it('keeps each partner coordinator to their own partner’s shifts, and the rota to the centre’s staff', async () => {
    const { centre, other, own, coordinator, counsellor, manager, shift, post } = await alliance()
    const theirs = await post({ ...shift(), partnerId: other.id, counsellorId: null }, manager)
    expect(theirs.status).toBe(201)
    expect(theirs.body.canEdit).toBe(true)
    expect((await post({ ...shift(), partnerId: other.id, counsellorId: null })).status).toBe(403)
    const path = `/api/v1/centres/${centre.slug}/rota/${theirs.body.id}`
    expect((await send(path, { method: 'PUT', cookie: coordinator.cookie, body: shift() })).status).toBe(403)
    expect((await send(path, { method: 'DELETE', cookie: coordinator.cookie })).status).toBe(403)
    const listed = await send(`/api/v1/centres/${centre.slug}/rota`, { cookie: coordinator.cookie })
    expect(listed.body.items.map((item: { canEdit: boolean }) => item.canEdit)).toEqual([false])
    // A counsellor who is not this partner's, an area of another centre: refused by name.
    const elsewhere = await addStaff({
      db: t.db,
      auth: t.auth,
      actorUserId: null,
      input: {
        email: `other-${Date.now()}@staff.example`,
        name: 'Autre',
        role: 'counsellor',
        centreId: centre.id,
        partnerId: other.id,
      },
    })
    const notTheirs = await post(shift({ counsellorId: elsewhere.userId }))
    expect(notTheirs.status).toBe(422)
    expect(notTheirs.body.error.fields.counsellorId).toBeTruthy()
    const foreign = await t.buildArea((await t.buildCentre()).id)
    expect((await post(shift({ areaId: foreign.id }))).status).toBe(422)
    // Counsellors read the rota and write none of it; nobody reads it signed out.
    const reader = await t.buildStaff('counsellor', centre.id)
    const readerCookie = await t.signIn(reader.email, reader.password)
    expect((await send(`/api/v1/centres/${centre.slug}/rota`, { cookie: readerCookie })).status).toBe(200)
    expect((await post(shift(), readerCookie)).status).toBe(403)
    expect((await send(`/api/v1/centres/${centre.slug}/rota`)).status).toBe(401)
    expect((await send(`/api/v1/centres/${centre.slug}/duty-rota`)).status).toBe(200)
    expect(own.id).not.toBe(other.id)
    expect(counsellor.userId).toBeTruthy()
  })
})
