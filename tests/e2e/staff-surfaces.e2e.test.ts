import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>

beforeAll(async () => {
  e2e = await startE2e()
})
afterAll(() => e2e.close())

describe('staff surfaces', () => {
  it('shows each role the surfaces it opens', async () => {
    const centre = await e2e.t.buildCentre()
    const reception = await e2e.t.buildStaff('reception', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await e2e.signIn(page, reception.email, reception.password)
    await expect.poll(() => page.getByRole('link', { name: 'Accueil', exact: true }).isVisible()).toBe(true)
    await expectAccessible(page)
    expect(await page.getByRole('link', { name: 'Poste de conseil' }).count()).toBe(0)
    await page.getByRole('link', { name: 'Accueil', exact: true }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Donner un ticket' }).isVisible()).toBe(true)
    await expectAccessible(page)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('lets a network admin open a new centre, reach every surface of it, and set it up', async () => {
    const admin = await e2e.t.buildStaff('network_admin', null)
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(page, admin.email, admin.password)
    await page.getByRole('link', { name: 'Network' }).click()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Open a centre' }).click()
    await expect
      .poll(() => page.getByText('Fill in this text in at least one language.').isVisible())
      .toBe(true)
    await page.getByLabel('Name (French)').fill('Cité des Métiers du Littoral')
    await page.getByLabel('Identifier').fill('littoral')
    await page.getByRole('button', { name: 'Open a centre' }).click()
    await expect
      .poll(() => page.getByRole('link', { name: 'Cité des Métiers du Littoral' }).isVisible())
      .toBe(true)
    await page.goto('/staff/c/littoral/partners')
    await expect.poll(() => page.getByRole('heading', { name: 'No partner yet' }).isVisible()).toBe(true)
    await expectAccessible(page)
    await page.goto('/c/littoral')
    await expect
      .poll(() => page.getByRole('heading', { name: 'Counselling areas are coming soon' }).isVisible())
      .toBe(true)
    await expectAccessible(page)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('lets a staff member choose a new password from a reset link', async () => {
    const centre = await e2e.t.buildCentre()
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const colleague = await e2e.t.buildStaff('counsellor', centre.id)
    const cookie = await e2e.t.signIn(manager.email, manager.password)
    const response = await e2e.t.request(
      `/api/v1/centres/${centre.slug}/staff/${colleague.userId}/reset-link`,
      {
        method: 'POST',
        cookie,
      },
    )
    const { url } = (await response.json()) as { url: string }
    expect(url.startsWith(`${e2e.baseUrl}/staff/reset-password?token=`)).toBe(true)

    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await page.goto(url)
    // The page loads on demand: check it once it is there, not its loading state.
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Choose a new password' }).isVisible())
      .toBe(true)
    await expectAccessible(page)
    await page.getByLabel('New password', { exact: true }).fill('short')
    await page.getByLabel('Confirm the password').fill('different')
    await page.getByRole('button', { name: 'Save the password' }).click()
    await expect.poll(() => page.getByText('At least 10 characters.').first().isVisible()).toBe(true)
    expect(await page.getByText('The two passwords are not the same.').isVisible()).toBe(true)
    await page.getByLabel('New password', { exact: true }).fill('a-new-long-password')
    await page.getByLabel('Confirm the password').fill('a-new-long-password')
    await page.getByRole('button', { name: 'Save the password' }).click()
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Your password is saved.' }).isVisible())
      .toBe(true)
    await expectAccessible(page)
    await e2e.signIn(page, colleague.email, 'a-new-long-password')
    await context.close()
    e2e.assertCleanConsole()
  })
})
