import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, snap, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>

beforeAll(async () => {
  e2e = await startE2e()
})
afterAll(() => e2e.close())

describe('the change log, read by a manager', () => {
  it('lists staff writes newest first with who made them, filters them, and says when nothing matches', async () => {
    const centre = await e2e.t.buildCentre()
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const cookie = await e2e.t.signIn(manager.email, manager.password)
    const added = await e2e.t.request(`/api/v1/centres/${centre.slug}/desks`, {
      method: 'POST',
      cookie,
      body: { name: 'Bureau 7' },
    })
    expect(added.status).toBe(201)

    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await e2e.signIn(page, manager.email, manager.password)
    await page.goto(`/staff/c/${centre.slug}/manager`)
    await page
      .getByRole('navigation', { name: 'Gestion du centre' })
      .getByRole('link', { name: 'Journal des modifications' })
      .click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Journal des modifications' }).isVisible())
      .toBe(true)
    const rows = page.getByRole('table', { name: 'Journal des modifications' }).getByRole('row')
    // A header row, the desk, the manager's role, the centre (made with no one signed in).
    await expect.poll(() => rows.count()).toBe(4)
    const first = await rows.nth(1).getByRole('cell').allTextContents()
    expect(first.slice(1, 4)).toEqual([manager.name, 'Ajout', 'Bureau'])
    expect(await rows.nth(3).getByRole('cell').allTextContents()).toContain('Ligne de commande ou système')
    // The desk's name was written with the change; the log does not copy it.
    expect(await page.getByText('Bureau 7').count()).toBe(0)
    await expectAccessible(page)
    await snap(page, 'audit-log')

    // One kind of item.
    await page.getByRole('button', { name: /Type d’élément/ }).click()
    await page.getByRole('option', { name: 'Bureau', exact: true }).click()
    await expect.poll(() => rows.count()).toBe(2)
    await expect.poll(() => page.url()).toContain('entity=desk')

    // A period with nothing in it.
    await page.getByRole('textbox', { name: 'Du' }).fill('2999-01-01')
    await expect
      .poll(() => page.getByRole('heading', { name: 'Aucune modification pour ces filtres' }).isVisible())
      .toBe(true)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Effacer les filtres' }).click()
    await expect.poll(() => rows.count()).toBe(4)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('speaks English, and is not offered to a counsellor', async () => {
    const centre = await e2e.t.buildCentre()
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(page, manager.email, manager.password)
    await page.goto(`/staff/c/${centre.slug}/manager/audit`)
    await expect.poll(() => page.getByRole('heading', { name: 'Change log' }).isVisible()).toBe(true)
    await expect.poll(() => page.getByRole('columnheader', { name: 'Who' }).isVisible()).toBe(true)
    expect(await page.getByRole('cell', { name: 'Role given' }).isVisible()).toBe(true)
    await expectAccessible(page)
    await context.close()

    const counsellor = await e2e.t.buildStaff('counsellor', centre.id)
    const other = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(other.page, counsellor.email, counsellor.password)
    await other.page.goto(`/staff/c/${centre.slug}/manager/audit`)
    await expect
      .poll(() => other.page.getByText('Your role does not allow this in this centre.').isVisible())
      .toBe(true)
    expect(await other.page.getByRole('table').count()).toBe(0)
    await expectAccessible(other.page)
    await other.context.close()
    e2e.assertCleanConsole()
  })
})
