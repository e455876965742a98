import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { booking, event } from '../../db/schema/events'
import { AppError } from '../../http/errors'
import { createTestContext, type TestContext } from '../../test/app'
import { canonicalCode, newBookingCode } from './booking-code'
import { bookSeats, cancelBooking, changeBookingSeats, getBooking } from './bookings'
import { sweepSessions } from './sweep'
import { eventFactories } from './testing'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const now = new Date('2026-03-02T09:00:00Z')
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000)

const buildSession = (overrides: Parameters<ReturnType<typeof eventFactories>['buildSession']>[1] = {}) =>
  eventFactories(t).buildSession(now, overrides)

const book = (sessionId: string, seats: number, extra: { priority?: boolean; at?: Date } = {}) =>
  bookSeats({
    db: t.db,
    sessionId,
    input: { seats, priority: extra.priority ?? false },
    now: extra.at ?? now,
  })

async function bookingsOf(sessionId: string) {
  return t.db.select().from(booking).where(eq(booking.sessionId, sessionId)).orderBy(asc(booking.position))
}

const seatsIn = (rows: { seats: number }[]) => rows.reduce((total, row) => total + row.seats, 0)

/** The waiting list is first in, first out: every confirmed booking arrived before every waiting one. */
function expectFirstInFirstOut(rows: Awaited<ReturnType<typeof bookingsOf>>, capacity: number) {
  const confirmed = rows.filter((row) => row.status === 'confirmed')
  const waiting = rows.filter((row) => row.status === 'waiting')
  expect(seatsIn(confirmed)).toBeLessThanOrEqual(capacity)
  const lastConfirmed = Math.max(...confirmed.map((row) => row.position))
  expect(waiting.every((row) => row.position > lastConfirmed)).toBe(true)
  // The first in line really did not fit.
  if (waiting[0]) expect(seatsIn(confirmed) + waiting[0].seats).toBeGreaterThan(capacity)
}

describe('booking seats without a name', () => {
  it('never confirms more seats than there are, under 200 bookings at once, and keeps arrival order', async () => {
    const { session } = await buildSession()
    const asked = Array.from({ length: 200 }, (_, i) => 1 + (i % 3))
    const results = await Promise.all(asked.map((seats) => book(session.id, seats)))
    expect(new Set(results.map((result) => result.code)).size).toBe(200)
    const rows = await bookingsOf(session.id)
    expect(rows).toHaveLength(200)
    expectFirstInFirstOut(rows, 50)
    expect(seatsIn(rows.filter((row) => row.status === 'confirmed'))).toBeGreaterThanOrEqual(48)

    // Cancelling confirmed bookings promotes those waiting, in order, never past the capacity.
    const confirmedCodes = results.filter((r) => r.booking.status === 'confirmed').map((r) => r.code)
    await Promise.all(confirmedCodes.slice(0, 10).map((code) => cancelBooking({ db: t.db, code, now })))
    const after = await bookingsOf(session.id)
    expectFirstInFirstOut(
      after.filter((row) => row.status !== 'cancelled'),
      50,
    )
    expect(after.filter((row) => row.status === 'cancelled')).toHaveLength(10)
  })

  it('gives a code of 80 random bits, read back whatever its case, dashes or look-alike letters', async () => {
    const { centre, session } = await buildSession()
    const { code, booking: made } = await book(session.id, 2)
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    expect(made).toEqual({
      sessionId: session.id,
      session: {
        eventId: session.eventId,
        centre: centre.slug,
        title: { fr: 'Atelier CV', en: 'CV workshop' },
        startsAt: hours(24).toISOString(),
        endsAt: hours(26).toISOString(),
        place: 'Salle 2',
        offSite: false,
        cancelled: false,
        maxGroup: session.maxGroup,
      },
      seats: 2,
      status: 'confirmed',
      waitingAhead: null,
      hasContact: false,
      checkedIn: 0,
    })
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')
    expect(await getBooking({ db: t.db, code: typed })).toEqual(made)
    expect(canonicalCode('not a code')).toBeNull()
    const codes = new Set(Array.from({ length: 1000 }, newBookingCode))
    expect(codes.size).toBe(1000)
    // The code itself is nowhere in the database.
    const [row] = await bookingsOf(session.id)
    expect(JSON.stringify(row)).not.toContain(code.replace(/-/g, ''))
  })

  it('keeps walk-in seats until their release time, and a share for the priority audience', async () => {
    const { session } = await buildSession({
      capacity: 10,
      walkInSeats: 4,
      walkInReleaseAt: hours(20),
      prioritySeats: 2,
    })
    // 10 seats, 4 kept for the day, 2 for the priority audience: 4 for anyone.
    expect((await book(session.id, 3)).booking.status).toBe('confirmed')
    expect((await book(session.id, 2)).booking.status).toBe('waiting')
    // The waiting list is first in, first out: a priority booking after it waits too.
    const priority = await book(session.id, 2, { priority: true })
    expect(priority.booking).toMatchObject({ status: 'waiting', waitingAhead: 1 })
    const waiting = await bookingsOf(session.id)
    expect(waiting.map((row) => row.status)).toEqual(['confirmed', 'waiting', 'waiting'])
    // Once the walk-in seats are released, a change promotes those waiting in order.
    const { code } = await book(session.id, 1, { at: hours(21) })
    const released = await bookingsOf(session.id)
    expect(released.map((row) => row.status)).toEqual(['confirmed', 'waiting', 'waiting', 'waiting'])
    await cancelBooking({ db: t.db, code, now: hours(21) })
    expect((await bookingsOf(session.id)).map((row) => row.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'cancelled',
    ])
  })

  it('lets a visitor give seats back or leave the waiting list, which promotes the next in line', async () => {
    const { session } = await buildSession({ capacity: 4 })
    const first = await book(session.id, 3)
    const second = await book(session.id, 2)
    expect(second.booking).toMatchObject({ status: 'waiting', waitingAhead: 0 })
    const third = await book(session.id, 1)
    expect(third.booking).toMatchObject({ status: 'waiting', waitingAhead: 1 })
    // One seat given back: the group of two now fits, and the single seat behind it too.
    expect(await changeBookingSeats({ db: t.db, code: first.code, seats: 2, now })).toMatchObject({
      status: 'confirmed',
      seats: 2,
    })
    expect((await getBooking({ db: t.db, code: second.code })).status).toBe('confirmed')
    expect((await getBooking({ db: t.db, code: third.code })).status).toBe('waiting')
    await cancelBooking({ db: t.db, code: third.code, now })
    expect((await getBooking({ db: t.db, code: third.code })).status).toBe('cancelled')
    // More seats only when free and nobody waits.
    await expect(changeBookingSeats({ db: t.db, code: first.code, seats: 3, now })).rejects.toMatchObject({
      messageKey: 'error.booking.noSeatsLeft',
    })
  })
})

