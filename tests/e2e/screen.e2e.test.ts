import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SNAPSHOT_GAP_MS } from '../../src/client/surfaces/screen/calls'
import { duringOpeningHours, walkInCentre } from '../../src/server/test/walk-in'
import { expectAccessible, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>

beforeAll(async () => {
  e2e = await startE2e()
})
afterAll(() => e2e.close())

/**
 * Records what the page says instead of saying it (headless Chromium may have no voice). Each utterance
 * lasts a little while, so one started before the previous one ended, or a cancel, shows in the record.
 */
async function recordSpeech(page: Page) {
  await page.addInitScript(() => {
    const record: string[] = []
    Object.assign(window, { __spoken: record })
    let isSpeaking = false
    speechSynthesis.speak = (utterance) => {
      record.push(`${isSpeaking ? 'OVERLAP ' : ''}${utterance.lang}: ${utterance.text}`)
      isSpeaking = true
      setTimeout(() => {
        isSpeaking = false
        utterance.dispatchEvent(new Event('end'))
      }, 80)
    }
    speechSynthesis.cancel = () => record.push('CANCEL')
  })
}

/** Lets the page's live streams be cut as a network failure would, forcing a reconnection. */
async function allowCuttingStreams(page: Page) {
  await page.addInitScript(() => {
    const open: EventSource[] = []
    window.EventSource = class extends EventSource {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init)
        open.push(this)
      }
    }
    Object.assign(window, {
      __cutStreams: () => {
        for (const source of open.splice(0)) {
          source.close()
          source.dispatchEvent(new Event('error'))
        }
      },
    })
  })
}

/** Calls arriving right after a screen connects are taken as its snapshot: start once it has settled. */
const settled = (page: Page) => page.waitForTimeout(SNAPSHOT_GAP_MS * 2)
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)
const currentCall = (page: Page) => page.getByRole('region', { name: 'Appel en cours' })
const area = (page: Page, slug: string) => page.locator(`[data-area="${slug}"]`)
/** "2 personnes en attente", as the screen shows it: the figure under its caption. */
const waiting = async (page: Page, slug: string) => {
  const figure = area(page, slug).locator('[data-figure="waiting"]')
  if ((await figure.count()) === 0) return ''
  return `${await figure.locator('dd').textContent()} ${await figure.locator('dt').textContent()}`
}
const earlierCall = (page: Page, code: string) =>
  page.getByRole('region', { name: 'Appels précédents' }).getByRole('listitem').filter({ hasText: code })
const slow = { timeout: 20_000 }

