import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventInput } from '../../../shared/schemas/events'
import { createTestContext, type TestContext } from '../../test/app'
import { catalogueFactories } from '../resources/testing'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
  t.clock.now = new Date('2026-05-04T07:00:00Z')
})
afterAll(() => t.close())

const at = (hours: number) => new Date(t.clock.now.getTime() + hours * 3_600_000).toISOString()

const send = async (path: string, init: Parameters<TestContext['request']>[1] = {}) => {
  const response = await t.request(path, init)
  return { status: response.status, body: await response.json() }
}

describe('attendance counts', () => {
  it('counts sessions, seats booked, check-ins and drop-ins by type, area and partner, leaving cancelled sessions out', async () => {
    const centre = await t.buildCentre()
    const cookie = await f.signInManager(centre.id)
    const manager = { cookie }
    const jobs = await t.buildArea(centre.id, { slug: 'emploi', ticketLetter: 'J' })
    const abroad = await t.buildArea(centre.id, { slug: 'etranger', ticketLetter: 'E' })
    const agency = await f.buildPartner(centre.id, 'Agence Exemple')
    const youth = await f.buildPartner(centre.id, 'Mission Exemple')
    const post = async (input: EventInput) =>
      (
        await send(`/api/v1/centres/${centre.slug}/events`, {
          method: 'POST',
          cookie: manager.cookie,
          body: input,
        })
      ).body
    const workshop = await post({
      type: 'workshop',
      title: { fr: 'Atelier CV' },
      language: 'fr',
      place: 'Salle 1',
      partnerIds: [agency.id, youth.id],
      areaIds: [jobs.id, abroad.id],
      sessions: [
        { startsAt: at(2), endsAt: at(4), booking: true, capacity: 10, maxGroup: 3 },
        { startsAt: at(26), endsAt: at(28), booking: true, capacity: 10, maxGroup: 3 },
      ],
    })
    const talk = await post({
      type: 'conference',
      title: { fr: 'Conférence' },
      language: 'fr',
      place: 'Auditorium',
      partnerIds: [agency.id],
      areaIds: [jobs.id],
      sessions: [
        { startsAt: at(5), endsAt: at(6) },
        { startsAt: at(30), endsAt: at(31) },
      ],
    })
    const [first, second] = workshop.sessions
    const booked = await send(`/api/v1/sessions/${first.id}/bookings`, { method: 'POST', body: { seats: 3 } })
    await send(`/api/v1/sessions/${second.id}/bookings`, { method: 'POST', body: { seats: 2 } })
    await send(`/api/v1/centres/${centre.slug}/sessions/${first.id}/check-in`, {
      method: 'POST',
      cookie: manager.cookie,
      body: { code: booked.body.code, seats: 2 },
    })
    for (const session of [first.id, talk.sessions[0].id])
      await send(`/api/v1/centres/${centre.slug}/sessions/${session}/drop-ins`, {
        method: 'POST',
        cookie: manager.cookie,
        body: { change: 4 },
      })
    // The conference's second session is cancelled (dropped from the event): it counts nowhere.
    await send(`/api/v1/centres/${centre.slug}/events/${talk.id}`, {
      method: 'PUT',
      cookie: manager.cookie,
      body: {
        type: 'conference',
        title: { fr: 'Conférence' },
        language: 'fr',
        place: 'Auditorium',
        partnerIds: [agency.id],
        areaIds: [jobs.id],
        sessions: [{ id: talk.sessions[0].id, startsAt: at(5), endsAt: at(6) }],
      },
    })

    const counts = async (by: string, from = '2026-05-04', to = '2026-05-05') =>
      send(`/api/v1/centres/${centre.slug}/attendance?from=${from}&to=${to}&by=${by}`, {
        cookie: manager.cookie,
      })
    // With the default threshold of 5, the 2 people checked in at the workshop and the 4 drop-ins of each
    // type are withheld; a zero says nobody and stays.
    const protectedCounts = (await counts('type')).body
    expect(protectedCounts.k).toBe(5)
    expect(protectedCounts.items).toEqual([
      { key: 'conference', sessions: 1, bookedSeats: 0, checkedIn: 0, dropIns: 'small' },
      { key: 'workshop', sessions: 2, bookedSeats: 5, checkedIn: 'small', dropIns: 'small' },
    ])
    await send(`/api/v1/centres/${centre.slug}/statistics-settings`, {
      method: 'PUT',
      cookie: manager.cookie,
      body: { threshold: 2, retentionDays: 90 },
    })
    expect((await counts('type')).body.items).toEqual([
      { key: 'conference', sessions: 1, bookedSeats: 0, checkedIn: 0, dropIns: 4 },
      { key: 'workshop', sessions: 2, bookedSeats: 5, checkedIn: 2, dropIns: 4 },
    ])
    expect((await counts('area')).body.items).toEqual([
      { key: 'emploi', sessions: 3, bookedSeats: 5, checkedIn: 2, dropIns: 8 },
      { key: 'etranger', sessions: 2, bookedSeats: 5, checkedIn: 2, dropIns: 4 },
    ])
    expect((await counts('partner')).body.items).toEqual([
      { key: 'Agence Exemple', sessions: 3, bookedSeats: 5, checkedIn: 2, dropIns: 8 },
      { key: 'Mission Exemple', sessions: 2, bookedSeats: 5, checkedIn: 2, dropIns: 4 },
    ])
    // Only the first day: the sessions of the next day are left out.
    expect((await counts('type', '2026-05-04', '2026-05-04')).body.items).toEqual([
      { key: 'conference', sessions: 1, bookedSeats: 0, checkedIn: 0, dropIns: 4 },
      { key: 'workshop', sessions: 1, bookedSeats: 3, checkedIn: 2, dropIns: 4 },
    ])
    const reversed = await counts('type', '2026-05-05', '2026-05-04')
    expect(reversed.status).toBe(422)
    expect(reversed.body.error.fields.to).toBeTruthy()
    expect(
      (await send(`/api/v1/centres/${centre.slug}/attendance?from=2026-05-04&to=2026-05-05`)).status,
    ).toBe(401)
  })
})
