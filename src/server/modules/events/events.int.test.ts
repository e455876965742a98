import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventInput } from '../../../shared/schemas/events'
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

const at = (hoursFromNow: number) => new Date(t.clock.now.getTime() + hoursFromNow * 3_600_000).toISOString()

const workshop = (overrides: Partial<EventInput> = {}): EventInput => ({
  type: 'workshop',
  title: { fr: 'Réussir son entretien', en: 'Succeeding at interviews' },
  description: { fr: 'Mises en situation.' },
  audiences: ['job_seekers'],
  language: 'fr',
  accessibility: ['step_free'],
  place: 'Salle 2',
  sessions: [
    { startsAt: at(24), endsAt: at(26), booking: true, capacity: 2, maxGroup: 2 },
    { startsAt: at(48), endsAt: at(50) },
  ],
  ...overrides,
})

const send = async (path: string, init: Parameters<TestContext['request']>[1] = {}) => {
  const response = await t.request(path, init)
  return { status: response.status, body: await response.json() }
}

describe('events, as their organisers write them', () => {
  it('lets a partner coordinator add a workshop with two sessions, run by their partner, audited', async () => {
    const centre = await t.buildCentre()
    const coordinator = await f.signInCoordinator(centre.id)
    const created = await send(`/api/v1/centres/${centre.slug}/events`, {
      method: 'POST',
      cookie: coordinator.cookie,
      body: workshop({ coOrganisers: ['Association Pour l’Emploi'] }),
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      type: 'workshop',
      partnerIds: [coordinator.partnerId],
      coOrganisers: ['Association Pour l’Emploi'],
      cancelled: false,
    })
    expect(created.body.sessions).toMatchObject([
      { booking: true, capacity: 2, bookedSeats: 0, waitingBookings: 0 },
      { booking: false, capacity: null },
    ])
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.body.id))
    expect(audit.map((entry) => entry.action)).toEqual(['create'])
  })

  it('keeps other partners’ coordinators out, and refuses sessions that end before they start', async () => {
    const centre = await t.buildCentre()
    const coordinator = await f.signInCoordinator(centre.id)
    const other = await f.signInCoordinator(centre.id)
    const path = `/api/v1/centres/${centre.slug}/events`
    const created = await send(path, { method: 'POST', cookie: coordinator.cookie, body: workshop() })
    const put = await send(`${path}/${created.body.id}`, {
      method: 'PUT',
      cookie: other.cookie,
      body: workshop(),
    })
    expect(put.status).toBe(403)
    expect((await send(path, { method: 'POST', body: workshop() })).status).toBe(401)
    const backwards = await send(path, {
      method: 'POST',
      cookie: coordinator.cookie,
      lang: 'fr',
      body: workshop({ sessions: [{ startsAt: at(26), endsAt: at(24) }] }),
    })
    expect(backwards.status).toBe(422)
    expect(backwards.body.error.fields['sessions.0.endsAt']).toBe('La fin doit venir après le début.')
    const noSeats = await send(path, {
      method: 'POST',
      cookie: coordinator.cookie,
      body: workshop({ sessions: [{ startsAt: at(24), endsAt: at(26), booking: true }] }),
    })
    expect(noSeats.status).toBe(422)
    const strangerPartner = await f.buildPartner((await t.buildCentre()).id)
    const foreign = await send(path, {
      method: 'POST',
      cookie: coordinator.cookie,
      body: workshop({ partnerIds: [strangerPartner.id] }),
    })
    expect(foreign.status).toBe(422)
  })

  it('never lowers a capacity below the seats booked, and gives seats it gains to the waiting list', async () => {
    const centre = await t.buildCentre()
    const manager = await f.signInManager(centre.id)
    const path = `/api/v1/centres/${centre.slug}/events`
    const created = await send(path, { method: 'POST', cookie: manager, body: workshop() })
    const [booked, other] = created.body.sessions
    const book = (seats: number) =>
      send(`/api/v1/sessions/${booked.id}/bookings`, { method: 'POST', body: { seats } })
    expect((await book(2)).body.booking.status).toBe('confirmed')
    const waiting = await book(1)
    expect(waiting.body.booking.status).toBe('waiting')
    const sessions = (capacity: number) => [
      { id: booked.id, startsAt: at(24), endsAt: at(26), booking: true, capacity, maxGroup: 2 },
      { id: other.id, startsAt: at(48), endsAt: at(50) },
    ]
    const lower = await send(`${path}/${created.body.id}`, {
      method: 'PUT',
      cookie: manager,
      lang: 'fr',
      body: workshop({ sessions: sessions(1) }),
    })
    expect(lower.status).toBe(409)
    expect(lower.body.error.message).toBe(
      '2 places sont déjà réservées : la capacité ne peut pas être plus basse.',
    )
    const raised = await send(`${path}/${created.body.id}`, {
      method: 'PUT',
      cookie: manager,
      body: workshop({ sessions: sessions(3) }),
    })
    expect(raised.status).toBe(200)
    expect(raised.body.sessions[0]).toMatchObject({ capacity: 3, bookedSeats: 3, waitingBookings: 0 })
    expect((await send(`/api/v1/bookings/${waiting.body.code}`)).body.status).toBe('confirmed')

    // A session left out is cancelled when booked, removed when not.
    const dropped = await send(`${path}/${created.body.id}`, {
      method: 'PUT',
      cookie: manager,
      body: workshop({ sessions: [{ startsAt: at(72), endsAt: at(74) }] }),
    })
    expect(dropped.body.sessions.map((s: { cancelled: boolean }) => s.cancelled)).toEqual([true, false])
    // Cancelling the event closes its sessions to new bookings.
    const cancelled = await send(`${path}/${created.body.id}`, { method: 'DELETE', cookie: manager })
    expect(cancelled).toMatchObject({ status: 200, body: { cancelled: true } })
    // Those who booked see it on their booking.
    expect((await send(`/api/v1/bookings/${waiting.body.code}`)).body.session.cancelled).toBe(true)
    expect((await book(1)).status).toBe(409)
    expect((await send(`${path}/${created.body.id}`, { method: 'DELETE', cookie: manager })).status).toBe(409)
  })
})

