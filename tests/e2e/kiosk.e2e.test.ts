import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClosure } from '../../src/server/modules/centres/closures-service'
import { replaceWeeklyHours } from '../../src/server/modules/centres/hours-service'
import { localDateOf } from '../../src/server/modules/centres/opening-status'
import { walkInCentre } from '../../src/server/test/walk-in'
import type { IssuedTicket, WalkInBoard } from '../../src/shared/schemas/tickets'
import { expectAccessible, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>
let walkIn: Awaited<ReturnType<typeof walkInCentre>>
let slug: string

beforeAll(async () => {
  e2e = await startE2e()
  walkIn = await walkInCentre(e2e.t)
  slug = walkIn.centre.slug
  const { db } = e2e.t
  const centreId = walkIn.centre.id
  // Open all day, every day, so the areas take tickets whatever the time the suite runs.
  await replaceWeeklyHours({
    db,
    centreId,
    actorUserId: null,
    input: {
      spans: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '23:59' })),
    },
  })
  // A third area closed today: shown, with its next opening, but not selectable.
  const closed = await e2e.t.buildArea(centreId, {
    slug: 'creer',
    ticketLetter: 'C',
    name: { fr: 'Créer son activité', en: 'Start a business' },
    pictogram: 'lightbulb',
  })
  const today = localDateOf(new Date(), walkIn.centre.timezone)
  await createClosure({
    db,
    centreId,
    actorUserId: null,
    input: { areaId: closed.id, startsOn: today, endsOn: today },
  })
})
afterAll(() => e2e.close())

const english = (name: unknown) => (name as Record<string, string>).en ?? ''

/** Loading a surface (its code, then its data) or hearing from the live stream can take a moment. */
const patiently = { timeout: 10_000 }

/** The test clock stands still; queues are ordered by arrival, so each arrival moves it on a second. */
function nextArrival() {
  e2e.t.clock.now = new Date(e2e.t.clock.now.getTime() + 1000)
}

describe('entrance kiosk', () => {
  it('gives a ticket in English: language, area, priority, then the ticket with its QR code', async () => {
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await page.goto(`/c/${slug}/kiosk`)
    const title = (name: string) => page.getByRole('heading', { level: 1, name })
    await expect.poll(() => title('Choisissez votre langue').isVisible(), patiently).toBe(true)
    expect(await page.title()).toContain('Choisissez votre langue')
    expect(await page.getByRole('main').count()).toBe(1)
    await expectAccessible(page)

    // The keyboard works as well as a finger.
    await page.getByRole('button', { name: 'English' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => title('What brings you here?').isVisible(), patiently).toBe(true)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    const closed = page.getByRole('button', { name: /Start a business/ })
    expect(await closed.isDisabled()).toBe(true)
    expect(await closed.textContent()).toContain('Closed · opens tomorrow at 00:00')
    const job = page.getByRole('button', { name: new RegExp(english(walkIn.job.name)) })
    await expect.poll(() => job.textContent(), patiently).toContain('Nobody waiting')
    await expectAccessible(page)

    // Someone takes a ticket elsewhere: the figures follow without a reload.
    nextArrival()
    expect((await walkIn.take('emploi')).status).toBe(201)
    await expect.poll(() => job.textContent(), patiently).toContain('1 person waiting')

    nextArrival()
    await job.click()
    await expect.poll(() => title('Do you need priority?').isVisible(), patiently).toBe(true)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'No, take my ticket' }).click()
    await expect.poll(() => title('Here is your ticket').isVisible(), patiently).toBe(true)
    const code = (await page.locator('.receipt__code').textContent()) ?? ''
    expect(code).toMatch(/^E-\d{3}$/)
    expect(await page.getByText('1 person before you').isVisible()).toBe(true)
    const qr = page.getByRole('img', { name: `QR code to follow ticket ${code} on your phone` })
    await expect.poll(() => qr.getAttribute('src'), patiently).toMatch(/^data:image\/svg\+xml;utf8,/)
    await expectAccessible(page)

    // The ticket is in the queue as chosen: English, from the kiosk, no priority, and nothing else.
    const board = (await (
      await e2e.t.request(`/api/v1/centres/${slug}/walk-in`, { cookie: walkIn.cookie })
    ).json()) as WalkInBoard
    expect(board.tickets.find((t) => t.code === code)).toMatchObject({
      language: 'en',
      channel: 'kiosk',
      priority: false,
      area: 'emploi',
    })

    // Done: the next visitor finds the first screen, in the centre's language.
    await page.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => title('Choisissez votre langue').isVisible(), patiently).toBe(true)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('goes back to the first screen by itself when nobody touches it for a minute', async () => {
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await page.clock.install()
    await page.goto(`/c/${slug}/kiosk`)
    const title = (name: string) => page.getByRole('heading', { level: 1, name })
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => title('What brings you here?').isVisible(), patiently).toBe(true)
    await page.clock.runFor(50_000)
    expect(await title('What brings you here?').isVisible()).toBe(true)
    await page.clock.runFor(11_000)
    await expect.poll(() => title('Choisissez votre langue').isVisible(), patiently).toBe(true)
    await context.close()
    e2e.assertCleanConsole()
  })
})

