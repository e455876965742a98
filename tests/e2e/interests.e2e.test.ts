import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { occupation } from '../../src/server/db/schema/occupations'
import { type InterestAnswer, interestItems } from '../../src/shared/interests'
import { expectAccessible, snap, startE2e } from './harness'

const patiently = { timeout: 10_000 }

let e2e: Awaited<ReturnType<typeof startE2e>>
let slug: string

beforeAll(async () => {
  e2e = await startE2e()
  slug = (await e2e.t.buildCentre()).slug
  const rome = (code: string, fr: string, riasec: string) => ({
    taxonomy: 'rome',
    code,
    title: { fr, en: fr },
    riasec,
    release: 'test',
  })
  await e2e.t.db.insert(occupation).values([
    rome('K2111', 'Formateur / Formatrice', 'SA'),
    rome('K1201', 'Action sociale', 'S'),
    rome('B1101', 'Création en arts plastiques', 'AS'),
    rome('M1203', 'Comptabilité', 'CE'),
    {
      taxonomy: 'onet',
      code: '25-1121.00',
      title: { en: 'Art, Drama, and Music Teachers' },
      riasec: 'AS',
      riasecScores: { R: 1.2, I: 2.5, A: 6.8, S: 6.4, E: 3, C: 1.8 },
      release: 'test',
    },
  ])
})
afterAll(() => e2e.close())

const FR: Record<InterestAnswer, string> = {
  like: 'J’aimerais',
  unsure: 'Je ne sais pas',
  dislike: 'Pas pour moi',
}

describe('interest explorer', () => {
  it('asks thirty activities one at a time, puts S and A on top, and suggests occupations to open and keep', async () => {
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await page.goto(`/c/${slug}`)
    await page.getByRole('link', { name: 'Découvrir ce qui vous intéresse' }).click()
    const start = page.getByRole('button', { name: 'Commencer' })
    await expect.poll(() => start.isVisible(), patiently).toBe(true)
    expect(await page.getByText('C’est un jeu, pas un test').isVisible()).toBe(true)
    expect(await page.getByText('rien n’est enregistré').isVisible()).toBe(true)
    await expectAccessible(page)
    await snap(page, 'interests-intro')
    await start.click()

    // Helping liked throughout, creating liked but once unsure, everything else not for me.
    const answerFor = (letter: string, n: number): InterestAnswer =>
      letter === 'S' || (letter === 'A' && n !== 4) ? 'like' : letter === 'A' ? 'unsure' : 'dislike'
    for (const [index, item] of interestItems.entries()) {
      await expect
        .poll(() => page.getByRole('heading', { level: 2 }).first().textContent(), patiently)
        .toBe(`Activité ${index + 1} sur 30`)
      if (index === 0) {
        expect(await page.getByText('Réparer un vélo ou un appareil ménager').isVisible()).toBe(true)
        await expectAccessible(page)
      }
      if (index === 3) {
        // Back one activity (drawing, liked), which remembers its answer; the same again, and on.
        await page.getByRole('button', { name: '← Activité précédente' }).click()
        await expect
          .poll(() => page.getByRole('button', { name: 'J’aimerais' }).getAttribute('aria-pressed'))
          .toBe('true')
        await page.getByRole('button', { name: 'J’aimerais' }).click()
        await page.getByRole('button', { name: 'J’aimerais' }).click()
        continue
      }
      if (index === 8) {
        expect(await page.getByRole('progressbar', { name: 'Avancement' }).getAttribute('value')).toBe('8')
        await snap(page, 'interests-question')
      }
      const answer = answerFor(item.letter, Number(item.id.slice(1)))
      await page.getByRole('button', { name: FR[answer] }).click()
    }

    const result = page.getByRole('heading', { level: 2, name: 'Vos centres d’intérêt' })
    await expect.poll(() => result.isVisible(), patiently).toBe(true)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Vos centres d’intérêt')
    const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) })
    expect(await row('Aider, prendre soin').textContent()).toContain('10 sur 10')
    expect(await row('Créer, s’exprimer').textContent()).toContain('9 sur 10')
    expect(await row('Organiser, classer').textContent()).toContain('0 sur 10')
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toEqual(
      expect.arrayContaining(['Aider, prendre soin', 'Créer, s’exprimer']),
    )
    const suggestions = page.locator('.interest-suggestion h3')
    await expect.poll(() => suggestions.count(), patiently).toBeGreaterThan(0)
    const titles = await suggestions.allTextContents()
    expect(titles[0]).toBe('Formateur / Formatrice')
    expect(titles).toEqual(expect.arrayContaining(['Action sociale', 'Art, Drama, and Music Teachers']))
    // An AS fiche starts with another interest; accounting has nothing to do with it.
    expect(titles).not.toContain('Création en arts plastiques')
    expect(titles).not.toContain('Comptabilité')
    expect(
      await page
        .getByRole('link', { name: 'Enregistrer dans mon carnet : Formateur / Formatrice' })
        .isVisible(),
    ).toBe(true)
    await expectAccessible(page)
    await snap(page, 'interests-result')

    await page.getByRole('link', { name: 'Formateur / Formatrice', exact: true }).click()
    await expect
      .poll(
        () => page.getByRole('heading', { level: 1, name: 'Formateur / Formatrice' }).isVisible(),
        patiently,
      )
      .toBe(true)
    await expectAccessible(page)
    // Back on the explorer, nothing was kept: it starts over.
    await page.goBack()
    await expect.poll(() => page.getByRole('button', { name: 'Commencer' }).isVisible(), patiently).toBe(true)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('works with the keyboard alone, and says so plainly when nothing appealed', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await page.goto(`/c/${slug}/interests`)
    const start = page.getByRole('button', { name: 'Start' })
    await expect.poll(() => start.isVisible(), patiently).toBe(true)
    await start.focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), patiently)
      .toBe('Activity 1 of 30')
    // Tab to "Not for me"; focus stays on it from one activity to the next.
    for (const _ of [1, 2, 3]) await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Not for me')
    for (const [index] of interestItems.entries()) {
      await expect.poll(() => page.getByText(`Activity ${index + 1} of 30`).isVisible(), patiently).toBe(true)
      await page.keyboard.press('Enter')
    }
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your interests' }).isVisible(), patiently)
      .toBe(true)
    expect(await page.getByText('None of these activities appealed to you').isVisible()).toBe(true)
    expect(await page.getByRole('heading', { name: 'Occupations you might like' }).count()).toBe(0)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Start again' }).click()
    await expect.poll(() => page.getByText('Activity 1 of 30').isVisible(), patiently).toBe(true)
    expect(await page.getByRole('progressbar', { name: 'Progress' }).getAttribute('value')).toBe('0')
    await context.close()
    e2e.assertCleanConsole()
  })
})
