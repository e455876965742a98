import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SNAPSHOT_GAP_MS } from '../../src/client/surfaces/screen/calls'
import { duringOpeningHours, walkInCentre } from '../../src/server/test/walk-in'
import type { IssuedTicket } from '../../src/shared/schemas/tickets'
import { expectAccessible, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>

beforeAll(async () => {
  e2e = await startE2e()
})
afterAll(() => e2e.close())

const patiently = { timeout: 15_000 }

/** Keeps what the screen says instead of saying it: headless Chromium may have no voice. */
async function recordSpeech(page: Page) {
  await page.addInitScript(() => {
    const record: string[] = []
    Object.assign(window, { __spoken: record })
    speechSynthesis.speak = (utterance) => {
      record.push(`${utterance.lang}: ${utterance.text}`)
      setTimeout(() => utterance.dispatchEvent(new Event('end')), 50)
    }
  })
}
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)

/** Opens a desk for one area from the desk console, as a counsellor does at the start of a shift. */
async function openDesk(page: Page, slug: string, desk: string, area: string) {
  await page.goto(`/staff/c/${slug}/desk`)
  await expect
    .poll(() => page.getByRole('heading', { name: 'Open a desk' }).isVisible(), patiently)
    .toBe(true)
  await page.getByRole('button', { name: / Desk$/ }).click()
  await page.getByRole('option', { name: desk }).click()
  await page.getByText(area).click()
  await page.getByRole('button', { name: 'Open the desk' }).click()
  await expect.poll(() => page.getByRole('button', { name: 'Call next' }).isVisible(), patiently).toBe(true)
}

describe('one visit, from the entrance to a second counsellor', () => {
  it('kiosk in English, phone follows, desk calls, screen announces, referral, a colleague calls the same code', async () => {
    duringOpeningHours(e2e.t)
    const walkIn = await walkInCentre(e2e.t)
    const slug = walkIn.centre.slug
    const [first, second] = await Promise.all([
      e2e.t.buildStaff('counsellor', walkIn.centre.id),
      e2e.t.buildStaff('counsellor', walkIn.centre.id),
    ])

    // The waiting-room screen is on before anyone comes in.
    const screen = await e2e.newPage({ locale: 'fr-FR' })
    await recordSpeech(screen.page)
    await screen.page.goto(`/c/${slug}/screen`)
    await expect
      .poll(() => screen.page.getByText('Aucun ticket appelé pour l’instant').isVisible(), patiently)
      .toBe(true)
    await screen.page.waitForTimeout(SNAPSHOT_GAP_MS * 2)

    // At the kiosk, in English: the concern, no priority, the ticket.
    const kiosk = await e2e.newPage({ locale: 'fr-FR' })
    await kiosk.page.goto(`/c/${slug}/kiosk`)
    await kiosk.page.getByRole('button', { name: 'English' }).click()
    await kiosk.page.getByRole('button', { name: /Find a job/ }).click()
    const issuing = kiosk.page.waitForResponse(
      (response) => response.url().endsWith(`/centres/${slug}/tickets`) && response.status() === 201,
    )
    await kiosk.page.getByRole('button', { name: 'No, take my ticket' }).click()
    const ticket = (await (await issuing).json()) as IssuedTicket
    expect(ticket.code).toBe('E-001')
    await expect.poll(() => kiosk.page.locator('.receipt__code').textContent(), patiently).toBe('E-001')

    // The visitor follows it on their phone, from the QR code's address.
    const phone = await e2e.newPage({ locale: 'en-GB' })
    await phone.page.goto(`/t/${ticket.trackToken}`)
    await expect.poll(() => phone.page.getByText(/^Nobody before you/).isVisible(), patiently).toBe(true)
    await expectAccessible(phone.page)

    // The first counsellor calls next at Bureau 1.
    const desk = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(desk.page, first.email, first.password)
    await openDesk(desk.page, slug, 'Bureau 1', 'E · Find a job')
    await desk.page.getByRole('button', { name: 'Call next' }).click()
    await expect.poll(() => desk.page.locator('#current-code').textContent(), patiently).toBe('E-001')

    // The screen shows it and says it; the phone says it is their turn.
    const currentCall = screen.page.getByRole('region', { name: 'Appel en cours' })
    await expect.poll(() => currentCall.textContent(), patiently).toMatch(/E-001.*Bureau 1/)
    await expect
      .poll(() => spoken(screen.page), patiently)
      .toEqual(['fr: Ticket E 0 0 1, Bureau 1', 'en: Ticket E 0 0 1, Bureau 1'])
    await expect
      .poll(() => phone.page.getByRole('heading', { name: 'It’s your turn!' }).isVisible(), patiently)
      .toBe(true)
    expect(await phone.page.getByText('Please go to: Bureau 1', { exact: true }).isVisible()).toBe(true)
    await expectAccessible(phone.page)

    // The counsellor refers the visitor to training; the phone is back to waiting, in the new area.
    await desk.page.getByRole('button', { name: 'Refer elsewhere' }).click()
    await desk.page.getByRole('button', { name: / To$/ }).click()
    await desk.page.getByRole('option', { name: 'Area: Get trained' }).click()
    await desk.page.getByRole('button', { name: 'Refer', exact: true }).click()
    await expect.poll(() => desk.page.getByRole('button', { name: 'Call next' }).isVisible()).toBe(true)
    await expect.poll(() => phone.page.getByText('Get trained').isVisible(), patiently).toBe(true)
    expect(await phone.page.getByText(/^Nobody before you/).isVisible()).toBe(true)

    // A colleague at Bureau 2, serving training, calls the same code.
    const other = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(other.page, second.email, second.password)
    await openDesk(other.page, slug, 'Bureau 2', 'F · Get trained')
    await other.page.getByRole('button', { name: 'Call next' }).click()
    await expect.poll(() => other.page.locator('#current-code').textContent(), patiently).toBe('E-001')
    await expect.poll(() => currentCall.textContent(), patiently).toMatch(/E-001.*Bureau 2/)
    await expect
      .poll(() => spoken(screen.page), patiently)
      .toEqual([
        'fr: Ticket E 0 0 1, Bureau 1',
        'en: Ticket E 0 0 1, Bureau 1',
        'fr: Ticket E 0 0 1, Bureau 2',
        'en: Ticket E 0 0 1, Bureau 2',
      ])
    await expect
      .poll(() => phone.page.getByText('Please go to: Bureau 2', { exact: true }).isVisible(), patiently)
      .toBe(true)

    for (const { context } of [screen, kiosk, phone, desk, other]) await context.close()
    e2e.assertCleanConsole()
  }, 180_000)
})
