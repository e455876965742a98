import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replaceWeeklyHours } from '../../src/server/modules/centres/hours-service'
import { expectAccessible, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>
let slug: string

beforeAll(async () => {
  e2e = await startE2e()
  const centre = await e2e.t.buildCentre()
  slug = centre.slug
  await e2e.t.buildArea(centre.id, {
    ticketLetter: 'E',
    name: { fr: 'Trouver un emploi', en: 'Find a job' },
    description: { fr: 'CV, entretiens, candidatures', en: 'CV, interviews, applications' },
    pictogram: 'briefcase',
  })
  await replaceWeeklyHours({
    db: e2e.t.db,
    centreId: centre.id,
    actorUserId: null,
    input: {
      spans: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '23:59' })),
    },
  })
})
afterAll(() => e2e.close())

describe('portal home', () => {
  it('welcomes a French browser in French, starting from the visitor’s concerns', async () => {
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await page.goto(`/c/${slug}`)
    await expect
      .poll(() => page.getByRole('heading', { name: 'Qu’est-ce qui vous amène ?' }).isVisible())
      .toBe(true)
    await expect.poll(() => page.getByRole('heading', { name: 'Trouver un emploi' }).isVisible()).toBe(true)
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    expect(await page.getByText('Ouvert jusqu’à 23:59').first().isVisible()).toBe(true)
    await expectAccessible(page)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('speaks English to an English browser, and switches language on request', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await page.goto(`/c/${slug}`)
    await expect
      .poll(() => page.getByRole('heading', { name: 'What brings you here?' }).isVisible())
      .toBe(true)
    expect(await page.getByRole('heading', { name: 'Find a job' }).isVisible()).toBe(true)
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Français' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Trouver un emploi' }).isVisible()).toBe(true)
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    // The choice is remembered on the next visit.
    await page.reload()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Qu’est-ce qui vous amène ?' }).isVisible())
      .toBe(true)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('shows a clear message for an unknown centre', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await page.goto('/c/no-such-centre')
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This centre does not exist.')
    await expectAccessible(page)
    await context.close()
  })
})
