import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventInput } from '../../../shared/schemas/events'
import { createTestContext, type TestContext } from '../../test/app'
import { catalogueFactories } from '../resources/testing'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
  t.clock.now = new Date('2026-03-02T08:00:00Z')
})
afterAll(() => t.close())

const send = async (path: string, init: Parameters<TestContext['request']>[1] = {}) => {
  const response = await t.request(path, init)
  return { status: response.status, body: await response.json() }
}

/** A centre with a workshop (booked, two sessions) by two partners and a club (free entry) in another area. */
async function buildProgramme() {
  const centre = await t.buildCentre({ timezone: 'Europe/Paris' })
  const manager = await f.signInManager(centre.id)
  const zebra = await f.buildPartner(centre.id, 'Zèbre Emploi')
  const alpha = await f.buildPartner(centre.id, 'Association Alpha')
  const jobs = await t.buildArea(centre.id, { slug: 'trouver-emploi', ticketLetter: 'E' })
  const create = async (body: EventInput) => {
    const created = await send(`/api/v1/centres/${centre.slug}/events`, {
      method: 'POST',
      cookie: manager,
      body,
    })
    expect(created.status).toBe(201)
    return created.body
  }
  const workshop = await create({
    type: 'workshop',
    title: { fr: 'Atelier CV', en: 'CV workshop' },
    language: 'fr',
    place: 'Salle 2',
    audiences: ['job_seekers'],
    partnerIds: [zebra.id, alpha.id],
    coOrganisers: ['Mairie du 12e'],
    areaIds: [jobs.id],
    sessions: [
      {
        startsAt: '2026-03-03T13:00:00Z',
        endsAt: '2026-03-03T15:00:00Z',
        booking: true,
        capacity: 10,
        walkInSeats: 2,
        prioritySeats: 2,
      },
      { startsAt: '2026-06-03T13:00:00Z', endsAt: '2026-06-03T15:00:00Z', booking: true, capacity: 10 },
    ],
  })
  const club = await create({
    type: 'club',
    title: { fr: 'Club des créateurs' },
    language: 'fr',
    place: 'Salle 1',
    audiences: ['adults'],
    sessions: [{ startsAt: '2026-03-02T17:00:00Z', endsAt: '2026-03-02T19:00:00Z' }],
  })
  return { centre, manager, workshop, club }
}

describe('the programme, for anyone', () => {
  it('lists the coming weeks’ sessions with seats left and organisers named alphabetically', async () => {
    const { centre, workshop } = await buildProgramme()
    await send(`/api/v1/sessions/${workshop.sessions[0].id}/bookings`, { method: 'POST', body: { seats: 3 } })
    const programme = await send(`/api/v1/centres/${centre.slug}/programme?lang=en`)
    expect(programme.status).toBe(200)
    expect(programme.body.from).toBe('2026-03-02')
    expect(programme.body.items.map((item: { title: string }) => item.title)).toEqual([
      'Club des créateurs',
      'CV workshop',
    ])
    expect(programme.body.items[1]).toMatchObject({
      organisers: ['Association Alpha', 'Mairie du 12e', 'Zèbre Emploi'],
      // 10 seats, 2 kept for walk-ins, 2 for the priority audience, 3 booked.
      seatsLeft: 3,
      prioritySeatsLeft: 5,
      bookingOpen: true,
      waitingList: false,
      areas: [{ slug: 'trouver-emploi' }],
    })
    expect(programme.body.items[0]).toMatchObject({ booking: false, seatsLeft: null, organisers: [] })
    const query = (q: string) => send(`/api/v1/centres/${centre.slug}/programme?${q}`)
    expect((await query('type=club')).body.items).toHaveLength(1)
    expect((await query('area=trouver-emploi')).body.items).toHaveLength(1)
    expect((await query('audience=adults')).body.items).toHaveLength(1)
    expect((await query('from=2026-06-01&to=2026-06-30')).body.items).toHaveLength(1)
    expect((await query('type=party')).status).toBe(422)
    expect((await query('from=tomorrow')).status).toBe(422)
    expect((await send('/api/v1/centres/nowhere/programme')).status).toBe(404)
  })

  it('gives an event’s page in the visitor’s language with its sessions from today', async () => {
    const { centre, workshop } = await buildProgramme()
    const page = await send(`/api/v1/centres/${centre.slug}/programme/${workshop.id}?lang=en`)
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ title: 'CV workshop', textLanguage: 'en', cancelled: false })
    expect(page.body.sessions.map((session: { startsAt: string }) => session.startsAt)).toEqual([
      '2026-03-03T13:00:00.000Z',
      '2026-06-03T13:00:00.000Z',
    ])
    const french = await send(`/api/v1/centres/${centre.slug}/programme/${workshop.id}`, { lang: 'fr' })
    expect(french.body.title).toBe('Atelier CV')
    expect((await send(`/api/v1/centres/${centre.slug}/programme/${crypto.randomUUID()}`)).status).toBe(404)
    const other = await t.buildCentre()
    expect((await send(`/api/v1/centres/${other.slug}/programme/${workshop.id}`)).status).toBe(404)
  })

  it('gives iCalendar feeds that calendar software reads back, per centre, per area and per session', async () => {
    const { centre, manager, workshop } = await buildProgramme()
    const feed = await t.request(`/api/v1/centres/${centre.slug}/programme.ics?from=2026-03-01&to=2026-06-30`)
    expect(feed.headers.get('content-type')).toContain('text/calendar')
    const events = (text: string) =>
      new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents('vevent')
        .map((vevent) => new ICAL.Event(vevent))
    const all = events(await feed.text())
    expect(all.map((entry) => entry.summary)).toEqual(['Club des créateurs', 'Atelier CV', 'Atelier CV'])
    expect(all[1]?.startDate.toJSDate().toISOString()).toBe('2026-03-03T13:00:00.000Z')
    expect(all[1]?.location).toBe('Salle 2')
    expect(all[1]?.uid).toBe(`${workshop.sessions[0].id}@cite.test`)
    const area = await t.request(
      `/api/v1/centres/${centre.slug}/programme.ics?area=trouver-emploi&from=2026-03-01&to=2026-06-30`,
    )
    expect(events(await area.text())).toHaveLength(2)
    const one = await t.request(`/api/v1/sessions/${workshop.sessions[0].id}/calendar.ics`)
    expect(one.headers.get('content-disposition')).toContain('attachment')
    expect(events(await one.text()).map((entry) => entry.summary)).toEqual(['Atelier CV'])
    // A cancelled event stays in the feed, marked so, so calendars update it.
    await send(`/api/v1/centres/${centre.slug}/events/${workshop.id}`, { method: 'DELETE', cookie: manager })
    const after = await t.request(`/api/v1/sessions/${workshop.sessions[0].id}/calendar.ics`)
    const [cancelled] = new ICAL.Component(ICAL.parse(await after.text())).getAllSubcomponents('vevent')
    expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect((await t.request(`/api/v1/sessions/${crypto.randomUUID()}/calendar.ics`)).status).toBe(404)
  })
})