describe('follow my ticket', () => {
  it('shows the place in the queue, then the call with the desk, without a reload', async () => {
    const take = async () => {
      nextArrival()
      return (await (await walkIn.take('formation', { language: 'en' })).json()) as IssuedTicket
    }
    await take()
    const mine = await take()
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await page.goto(`/t/${mine.trackToken}`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Your ticket' }).isVisible(), patiently)
      .toBe(true)
    await expect.poll(() => page.getByText(mine.code, { exact: true }).isVisible(), patiently).toBe(true)
    await expect.poll(() => page.getByText('1 person before you').isVisible(), patiently).toBe(true)
    expect(await page.getByText(english(walkIn.training.name)).isVisible()).toBe(true)
    await expectAccessible(page)

    // The visitor's tap switches the sound on (browsers allow sound only after one).
    const sound = page.getByRole('button', { name: 'Play a sound when it is my turn' })
    await sound.click()
    await expect.poll(() => sound.getAttribute('aria-pressed'), patiently).toBe('true')

    // A counsellor calls the first ticket: this one is next.
    expect((await walkIn.open(0, ['formation'])).status).toBe(201)
    expect((await walkIn.callNext(0)).status).toBe(200)
    await expect
      .poll(() => page.getByText('Nobody before you: you are next').isVisible(), patiently)
      .toBe(true)

    // Another desk calls this one: the whole screen says so, and screen readers hear it.
    expect((await walkIn.open(1, ['formation'])).status).toBe(201)
    expect((await walkIn.callNext(1)).status).toBe(200)
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'It’s your turn!' }).isVisible(), patiently)
      .toBe(true)
    expect(await page.getByText('Please go to: Bureau 2', { exact: true }).isVisible()).toBe(true)
    expect(await page.locator('[aria-live="assertive"]').textContent()).toContain('Bureau 2')
    expect(await page.title()).toContain('It’s your turn!')
    await expectAccessible(page)

    // The interview, then its end, in honest words.
    expect((await walkIn.act(mine.id, 'start')).status).toBe(200)
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your interview is under way' }).isVisible(), patiently)
      .toBe(true)
    expect((await walkIn.act(mine.id, 'finish')).status).toBe(200)
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your visit is over' }).isVisible(), patiently)
      .toBe(true)
    await expectAccessible(page)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('says clearly when a link matches no ticket', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await page.goto('/t/AAAAAAAAAAAAAAAAAAAAAA')
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Ticket not found' }).isVisible(), patiently)
      .toBe(true)
    expect(await page.getByText('This link does not match any ticket.', { exact: false }).isVisible()).toBe(
      true,
    )
    await expectAccessible(page)
    await context.close()
  })
})
