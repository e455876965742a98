import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, snap, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>

beforeAll(async () => {
  e2e = await startE2e()
})
afterAll(() => e2e.close())

describe('“Where do I start?” set by a manager', () => {
  it('links a phrase to an area, refuses one of common words, and orders the areas of a situation', async () => {
    const centre = await e2e.t.buildCentre({ languages: ['fr', 'en'] })
    const job = await e2e.t.buildArea(centre.id, {
      ticketLetter: 'E',
      name: { fr: 'Trouver un emploi', en: 'Find a job' },
    })
    const change = await e2e.t.buildArea(centre.id, {
      ticketLetter: 'C',
      name: { fr: 'Changer de vie professionnelle', en: 'Change career' },
    })
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await e2e.signIn(page, manager.email, manager.password)
    await page.goto(`/staff/c/${centre.slug}/manager`)
    await page
      .getByRole('navigation', { name: 'Gestion du centre' })
      .getByRole('link', { name: 'Par où commencer ?' })
      .click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Aucune expression pour l’instant' }).isVisible())
      .toBe(true)
    await page.waitForLoadState('networkidle')
    await expectAccessible(page)

    // A phrase visitors use, linked to the area that answers it.
    await page.getByRole('textbox', { name: 'Expression' }).fill('dos bloqué')
    await page.getByRole('button', { name: /Espace$/ }).click()
    await page.getByRole('option', { name: 'Changer de vie professionnelle' }).click()
    await page.getByRole('button', { name: 'Ajouter une expression' }).click()
    await expect
      .poll(() =>
        page
          .getByText('L’expression « dos bloqué » mène à l’espace « Changer de vie professionnelle ».')
          .isVisible(),
      )
      .toBe(true)
    expect(await page.getByRole('cell', { name: 'dos bloqué', exact: true }).isVisible()).toBe(true)
    expect(await page.getByRole('rowheader', { name: 'Changer de vie professionnelle' }).isVisible()).toBe(
      true,
    )

    // Common words only would match nothing: the server's message is shown on the field.
    const phrase = page.getByRole('textbox', { name: 'Expression' })
    await phrase.fill('je suis')
    await page.getByRole('button', { name: 'Ajouter une expression' }).click()
    await expect.poll(() => phrase.getAttribute('aria-invalid')).toBe('true')
    const description = await phrase.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    )
    expect(description).toContain('Cette expression n’a que des mots courants')
    expect(await page.getByRole('cell', { name: 'je suis', exact: true }).count()).toBe(0)
    await expectAccessible(page)
    await snap(page, 'guide-settings-phrases')

    // The areas proposed to a newcomer: both ticked, then the second put first.
    const newcomer = page.getByRole('region', { name: 'Je suis nouveau ou nouvelle dans le pays' })
    await newcomer.getByRole('checkbox', { name: 'Trouver un emploi' }).check({ force: true })
    await newcomer.getByRole('checkbox', { name: 'Changer de vie professionnelle' }).check({ force: true })
    await newcomer.getByRole('button', { name: 'Monter « Changer de vie professionnelle »' }).click()
    await newcomer
      .getByRole('button', {
        name: 'Enregistrer les espaces de « Je suis nouveau ou nouvelle dans le pays »',
      })
      .click()
    await expect
      .poll(() =>
        newcomer
          .getByRole('status')
          .filter({
            hasText: 'Les espaces de « Je suis nouveau ou nouvelle dans le pays » sont enregistrés.',
          })
          .isVisible(),
      )
      .toBe(true)
    await expectAccessible(page)

    // What a visitor choosing that situation is offered, in that order.
    const offered = await fetch(`${e2e.baseUrl}/api/v1/centres/${centre.slug}/guide/situations/newcomer`)
    expect(await offered.json()).toEqual({ situation: 'newcomer', areas: [change.slug, job.slug] })
    await page.reload()
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Je suis nouveau ou nouvelle dans le pays' })
          .getByRole('listitem')
          .allTextContents()
          .then((items) => items.map((item) => item.replace(/[↑↓]/g, ''))),
      )
      .toEqual(['Changer de vie professionnelle', 'Trouver un emploi'])
    await context.close()
    // The refused phrase: the browser logs the 422 the page expected and showed.
    e2e.assertCleanConsole({ allow: /manager\/guide: .*422 \(Unprocessable Entity\)/ })
  })
})
