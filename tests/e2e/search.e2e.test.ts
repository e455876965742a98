import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importEsco } from '../../src/server/modules/occupations/import/esco'
import { importRome } from '../../src/server/modules/occupations/import/rome'
import { expectAccessible, startE2e } from './harness'

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))

let e2e: Awaited<ReturnType<typeof startE2e>>
let slug: string

beforeAll(async () => {
  e2e = await startE2e()
  await importRome({ db: e2e.t.db, folder: join(fixtures, 'rome/RefRomeCsv_v461') })
  await importEsco({ db: e2e.t.db, folder: join(fixtures, 'esco/v1.1.9') })
  slug = (await e2e.t.buildCentre()).slug
})
afterAll(() => e2e.close())

describe('one search', () => {
  it('answers as you type with the words found marked, filters by type, and leads to the page', async () => {
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await page.goto(`/c/${slug}`)
    await page.getByRole('link', { name: 'Chercher un métier, une formation, une documentation' }).click()
    const field = page.getByLabel('Que cherchez-vous ?')
    await expect.poll(() => field.isVisible()).toBe(true)
    await expectAccessible(page)

    await field.fill('soins hygiene')
    const result = page.getByRole('link', { name: 'Aide-soignant / Aide-soignante' })
    await expect.poll(() => result.isVisible()).toBe(true)
    expect(page.url()).toContain('q=soins+hygiene')
    const hit = page.getByRole('listitem').filter({ has: result })
    expect(await hit.locator('mark').first().textContent()).toMatch(/soins/i)
    expect(await hit.getByText('Métiers', { exact: true }).isVisible()).toBe(true)
    await expectAccessible(page)

    // Only trainings: none here, said plainly; the occupations filter still counts them.
    await page.getByRole('button', { name: /^Formations/ }).click()
    await expect.poll(() => page.getByText('Rien trouvé').isVisible()).toBe(true)
    expect(page.url()).toContain('types=training')
    expect(await page.getByRole('button', { name: /^Métiers \(\d+\)/ }).isVisible()).toBe(true)
    await expectAccessible(page)
    await page.getByRole('button', { name: /^Formations/ }).click()

    await result.click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Aide-soignant / Aide-soignante' }).isVisible())
      .toBe(true)
    await context.close()
    e2e.assertCleanConsole()
  })
})
