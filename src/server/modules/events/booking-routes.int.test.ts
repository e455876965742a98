import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test/app'
import { newBookingCode } from './booking-code'
import { eventFactories } from './testing'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const send = async (path: string, init: Parameters<TestContext['request']>[1] = {}) => {
  const response = await t.request(path, init)
  return { status: response.status, body: await response.json() }
}

describe('booking over HTTP, without a name', () => {
  it('books, shows, changes and cancels by code, answering only about that booking', async () => {
    const { session } = await eventFactories(t).buildSession(t.clock.now)
    const booked = await send(`/api/v1/sessions/${session.id}/bookings`, {
      method: 'POST',
      body: { seats: 2, contact: 'ana@example.org', contactConsent: true },
    })
    expect(booked.status).toBe(201)
    expect(booked.body.booking).toMatchObject({
      sessionId: session.id,
      session: { eventId: session.eventId, place: 'Salle 2', cancelled: false },
      seats: 2,
      status: 'confirmed',
      waitingAhead: null,
      hasContact: true,
      checkedIn: 0,
    })
    const { code } = booked.body
    expect(JSON.stringify(booked.body)).not.toContain('ana@example.org')
    expect((await send(`/api/v1/bookings/${code}`)).body.seats).toBe(2)
    const changed = await send(`/api/v1/bookings/${code.toLowerCase()}`, {
      method: 'PATCH',
      body: { seats: 1 },
    })
    expect(changed).toMatchObject({ status: 200, body: { seats: 1, status: 'confirmed' } })
    const cancelled = await send(`/api/v1/bookings/${code}`, { method: 'DELETE' })
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', hasContact: false } })
    const again = await send(`/api/v1/bookings/${code}`, { method: 'DELETE', lang: 'fr' })
    expect(again).toMatchObject({
      status: 409,
      body: { error: { message: 'Cette réservation a été annulée.' } },
    })
  })

  it('refuses bad input with a translated message, and unknown sessions and codes with a 404', async () => {
    const { session } = await eventFactories(t).buildSession(t.clock.now)
    const path = `/api/v1/sessions/${session.id}/bookings`
    const tooMany = await send(path, { method: 'POST', body: { seats: 4 }, lang: 'fr' })
    expect(tooMany).toMatchObject({
      status: 422,
      body: {
        error: {
          message: 'Au plus 3 places par réservation.',
          fields: { seats: 'Au plus 3 places par réservation.' },
        },
      },
    })
    for (const body of [{ seats: 0 }, { seats: 21 }, { seats: 'two' }, {}])
      expect((await send(path, { method: 'POST', body })).status).toBe(422)
    const noConsent = await send(path, {
      method: 'POST',
      body: { seats: 1, contact: 'ana@example.org' },
      lang: 'en',
    })
    expect(noConsent.status).toBe(422)
    expect(noConsent.body.error.fields.contactConsent).toBe(
      'Tick the box to agree that this contact is kept until the session.',
    )
    const badContact = await send(path, {
      method: 'POST',
      body: { seats: 1, contact: 'call me maybe', contactConsent: true },
    })
    expect(badContact.status).toBe(422)
    expect(
      (await send(`/api/v1/sessions/${crypto.randomUUID()}/bookings`, { method: 'POST', body: { seats: 1 } }))
        .status,
    ).toBe(404)
    expect((await send(`/api/v1/bookings/${newBookingCode()}`)).status).toBe(404)
    expect((await send('/api/v1/bookings/<script>')).status).toBe(422)
  })
})

describe('guessing codes', () => {
  it('refuses a client that types too many unknown codes, until the window ends', async () => {
    const limited = await createTestContext({
      handle: t.handle,
      codeLimit: { wrongCodes: 3, windowMs: 60_000 },
    })
    const { session } = await eventFactories(limited).buildSession(limited.clock.now)
    const booked = await limited.request(`/api/v1/sessions/${session.id}/bookings`, {
      method: 'POST',
      body: { seats: 1 },
    })
    const { code } = await booked.json()
    // A right code never counts against anyone.
    for (let i = 0; i < 5; i++) expect((await limited.request(`/api/v1/bookings/${code}`)).status).toBe(200)
    for (let i = 0; i < 3; i++)
      expect((await limited.request(`/api/v1/bookings/${newBookingCode()}`)).status).toBe(404)
    const refused = await limited.request(`/api/v1/bookings/${code}`, { lang: 'fr' })
    expect(refused.status).toBe(429)
    expect((await refused.json()).error.message).toBe(
      'Trop de codes inconnus depuis cet appareil. Réessayez dans quelques minutes.',
    )
  })
})
