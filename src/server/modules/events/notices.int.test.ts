import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { booking } from '../../db/schema/events'
import { createTestContext, type TestContext } from '../../test/app'
import { bookSeats, cancelBooking, changeBookingSeats } from './bookings'
import { createNoticeSender, type Notice, sendBookingNotices } from './notices'
import { eventFactories } from './testing'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const now = new Date('2026-03-02T09:00:00Z')
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000)

/** A session two days ahead, with `capacity` seats. */
const buildSession = (capacity: number) =>
  eventFactories(t).buildSession(hours(24), { capacity, maxGroup: 3 })

const book = (sessionId: string, seats: number, contact?: string, language = 'fr') =>
  bookSeats({
    db: t.db,
    sessionId,
    input: contact ? { seats, contact, contactConsent: true } : { seats },
    now,
    language,
  })

/** Notices as an SMTP server or an SMS gateway would receive them. */
function outbox() {
  const sent: Notice[] = []
  return {
    sent,
    send: async (notice: Notice) => {
      sent.push(notice)
    },
  }
}

describe('booking notices', () => {
  it('tells a waiting contact once when promoted, in the language they booked in, and nobody else', async () => {
    const { session } = await buildSession(2)
    const first = await book(session.id, 2, 'first@example.org')
    const second = await book(session.id, 1, '+33 6 12 34 56 78')
    await book(session.id, 1)
    const english = await book(session.id, 1, 'waiting@example.org', 'en')
    expect([second.booking.status, english.booking.status]).toEqual(['waiting', 'waiting'])

    const box = outbox()
    expect(await sendBookingNotices({ db: t.db, now, send: box.send })).toEqual({ sent: 0, failed: 0 })

    // The first booking gives a seat back: the phone number behind it in line is told, once.
    await changeBookingSeats({ db: t.db, code: first.code, seats: 1, now })
    expect(await sendBookingNotices({ db: t.db, now, send: box.send })).toEqual({ sent: 1, failed: 0 })
    expect(box.sent).toEqual([
      {
        to: '+33 6 12 34 56 78',
        subject: 'Votre place est confirmée : Atelier CV',
        text: expect.stringContaining(
          'Une place s’est libérée : votre réservation pour « Atelier CV » le mercredi 4 mars',
        ),
      },
    ])
    expect(box.sent[0]?.text).not.toContain(second.code)
    expect(await sendBookingNotices({ db: t.db, now, send: box.send })).toEqual({ sent: 0, failed: 0 })

    // The first leaves altogether: the booking without a contact moves up, and nobody is written to.
    await cancelBooking({ db: t.db, code: first.code, now })
    await sendBookingNotices({ db: t.db, now, send: box.send })
    expect(box.sent).toHaveLength(1)
    // Then the second leaves: the English booking is confirmed, and told so in English.
    await cancelBooking({ db: t.db, code: second.code, now })
    await sendBookingNotices({ db: t.db, now, send: box.send })
    expect(box.sent.slice(1)).toEqual([
      {
        to: 'waiting@example.org',
        subject: 'Your seat is confirmed: CV workshop',
        text: expect.stringContaining(
          'A seat has freed up: your booking for “CV workshop” on Wednesday, March 4 at 10:00 AM (Salle 2)',
        ),
      },
    ])
  })

  it('sends a notice again at the next sweep when sending failed', async () => {
    const { session } = await buildSession(1)
    const first = await book(session.id, 1)
    await book(session.id, 1, 'next@example.org')
    await cancelBooking({ db: t.db, code: first.code, now })
    const failing = async () => {
      throw new Error('SMTP down')
    }
    const errors: unknown[] = []
    expect(
      await sendBookingNotices({ db: t.db, now, send: failing, onError: (e) => errors.push(e) }),
    ).toEqual({ sent: 0, failed: 1 })
    expect(errors).toHaveLength(1)
    const box = outbox()
    await sendBookingNotices({ db: t.db, now, send: box.send })
    expect(box.sent.map((notice) => notice.to)).toEqual(['next@example.org'])
  })

  it('reminds the day before those who booked at least a day ahead, once, even with two sweeps at once', async () => {
    const { session } = await buildSession(10)
    await book(session.id, 2, 'early@example.org')
    await book(session.id, 1)
    const late = await bookSeats({
      db: t.db,
      sessionId: session.id,
      input: { seats: 1, contact: 'late@example.org', contactConsent: true },
      now: hours(30),
    })
    expect(late.booking.status).toBe('confirmed')
    const box = outbox()
    const mine = () => box.sent.filter((n) => ['early@example.org', 'late@example.org'].includes(n.to))
    // Two days before: too early.
    await sendBookingNotices({ db: t.db, now, send: box.send })
    expect(mine()).toEqual([])
    // The day before, two instances sweep at the same moment: one reminder.
    const dayBefore = hours(26)
    await Promise.all([
      sendBookingNotices({ db: t.db, now: dayBefore, send: box.send }),
      sendBookingNotices({ db: t.db, now: dayBefore, send: box.send }),
    ])
    expect(mine()).toEqual([
      {
        to: 'early@example.org',
        subject: 'Rappel : Atelier CV, mercredi 4 mars à 10:00',
        text: expect.stringContaining('Nous vous attendons pour « Atelier CV »'),
      },
    ])
    const [row] = await t.db.select().from(booking).where(eq(booking.contact, 'early@example.org'))
    expect(row?.reminderAt).toEqual(dayBefore)
  })

  it('sends email by SMTP only when configured, and phone numbers to the SMS gateway as JSON', async () => {
    expect(createNoticeSender({})).toBeUndefined()
    const received: unknown[] = []
    const gateway = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk) => {
        body += chunk
      })
      request.on('end', () => {
        received.push(JSON.parse(body))
        response.writeHead(request.url === '/fail' ? 503 : 202).end()
      })
    })
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve))
    const { port } = gateway.address() as AddressInfo
    try {
      const send = createNoticeSender({ smsWebhookUrl: `http://127.0.0.1:${port}/sms` })
      await send?.({ to: '+33 6 12-34-56-78', subject: 'Rappel', text: 'Demain 14:00' })
      // No SMTP: an email address is not written to anyone.
      await send?.({ to: 'someone@example.org', subject: 'Rappel', text: 'Demain' })
      expect(received).toEqual([{ to: '+33612345678', text: 'Rappel\nDemain 14:00' }])
      const failing = createNoticeSender({ smsWebhookUrl: `http://127.0.0.1:${port}/fail` })
      await expect(failing?.({ to: '+33612345678', subject: 's', text: 't' })).rejects.toThrow('503')
    } finally {
      gateway.close()
    }
  })
})