describe('bookings refused, with a reason', () => {
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AppError)
    return { status: (error as AppError).status, key: (error as AppError).messageKey }
  }

  it('for too many seats, a free-entry, closed, not yet open or cancelled session, and unknown codes', async () => {
    const { session } = await buildSession({ bookingOpensAt: hours(-2), bookingClosesAt: hours(12) })
    expect(await refusal(book(session.id, 4))).toEqual({ status: 422, key: 'error.booking.tooManySeats' })
    expect(await refusal(book(session.id, 1, { at: hours(-3) }))).toEqual({
      status: 409,
      key: 'error.session.notOpenYet',
    })
    expect(await refusal(book(session.id, 1, { at: hours(12) }))).toEqual({
      status: 409,
      key: 'error.session.bookingClosed',
    })
    const free = await buildSession({ booking: false, capacity: null })
    expect(await refusal(book(free.session.id, 1))).toEqual({ status: 409, key: 'error.session.freeEntry' })
    const called = await buildSession()
    await t.db.update(event).set({ cancelledAt: now }).where(eq(event.id, called.workshop.id))
    expect(await refusal(book(called.session.id, 1))).toEqual({ status: 409, key: 'error.session.cancelled' })
    expect(await refusal(book(crypto.randomUUID(), 1))).toEqual({
      status: 404,
      key: 'error.session.notFound',
    })
    expect(await refusal(getBooking({ db: t.db, code: newBookingCode() }))).toEqual({
      status: 404,
      key: 'error.booking.notFound',
    })
    expect(await refusal(getBooking({ db: t.db, code: 'abc' }))).toEqual({
      status: 404,
      key: 'error.booking.notFound',
    })
    const { code } = await book(session.id, 1)
    await cancelBooking({ db: t.db, code, now })
    expect(await refusal(cancelBooking({ db: t.db, code, now }))).toEqual({
      status: 409,
      key: 'error.booking.cancelled',
    })
    // Nothing was half-written by the refusals: one booking, cancelled.
    expect((await bookingsOf(session.id)).map((row) => row.status)).toEqual(['cancelled'])
  })

  it('for a contact without consent or that is neither an email nor a phone number', async () => {
    const { session } = await buildSession()
    const attempt = (contact: string, contactConsent: boolean) =>
      bookSeats({ db: t.db, sessionId: session.id, input: { seats: 1, contact, contactConsent }, now })
    await expect(attempt('ana@example.org', false)).rejects.toThrow()
    await expect(attempt('not a contact', true)).rejects.toThrow()
    const kept = await attempt('+33 6 12 34 56 78', true)
    expect(kept.booking.hasContact).toBe(true)
    // Leaving erases the contact at once.
    await cancelBooking({ db: t.db, code: kept.code, now })
    const [row] = await bookingsOf(session.id)
    expect(row?.contact).toBeNull()
  })
})

describe('what time alone changes', () => {
  it('releases walk-in seats to the waiting list at their time, and erases contacts once the session is over', async () => {
    const { session } = await buildSession({ capacity: 4, walkInSeats: 2, walkInReleaseAt: hours(20) })
    await book(session.id, 2)
    const waiting = await bookSeats({
      db: t.db,
      sessionId: session.id,
      input: { seats: 2, contact: 'ana@example.org', contactConsent: true },
      now,
    })
    expect(waiting.booking.status).toBe('waiting')
    // Before the release time, nothing moves.
    expect(await sweepSessions({ db: t.db, now: hours(19) })).toMatchObject({ promoted: 0 })
    expect((await getBooking({ db: t.db, code: waiting.code })).status).toBe('waiting')
    // At the release time, the waiting booking gets the seats; again, nothing more happens.
    expect(await sweepSessions({ db: t.db, now: hours(20) })).toMatchObject({ promoted: 1 })
    expect(await getBooking({ db: t.db, code: waiting.code })).toMatchObject({
      status: 'confirmed',
      hasContact: true,
    })
    expect(await sweepSessions({ db: t.db, now: hours(21) })).toMatchObject({ promoted: 0 })
    // Once the session is over (it ends 26 hours from now), the contact goes.
    await sweepSessions({ db: t.db, now: hours(25) })
    expect((await getBooking({ db: t.db, code: waiting.code })).hasContact).toBe(true)
    await sweepSessions({ db: t.db, now: hours(26) })
    expect((await getBooking({ db: t.db, code: waiting.code })).hasContact).toBe(false)
  })
})