describe('waiting-room screen', () => {
  it('shows the waiting per area, then shows and speaks each call in French then English, in order', async () => {
    duringOpeningHours(e2e.t)
    const walkIn = await walkInCentre(e2e.t)
    for (const slug of ['emploi', 'emploi', 'formation']) expect((await walkIn.take(slug)).status).toBe(201)
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await recordSpeech(page)
    await page.goto(`/c/${walkIn.centre.slug}/screen`)

    // The screen speaks the centre's default language, whatever the browser's.
    await expect.poll(() => waiting(page, 'emploi')).toBe('2 personnes en attente')
    expect(await waiting(page, 'formation')).toBe('1 personne en attente')
    expect(await area(page, 'formation').textContent()).toContain('Ouvert')
    expect(await page.title()).toBe(`Écran de la salle d’attente · Centre ${walkIn.centre.slug}`)
    expect(await page.getByText('Aucun ticket appelé pour l’instant').isVisible()).toBe(true)
    await expectAccessible(page)
    await settled(page)

    expect((await walkIn.open(0, ['emploi'])).status).toBe(201)
    expect((await walkIn.callNext(0)).status).toBe(200)
    await expect.poll(() => currentCall(page).textContent()).toMatch(/E-001.*Bureau 1/)
    expect(await currentCall(page).locator('[data-fresh]').count()).toBe(1)
    await expect
      .poll(() => spoken(page))
      .toEqual(['fr: Ticket E 0 0 1, Bureau 1', 'en: Ticket E 0 0 1, Bureau 1'])
    await expect.poll(() => waiting(page, 'emploi')).toBe('1 personne en attente')

    // Two calls at once: both said in full, one after the other.
    expect((await walkIn.open(1, ['emploi', 'formation'])).status).toBe(201)
    await Promise.all([walkIn.callNext(0), walkIn.callNext(1)])
    await expect.poll(() => spoken(page)).toHaveLength(6)
    const [, , ...quick] = await spoken(page)
    const sayings = [
      ['fr: Ticket E 0 0 2, Bureau 1', 'en: Ticket E 0 0 2, Bureau 1'],
      ['fr: Ticket F 0 0 1, Bureau 2', 'en: Ticket F 0 0 1, Bureau 2'],
    ]
    expect([sayings.flat(), [...(sayings[1] ?? []), ...(sayings[0] ?? [])]]).toContainEqual(quick)
    await expect.poll(() => earlierCall(page, 'E-001').textContent()).toContain('Bureau 1')
    expect(await page.locator('[aria-live="assertive"]').textContent()).toContain('Ticket')
    await expectAccessible(page)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('shows and speaks only the calls of its own areas', async () => {
    duringOpeningHours(e2e.t)
    const walkIn = await walkInCentre(e2e.t)
    await walkIn.take('emploi')
    await walkIn.take('formation')
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await recordSpeech(page)
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(`/c/${walkIn.centre.slug}/screen?areas=formation`)
    await expect.poll(() => waiting(page, 'formation')).toBe('1 personne en attente')
    expect(await area(page, 'emploi').count()).toBe(0)
    await expectAccessible(page)
    await settled(page)

    await walkIn.open(0, ['emploi'])
    expect((await walkIn.callNext(0)).status).toBe(200)
    await walkIn.open(1, ['formation'])
    expect((await walkIn.callNext(1)).status).toBe(200)
    await expect.poll(() => currentCall(page).textContent()).toMatch(/F-001.*Bureau 2/)
    await expect
      .poll(() => spoken(page))
      .toEqual(['fr: Ticket F 0 0 1, Bureau 2', 'en: Ticket F 0 0 1, Bureau 2'])
    expect(await page.getByText('E-001').count()).toBe(0)
    // The new call stands out without moving for those who asked for less motion.
    const fresh = currentCall(page).locator('[data-fresh]')
    expect(await fresh.evaluate((element) => getComputedStyle(element).animationName)).toBe('none')
    await context.close()
    e2e.assertCleanConsole()
  })

  it('catches up with the calls made while its connection was cut', async () => {
    duringOpeningHours(e2e.t)
    const walkIn = await walkInCentre(e2e.t)
    for (const slug of ['emploi', 'emploi', 'emploi']) await walkIn.take(slug)
    await walkIn.open(0, ['emploi'])
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await recordSpeech(page)
    await allowCuttingStreams(page)
    await page.goto(`/c/${walkIn.centre.slug}/screen`)
    await expect.poll(() => waiting(page, 'emploi')).toBe('3 personnes en attente')
    await settled(page)
    await walkIn.callNext(0)
    await expect.poll(() => currentCall(page).textContent()).toContain('E-001')

    // The stream drops, and the screen cannot reach the server until two more calls are made.
    let reopen = () => {}
    const cutOff = new Promise<void>((resolve) => {
      reopen = resolve
    })
    await page.route('**/api/v1/centres/*/live*', async (route) => {
      await cutOff
      await route.continue()
    })
    await page.evaluate(() => (window as unknown as { __cutStreams: () => void }).__cutStreams())
    await expect.poll(() => page.getByText('Reconnexion…').isVisible()).toBe(true)
    expect((await walkIn.callNext(0)).status).toBe(200)
    expect((await walkIn.callNext(0)).status).toBe(200)
    reopen()

    await expect.poll(() => currentCall(page).textContent(), slow).toContain('E-003')
    expect(await earlierCall(page, 'E-002').isVisible()).toBe(true)
    expect(await earlierCall(page, 'E-001').isVisible()).toBe(true)
    await expect.poll(() => waiting(page, 'emploi')).toBe('0 personne en attente')
    await expect.poll(() => page.getByText('Reconnexion…').count()).toBe(0)
    // Missed a moment ago, so still worth saying; the call heard before is not said again.
    await expect
      .poll(() => spoken(page))
      .toEqual([
        'fr: Ticket E 0 0 1, Bureau 1',
        'en: Ticket E 0 0 1, Bureau 1',
        'fr: Ticket E 0 0 2, Bureau 1',
        'en: Ticket E 0 0 2, Bureau 1',
        'fr: Ticket E 0 0 3, Bureau 1',
        'en: Ticket E 0 0 3, Bureau 1',
      ])
    await expectAccessible(page)
    await context.close()
    e2e.assertCleanConsole()
  })
})
