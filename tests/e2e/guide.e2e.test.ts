import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { savePhrase, setSituationAreas } from '../../src/server/modules/guide/guide-service'
import { catalogueFactories } from '../../src/server/modules/resources/testing'
import { duringOpeningHours, walkInCentre } from '../../src/server/test/walk-in'
import type { WalkInBoard } from '../../src/shared/schemas/tickets'
import { expectAccessible, snap, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>
let walkIn: Awaited<ReturnType<typeof walkInCentre>>
let slug: string

/** Loading a surface (its code, then its data) can take a moment. */
const patiently = { timeout: 10_000 }

beforeAll(async () => {
  e2e = await startE2e()
  walkIn = await walkInCentre(e2e.t)
  duringOpeningHours(e2e.t)
  slug = walkIn.centre.slug
  const { db } = e2e.t
  const centreId = walkIn.centre.id
  const change = await e2e.t.buildArea(centreId, {
    slug: 'changer',
    ticketLetter: 'C',
    name: { fr: 'Changer de métier', en: 'Change career' },
    pictogram: 'route',
  })
  const paths = await e2e.t.buildArea(centreId, {
    slug: 'orientation',
    ticketLetter: 'O',
    name: { fr: 'Choisir son orientation', en: 'Choose a path' },
    pictogram: 'compass',
  })
  const phrases: [string, 'fr' | 'en', string][] = [
    [change.id, 'fr', 'mal au dos'],
    [change.id, 'en', 'back pain'],
    [paths.id, 'en', 'work with children'],
    [paths.id, 'fr', 'travailler avec les enfants'],
  ]
  for (const [areaId, language, phrase] of phrases)
    await savePhrase({ db, centreId, actorUserId: null, input: { areaId, language, phrase } })
  await setSituationAreas({ db, centreId, actorUserId: null, situation: 'work', areaIds: [walkIn.job.id] })
  await setSituationAreas({
    db,
    centreId,
    actorUserId: null,
    situation: 'change',
    areaIds: [change.id, walkIn.training.id],
  })
  const f = catalogueFactories(e2e.t)
  await f.shelve(centreId, {
    ...f.resourceInput({
      title: 'Le métier de cariste',
      summary: 'Conduire un chariot, préparer les commandes.',
    }),
    areaIds: [change.id],
  })
})
afterAll(() => e2e.close())

describe('where do I start?', () => {
  it('leads a French visitor from a sentence in their own words to the right area, and from a situation to its areas', async () => {
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await page.goto(`/c/${slug}`)
    await page.getByRole('link', { name: 'Par où commencer ? Je me laisse guider' }).click()
    const heading = page.getByRole('heading', { level: 1, name: 'Par où commencer ?' })
    await expect.poll(() => heading.isVisible(), patiently).toBe(true)
    expect(await page.getByText('Étape 1 sur 2').isVisible()).toBe(true)
    await expectAccessible(page)
    await snap(page, 'guide-choices-fr')

    await page
      .getByRole('textbox', { name: 'Ce que vous cherchez, en une phrase' })
      .fill('J’ai 45 ans, je suis cariste et j’ai mal au dos')
    await page.getByRole('button', { name: 'Trouver par où commencer' }).click()
    await expect
      .poll(() => page.getByText('Nous avons reconnu : mal au dos').isVisible(), patiently)
      .toBe(true)
    expect(await page.getByRole('heading', { level: 3, name: 'Changer de métier' }).isVisible()).toBe(true)
    expect(await page.getByRole('heading', { level: 3, name: 'Trouver un emploi' }).count()).toBe(0)
    expect(await page.getByText('Au centre, prenez un ticket « Changer de métier »').isVisible()).toBe(true)
    // The search went by the meaningful words, and found the resource about the occupation.
    expect(await page.getByText('Mots cherchés : ans, cariste, mal, dos').isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'Le métier de cariste' }).isVisible()).toBe(true)
    // The sentence is in no address: not in this page's, not in the history.
    expect(page.url()).not.toContain('cariste')
    await expectAccessible(page)
    await snap(page, 'guide-words-fr')

    // A situation instead: its areas, in the centre's order, and back to the choices.
    await page.getByRole('link', { name: 'Choisir autre chose' }).click()
    await page.getByRole('link', { name: /Je veux changer/ }).click()
    await expect.poll(() => page.getByText('Pour « Je veux changer »').isVisible(), patiently).toBe(true)
    const areas = page.locator('.guide-leads .concern h3')
    await expect.poll(() => areas.allTextContents(), patiently).toEqual(['Changer de métier', 'Se former'])
    expect(await page.getByRole('link', { name: 'Le métier de cariste' }).isVisible()).toBe(true)
    await expectAccessible(page)
    await page.goBack()
    await expect.poll(() => page.getByText('Étape 1 sur 2').isVisible(), patiently).toBe(true)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('understands English typed on a French interface, and reads easy in easy-read mode', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await page.goto(`/c/${slug}/start`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Where do I start?' }).isVisible(), patiently)
      .toBe(true)
    await page.getByRole('button', { name: 'FR' }).click()
    await page
      .getByRole('textbox', { name: 'Ce que vous cherchez, en une phrase' })
      .fill('I want to work with children')
    await page.keyboard.press('Tab')
    await page.getByRole('button', { name: 'Trouver par où commencer' }).press('Enter')
    await expect
      .poll(
        () => page.getByRole('heading', { level: 3, name: 'Choisir son orientation' }).isVisible(),
        patiently,
      )
      .toBe(true)
    expect(await page.getByText('Nous avons reconnu : work with children').isVisible()).toBe(true)

    // Easy to read: shorter sentences, bigger type, kept on this device.
    await page.getByRole('button', { name: 'EN' }).click()
    await page.getByRole('link', { name: 'Choose something else' }).click()
    const plain = 'Choose a sentence. We show you where to go. You do not give your name.'
    expect(await page.getByText(plain).count()).toBe(0)
    const before = await page.evaluate(() =>
      Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
    )
    const toggle = page.getByRole('button', { name: 'Easy to read' })
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    await toggle.click()
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByText(plain).isVisible()).toBe(true)
    const after = await page.evaluate(() =>
      Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
    )
    expect(after).toBeGreaterThan(before * 1.1)
    await expectAccessible(page)
    await snap(page, 'guide-easy-read-en')
    await page.reload()
    await expect.poll(() => page.getByText(plain).isVisible(), patiently).toBe(true)
    await page.getByRole('button', { name: 'Easy to read' }).click()
    expect(await page.getByText(plain).count()).toBe(0)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('leads from "I don’t know where to start" to a ticket at the kiosk, and a sentence to its area', async () => {
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await page.goto(`/c/${slug}/kiosk`)
    const title = (name: string) => page.getByRole('heading', { level: 1, name })
    await expect.poll(() => title('Choisissez votre langue').isVisible(), patiently).toBe(true)
    await page.getByRole('button', { name: 'Français' }).click()
    await page.getByRole('button', { name: /Je ne sais pas par où commencer/ }).click()
    await expect.poll(() => title('Par où commencer ?').isVisible(), patiently).toBe(true)
    await expectAccessible(page)
    await page.getByRole('button', { name: /Je cherche du travail/ }).click()
    await expect.poll(() => title('Pour « Je cherche du travail »').isVisible(), patiently).toBe(true)
    const job = page.getByRole('button', { name: /Trouver un emploi/ })
    await expect.poll(() => page.locator('.kiosk-area').count(), patiently).toBe(1)
    await expectAccessible(page)
    await snap(page, 'kiosk-guide-fr')
    await job.click()
    await expect
      .poll(() => title('Avez-vous besoin de passer en priorité ?').isVisible(), patiently)
      .toBe(true)
    await page.getByRole('button', { name: 'Non, prendre mon ticket' }).click()
    await expect.poll(() => page.locator('.receipt__code').textContent(), patiently).toMatch(/^E-\d{3}$/)
    const code = (await page.locator('.receipt__code').textContent()) ?? ''
    const board = (await (
      await e2e.t.request(`/api/v1/centres/${slug}/walk-in`, { cookie: walkIn.cookie })
    ).json()) as WalkInBoard
    expect(board.tickets.find((t) => t.code === code)).toMatchObject({ area: 'emploi', channel: 'kiosk' })

    // The next visitor types a sentence; easy-read chosen by the previous one does not carry over.
    await page.getByRole('button', { name: 'Facile à lire' }).click()
    await page.getByRole('button', { name: 'Terminé' }).click()
    await expect.poll(() => title('Choisissez votre langue').isVisible(), patiently).toBe(true)
    expect(await page.getByRole('button', { name: 'Facile à lire' }).getAttribute('aria-pressed')).toBe(
      'false',
    )
    await page.getByRole('button', { name: 'Français' }).click()
    await page.getByRole('button', { name: /Je ne sais pas par où commencer/ }).click()
    await page.getByRole('textbox', { name: 'Ce que vous cherchez, en une phrase' }).fill('j’ai mal au dos')
    await page.getByRole('button', { name: 'Trouver par où commencer' }).click()
    await expect.poll(() => title('D’après vos mots').isVisible(), patiently).toBe(true)
    await expect
      .poll(() => page.locator('.kiosk-area .kiosk-area__name').allTextContents(), patiently)
      .toEqual(['Changer de métier'])
    await context.close()
    e2e.assertCleanConsole()
  })
})