describe('at the door', () => {
  it('checks a booking in by its code and counts drop-ins, keeping counts only', async () => {
    const centre = await t.buildCentre()
    const manager = await f.signInManager(centre.id)
    const reception = await t.buildStaff('reception', centre.id)
    const desk = await t.signIn(reception.email, reception.password)
    const created = await send(`/api/v1/centres/${centre.slug}/events`, {
      method: 'POST',
      cookie: manager,
      body: workshop(),
    })
    const [session] = created.body.sessions
    const booked = await send(`/api/v1/sessions/${session.id}/bookings`, {
      method: 'POST',
      body: { seats: 2 },
    })
    const waiting = await send(`/api/v1/sessions/${session.id}/bookings`, {
      method: 'POST',
      body: { seats: 1 },
    })
    const checkIn = (body: object, lang = 'en') =>
      send(`/api/v1/centres/${centre.slug}/sessions/${session.id}/check-in`, {
        method: 'POST',
        cookie: desk,
        lang,
        body,
      })
    expect(await checkIn({ code: booked.body.code, seats: 3 }, 'fr')).toMatchObject({
      status: 422,
      body: { error: { message: 'Cette réservation ne compte que 2 places.' } },
    })
    expect(await checkIn({ code: booked.body.code.toLowerCase(), seats: 1 })).toMatchObject({
      status: 200,
      body: { checkedIn: 1, seats: 2 },
    })
    expect((await checkIn({ code: booked.body.code })).body.checkedIn).toBe(2)
    expect((await checkIn({ code: waiting.body.code })).status).toBe(409)
    expect((await checkIn({ code: '7KQM-2XR9-HT4D-PA3C' })).status).toBe(404)
    const dropIns = (change: number) =>
      send(`/api/v1/centres/${centre.slug}/sessions/${session.id}/drop-ins`, {
        method: 'POST',
        cookie: desk,
        body: { change },
      })
    expect((await dropIns(3)).body).toEqual({ dropIns: 3 })
    expect((await dropIns(-5)).body).toEqual({ dropIns: 0 })
    expect((await dropIns(500)).status).toBe(422)
    const other = await t.buildCentre()
    const outsider = await f.signInManager(other.id)
    const foreign = await send(`/api/v1/centres/${other.slug}/sessions/${session.id}/drop-ins`, {
      method: 'POST',
      cookie: outsider,
      body: { change: 1 },
    })
    expect(foreign.status).toBe(404)
    expect(
      (await send(`/api/v1/centres/${centre.slug}/events/${created.body.id}`, { cookie: desk })).body
        .sessions[0],
    ).toMatchObject({ bookedSeats: 2, waitingBookings: 1, dropIns: 0 })
  })
})

describe('the organisers’ list', () => {
  it('lists events soonest first, saying which the reader may change', async () => {
    const centre = await t.buildCentre()
    const coordinator = await f.signInCoordinator(centre.id)
    const manager = await f.signInManager(centre.id)
    const path = `/api/v1/centres/${centre.slug}/events`
    const later = await send(path, {
      method: 'POST',
      cookie: manager,
      body: workshop({ sessions: [{ startsAt: at(72), endsAt: at(74) }] }),
    })
    const sooner = await send(path, { method: 'POST', cookie: coordinator.cookie, body: workshop() })
    await send(path, {
      method: 'POST',
      cookie: manager,
      body: workshop({ sessions: [{ startsAt: at(-400), endsAt: at(-398) }] }),
    })
    const asCoordinator = await send(path, { cookie: coordinator.cookie })
    expect(asCoordinator.status).toBe(200)
    expect(
      asCoordinator.body.items.map((item: { id: string; canEdit: boolean }) => [item.id, item.canEdit]),
    ).toEqual([
      [sooner.body.id, true],
      [later.body.id, false],
    ])
    expect(asCoordinator.body.items[0]).toMatchObject({ sessions: 2, nextStartsAt: at(24), bookedSeats: 0 })
    const asManager = await send(path, { cookie: manager })
    expect(asManager.body.items.every((item: { canEdit: boolean }) => item.canEdit)).toBe(true)
    expect((await send(path)).status).toBe(401)
  })

  it('lists the centre’s partners by name for the organisers’ form, to its staff only', async () => {
    const centre = await t.buildCentre()
    const zeta = await f.buildPartner(centre.id, 'Zeta Formation')
    const alpha = await f.buildPartner(centre.id, 'Alpha Emploi')
    await f.buildPartner((await t.buildCentre()).id, 'Autre Centre')
    const cookie = await f.signInCoordinator(centre.id, zeta.id)
    const listed = await send(`/api/v1/centres/${centre.slug}/partners`, { cookie: cookie.cookie })
    expect(listed.body).toEqual([
      { id: alpha.id, name: 'Alpha Emploi' },
      { id: zeta.id, name: 'Zeta Formation' },
    ])
    expect((await send(`/api/v1/centres/${centre.slug}/partners`)).status).toBe(401)
  })
})
