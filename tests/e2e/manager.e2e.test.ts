import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>

beforeAll(async () => {
  e2e = await startE2e()
})
afterAll(() => e2e.close())

describe('staff sign-in', () => {
  it('refuses a wrong password with a clear message, in the page’s language', async () => {
    const centre = await e2e.t.buildCentre()
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await page.goto('/staff/login')
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByText('This field is required.').count()).toBe(2)
    await page.getByLabel('Email address').fill(manager.email)
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Wrong email address or password.')
    await context.close()
  })
})

describe('centre set-up by a manager', () => {
  it('adds an area with French and English names and hours, and the portal shows it at once', async () => {
    const centre = await e2e.t.buildCentre()
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await e2e.signIn(page, manager.email, manager.password)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Gestion du centre' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Aucun espace pour l’instant' }).isVisible())
      .toBe(true)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Ajouter un espace' }).click()
    await expectAccessible(page)

    // Invalid input first: messages per field, nothing saved.
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect
      .poll(() => page.getByText('Remplissez ce texte dans au moins une langue.').isVisible())
      .toBe(true)
    expect(await page.getByText('Une seule lettre de A à Z.').isVisible()).toBe(true)
    await expectAccessible(page)

    await page.getByLabel('Nom (français)').fill('Créer son activité')
    await page.getByLabel('Nom (anglais)').fill('Start a business')
    await page
      .getByLabel('Description en mots simples (français)')
      .fill('J’ai une idée et je veux la réaliser.')
    await page.getByLabel('Identifiant').fill('creer-activite')
    await page.getByLabel('Lettre de ticket').fill('a')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect
      .poll(() => page.getByRole('cell', { name: 'Créer son activité', exact: true }).isVisible())
      .toBe(true)

    // Hours for the centre: open all week, all day, so the area shows as open whatever the clock.
    await page.getByRole('link', { name: 'Horaires' }).click()
    await expectAccessible(page)
    for (const day of ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']) {
      await page.getByRole('button', { name: `Ajouter une plage le ${day}` }).click()
    }
    const opens = page.getByLabel('Ouverture')
    const closes = page.getByLabel('Fermeture')
    for (let i = 0; i < 7; i++) {
      await opens.nth(i).fill('00:00')
      await closes.nth(i).fill('23:59')
    }
    await page.getByRole('button', { name: 'Enregistrer la semaine' }).click()
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Les horaires sont enregistrés' }).isVisible())
      .toBe(true)

    await page.goto(`/c/${centre.slug}`)
    await expect.poll(() => page.getByRole('heading', { name: 'Créer son activité' }).isVisible()).toBe(true)
    expect(await page.getByText('Ouvert jusqu’à 23:59').first().isVisible()).toBe(true)
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Start a business' }).isVisible()).toBe(true)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('passes the accessibility check on every manager page', async () => {
    const centre = await e2e.t.buildCentre()
    await e2e.t.buildArea(centre.id, { ticketLetter: 'E' })
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(page, manager.email, manager.password)
    for (const section of ['desks', 'hours', 'closures', 'staff', 'centre']) {
      await page.goto(`/staff/c/${centre.slug}/manager/${section}`)
      await expect
        .poll(() => page.getByRole('navigation', { name: 'Centre management' }).isVisible())
        .toBe(true)
      await page.waitForLoadState('networkidle')
      await expectAccessible(page)
    }
    // Following a link moves focus to the new page's content, where a screen reader starts reading.
    await page
      .getByRole('navigation', { name: 'Centre management' })
      .getByRole('link', { name: 'Opening hours' })
      .click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main')
    await context.close()
    e2e.assertCleanConsole()
  })

  it('keeps the interview themes: one added for an area, then archived, its name kept', async () => {
    const centre = await e2e.t.buildCentre({ languages: ['fr', 'en'] })
    await e2e.t.buildArea(centre.id, {
      ticketLetter: 'E',
      name: { fr: 'Trouver un emploi', en: 'Find a job' },
    })
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(page, manager.email, manager.password)
    await page.goto(`/staff/c/${centre.slug}/manager/interview-themes`)
    await expect.poll(() => page.getByRole('heading', { name: 'No themes yet' }).isVisible()).toBe(true)
    await expectAccessible(page)
    await page.getByLabel('Name (French)').fill('CV et lettre')
    await page.getByLabel('Name (English)').fill('CV and cover letter')
    await page.getByLabel('Identifier').fill('cv')
    await page.getByRole('button', { name: /Area$/ }).click()
    await page.getByRole('option', { name: 'Find a job' }).click()
    await page.getByRole('button', { name: 'Save' }).click()
    await expect
      .poll(() => page.getByText('The theme “CV and cover letter” is saved.').isVisible())
      .toBe(true)
    expect(await page.getByRole('row', { name: /CV and cover letter.*Find a job/ }).isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Archive CV and cover letter' }).click()
    await expect.poll(() => page.getByText('Archived', { exact: true }).isVisible()).toBe(true)
    await expectAccessible(page)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('gives a manager a one-time password to hand to a new colleague', async () => {
    const centre = await e2e.t.buildCentre()
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(page, manager.email, manager.password)
    await page.goto(`/staff/c/${centre.slug}/manager/staff`)
    await page.getByLabel('Name').fill('Nadia Counsellor')
    await page.getByLabel('Email address').fill('nadia@staff.example')
    await page.getByRole('button', { name: 'Give a role' }).click()
    const secret = page.locator('.secret')
    await expect.poll(() => secret.isVisible()).toBe(true)
    const password = (await secret.textContent()) ?? ''
    expect(password).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/)
    await expectAccessible(page)
    await context.close()

    const second = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(second.page, 'nadia@staff.example', password)
    await expect
      .poll(() => second.page.getByRole('link', { name: 'Counselling desk' }).isVisible())
      .toBe(true)
    await second.context.close()
    e2e.assertCleanConsole()
  })
})

describe('roles', () => {
  it('asks before removing a role, and removes it only when confirmed', async () => {
    const centre = await e2e.t.buildCentre()
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const colleague = await e2e.t.buildStaff('counsellor', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(page, manager.email, manager.password)
    await page.goto(`/staff/c/${centre.slug}/manager/staff`)
    const remove = page.getByRole('button', { name: `Remove the role Counsellor from ${colleague.name}` })
    await expect.poll(() => remove.isVisible()).toBe(true)

    page.once('dialog', (dialog) => dialog.dismiss())
    await remove.click()
    await page.waitForLoadState('networkidle')
    expect(await remove.isVisible()).toBe(true)

    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain(colleague.name)
      return dialog.accept()
    })
    await remove.click()
    await expect
      .poll(() => page.getByText(`The role Counsellor was removed from ${colleague.name}.`).isVisible())
      .toBe(true)
    expect(await remove.count()).toBe(0)
    await expectAccessible(page)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('keeps a counsellor out of manager pages', async () => {
    const centre = await e2e.t.buildCentre()
    const counsellor = await e2e.t.buildStaff('counsellor', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(page, counsellor.email, counsellor.password)
    expect(await page.getByRole('link', { name: 'Centre management' }).count()).toBe(0)
    await page.goto(`/staff/c/${centre.slug}/manager/areas`)
    await expect.poll(() => page.getByRole('heading', { name: 'Access denied' }).isVisible()).toBe(true)
    await expectAccessible(page)
    const status = await page.evaluate(
      async (slug) => (await fetch(`/api/v1/centres/${slug}/staff`)).status,
      centre.slug,
    )
    expect(status).toBe(403)
    await context.close()
  })
})
