import { TZDate } from '@date-fns/tz'
import { addDays, format } from 'date-fns'
import ICAL from 'ical.js'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { partner } from '../../src/server/db/schema/centres'
import { addStaff } from '../../src/server/modules/staff/staff-service'
import { expectAccessible, snap, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>
let slug: string
let centreId: string
/** The centre's day the test lives in (tomorrow, from 8 in the morning), and the same day a week on. */
let day: string
let weekLater: string

beforeAll(async () => {
  e2e = await startE2e()
  const centre = await e2e.t.buildCentre()
  slug = centre.slug
  centreId = centre.id
  // The server's clock stands at 08:00 tomorrow (Paris), so that a session at 14:00 is "today", bookable
  // and still to come for the browser's own clock, whatever the hour the suite runs.
  const tomorrow = addDays(new TZDate(Date.now(), 'Europe/Paris'), 1)
  day = format(tomorrow, 'yyyy-MM-dd')
  weekLater = format(addDays(tomorrow, 7), 'yyyy-MM-dd')
  e2e.t.clock.now = new TZDate(
    tomorrow.getFullYear(),
    tomorrow.getMonth(),
    tomorrow.getDate(),
    8,
    0,
    'Europe/Paris',
  )
})
afterAll(() => e2e.close())

/** The code a booking page was opened with: its address ends with it. */
const codeOf = (page: Page) => decodeURIComponent(new URL(page.url()).pathname.split('/b/')[1] ?? '')

async function structuredEvents(page: Page) {
  const text = await page.locator('script[type="application/ld+json"]').textContent()
  return JSON.parse(text ?? '[]') as { '@type': string; name: string; startDate: string }[]
}

describe('events programme', () => {
  it('runs a workshop from creation to the door: booked without a name, waiting list, promotion, check-in, in French and English', async () => {
    const [organiser] = await e2e.t.db
      .insert(partner)
      .values({ centreId, name: 'Mission Emploi Exemple', description: {} })
      .returning()
    const email = `coordination-${Date.now()}@staff.example`
    const coordinator = await addStaff({
      db: e2e.t.db,
      auth: e2e.t.auth,
      actorUserId: null,
      input: {
        email,
        name: 'Coordination',
        role: 'partner_coordinator',
        centreId,
        partnerId: organiser?.id ?? null,
      },
    })

    // A partner coordinator writes a workshop with two sessions, a week apart.
    const staff = await e2e.newPage({ locale: 'fr-FR' })
    await e2e.signIn(staff.page, email, coordinator.password ?? '')
    await staff.page.getByRole('link', { name: 'Événements', exact: true }).click()
    await expect.poll(() => staff.page.getByText('Aucun événement à venir').isVisible()).toBe(true)
    await expectAccessible(staff.page)
    await staff.page.getByRole('link', { name: 'Ajouter un événement' }).click()
    await staff.page.getByLabel('Titre (français)').fill('Atelier CV express')
    await staff.page.getByLabel('Titre (anglais)').fill('Quick CV workshop')
    await staff.page.getByLabel('Description (français)').fill('Deux heures pour revoir votre CV.')
    await staff.page.getByLabel('Lieu', { exact: true }).fill('Salle Jean Zay')
    const first = staff.page.getByRole('listitem', { name: 'Séance 1' })
    await first.getByLabel('Jour', { exact: true }).fill(day)
    await first.getByLabel('Début', { exact: true }).fill('14:00')
    await first.getByLabel('Fin', { exact: true }).fill('16:00')
    await first.getByLabel('Nombre de places').fill('2')
    await staff.page.getByRole('button', { name: 'Ajouter la même séance une semaine plus tard' }).click()
    await expect.poll(() => staff.page.getByRole('listitem', { name: 'Séance 2' }).isVisible()).toBe(true)
    expect(
      await staff.page
        .getByRole('listitem', { name: 'Séance 2' })
        .getByLabel('Jour', { exact: true })
        .inputValue(),
    ).toBe(weekLater)
    await expectAccessible(staff.page)
    await snap(staff.page, 'event-form-fr')
    await staff.page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect.poll(() => staff.page.getByText('L’événement est enregistré.').isVisible()).toBe(true)
    expect(staff.page.url()).toMatch(/\/manager\/events\/[0-9a-f-]{36}$/)
    await staff.page.getByRole('link', { name: 'Événements', exact: true }).click()
    await expect
      .poll(() => staff.page.getByRole('link', { name: 'Modifier Atelier CV express' }).isVisible())
      .toBe(true)
    expect(await staff.page.getByRole('cell', { name: /2 séances/ }).isVisible()).toBe(true)

    // A visitor finds it in the programme and books two seats, giving nothing about themselves.
    const firstVisitor = await e2e.newPage({ locale: 'fr-FR' })
    const a = firstVisitor.page
    await a.goto(`/c/${slug}/events`)
    await expect
      .poll(() => a.getByRole('link', { name: 'Atelier CV express' }).first().isVisible())
      .toBe(true)
    expect(await a.getByText('2 places restantes').first().isVisible()).toBe(true)
    expect(await a.getByText('Organisé par Mission Emploi Exemple').first().isVisible()).toBe(true)
    await expectAccessible(a)
    await snap(a, 'programme-fr')
    await a.goto(`/c/${slug}/events?view=month&month=${day.slice(0, 7)}`)
    await expect
      .poll(() =>
        a
          .getByRole('link', { name: /14:00 Atelier CV express/ })
          .first()
          .isVisible(),
      )
      .toBe(true)
    await expectAccessible(a)
    await snap(a, 'programme-month-fr')
    await a.goto(`/c/${slug}/events/week?from=${day}`)
    await expect.poll(() => a.getByText('Atelier CV express').first().isVisible()).toBe(true)
    expect(await a.getByRole('img', { name: 'Code QR vers l’agenda en ligne' }).isVisible()).toBe(true)
    await expectAccessible(a)
    await snap(a, 'programme-week-fr')

    await a.goto(`/c/${slug}/events`)
    await a.getByRole('link', { name: 'Atelier CV express' }).first().click()
    await expect
      .poll(() => a.getByRole('heading', { level: 1, name: 'Atelier CV express' }).isVisible())
      .toBe(true)
    const data = await structuredEvents(a)
    expect(data.map((entry) => [entry['@type'], entry.name])).toEqual([
      ['Event', 'Atelier CV express'],
      ['Event', 'Atelier CV express'],
    ])
    expect(Date.parse(data[0]?.startDate ?? '')).toBeLessThan(Date.parse(data[1]?.startDate ?? ''))
    await expectAccessible(a)
    await a.getByRole('button', { name: 'Réserver', exact: true }).first().click()
    await a.getByRole('button', { name: /Nombre de places/ }).click()
    await a.getByRole('option', { name: '2 places' }).click()
    await expectAccessible(a)
    await snap(a, 'event-booking-fr')
    await a.getByRole('button', { name: 'Réserver 2 places' }).click()
    await a.waitForURL('**/b/**')
    await expect.poll(() => a.getByText('2 places confirmées').isVisible()).toBe(true)
    const codeA = codeOf(a)
    expect(codeA).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    expect(await a.getByText(codeA, { exact: true }).isVisible()).toBe(true)
    expect(await a.getByRole('img', { name: `Code QR de la réservation ${codeA}` }).isVisible()).toBe(true)
    await expectAccessible(a)
    await snap(a, 'booking-fr')

    // The session is now full: a second visitor, in English, joins the waiting list.
    const secondVisitor = await e2e.newPage({ locale: 'en-GB' })
    const b = secondVisitor.page
    await b.goto(`/c/${slug}/events`)
    await b.getByRole('link', { name: 'Quick CV workshop' }).first().click()
    await expect.poll(() => b.getByText('Full: waiting list').first().isVisible()).toBe(true)
    await b.getByRole('button', { name: 'Join the waiting list' }).first().click()
    // A reminder address that is neither an email nor a phone number, and no consent: said, nothing sent.
    await b.getByText('I would like a reminder (optional)').click()
    await b.getByLabel('Email or phone number for the reminder').fill('call me maybe')
    await b.getByRole('button', { name: 'Wait for 1 seat' }).click()
    await expect.poll(() => b.getByText('An email address or a phone number.').isVisible()).toBe(true)
    expect(
      await b.getByText('Tick the box to agree that this contact is kept until the session.').isVisible(),
    ).toBe(true)
    expect(b.url()).not.toContain('/b/')
    await expectAccessible(b)
    await b.getByText('I would like a reminder (optional)').click()
    await b.getByRole('button', { name: 'Wait for 1 seat' }).click()
    await b.waitForURL('**/b/**')
    await expect
      .poll(() => b.getByText('On the waiting list for 1 seat: you are first.').isVisible())
      .toBe(true)
    await expectAccessible(b)
    await snap(b, 'booking-waiting-en')

    // The first visitor gives one seat back: the waiting booking is confirmed at once.
    await a.getByRole('button', { name: /Nombre de places/ }).click()
    await a.getByRole('option', { name: '1 place', exact: true }).click()
    await a.getByRole('button', { name: 'Changer le nombre de places' }).click()
    await expect.poll(() => a.getByText('1 place confirmée').isVisible()).toBe(true)
    await b.reload()
    await expect.poll(() => b.getByText('1 seat confirmed').isVisible()).toBe(true)

    // At the door, reception checks the first visitor in by code (typed loosely) and counts a drop-in.
    const receptionist = await e2e.t.buildStaff('reception', centreId)
    const door = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(door.page, receptionist.email, receptionist.password)
    await door.page.getByRole('link', { name: 'Event check-in' }).click()
    await expect.poll(() => door.page.getByLabel('Booking code').isVisible()).toBe(true)
    await door.page.getByLabel('Booking code').fill(codeA.toLowerCase().replace(/-/g, ' '))
    await door.page.getByRole('button', { name: 'Check in', exact: true }).click()
    await expect.poll(() => door.page.getByText('Checked in: 1 of 1 seat booked.').isVisible()).toBe(true)
    await door.page.getByRole('button', { name: '+1 person' }).click()
    const totals = door.page.locator('.check-in__totals')
    await expect.poll(() => totals.textContent()).toMatch(/Checked in with a booking1.*Present in all2/)
    await expectAccessible(door.page)
    await snap(door.page, 'check-in-en')
    await a.reload()
    await expect.poll(() => a.getByText('1 personne accueillie').isVisible()).toBe(true)

    // Today's session shows on the waiting-room screen and on the kiosk.
    await a.goto(`/c/${slug}/screen`)
    const onScreen = a.locator('.screen-events')
    await expect
      .poll(() => onScreen.textContent())
      .toMatch(/Aujourd’hui au centre.*Atelier CV express.*Salle Jean Zay/)
    await expectAccessible(a)
    await snap(a, 'screen-today-fr')
    await a.goto(`/c/${slug}/kiosk`)
    await a.getByRole('button', { name: 'English' }).click()
    await expect
      .poll(() => a.getByRole('region', { name: 'Today at the centre' }).textContent())
      .toMatch(/Quick CV workshop/)
    await expectAccessible(a)
    await snap(a, 'kiosk-today-en')

    // The calendar feed is valid iCalendar: both sessions, read back by an iCalendar library.
    const feed = await a.request.get(`/api/v1/centres/${slug}/programme.ics?lang=en&from=${day}`)
    expect(feed.headers()['content-type']).toContain('text/calendar')
    const events = new ICAL.Component(ICAL.parse(await feed.text()))
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent))
    expect(events.map((event) => event.summary)).toEqual(['Quick CV workshop', 'Quick CV workshop'])
    expect(events[0]?.location).toBe('Salle Jean Zay')

    for (const { context } of [staff, firstVisitor, secondVisitor, door]) await context.close()
    e2e.assertCleanConsole()
  })
})
