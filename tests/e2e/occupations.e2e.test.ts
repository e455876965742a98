import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importEsco } from '../../src/server/modules/occupations/import/esco'
import { importRome } from '../../src/server/modules/occupations/import/rome'
import { catalogueFactories } from '../../src/server/modules/resources/testing'
import { expectAccessible, snap, startE2e } from './harness'

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))
const patiently = { timeout: 10_000 }

let e2e: Awaited<ReturnType<typeof startE2e>>
let slug: string

beforeAll(async () => {
  e2e = await startE2e()
  await importRome({ db: e2e.t.db, folder: join(fixtures, 'rome/RefRomeCsv_v461') })
  await importEsco({ db: e2e.t.db, folder: join(fixtures, 'esco/v1.1.9') })
  const centre = await e2e.t.buildCentre()
  slug = centre.slug
  // The centre's documentation shelves a guide about the fiche, in its "Se former" area.
  const area = await e2e.t.buildArea(centre.id, {
    slug: 'se-former',
    name: { fr: 'Se former', en: 'Train and learn' },
    ticketLetter: 'F',
  })
  await catalogueFactories(e2e.t).shelve(centre.id, {
    type: 'guide',
    title: 'Les métiers du soin',
    summary: 'Aide-soignant, auxiliaire de puériculture : les études, les concours.',
    shelf: 'C3 — Santé',
    copies: 2,
    areaIds: [area.id],
    occupations: [{ taxonomy: 'rome', code: 'J1501' }],
  })
})
afterAll(() => e2e.close())

describe('occupations', () => {
  it('finds "aide soignante" in French as you type, and shows the occupation with its skills and where it leads', async () => {
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await page.goto(`/c/${slug}`)
    await page.getByRole('link', { name: 'Explorer les métiers' }).click()
    const field = page.getByLabel('Quel métier ?')
    await expect.poll(() => field.isVisible(), patiently).toBe(true)
    await expectAccessible(page)
    await field.fill('aide soignante')
    const result = page.getByRole('link', { name: 'Aide-soignant / Aide-soignante' })
    await expect.poll(() => result.isVisible(), patiently).toBe(true)
    expect(page.url()).toContain('q=aide+soignante')
    await expectAccessible(page)

    await result.click()
    await expect
      .poll(
        () => page.getByRole('heading', { level: 1, name: 'Aide-soignant / Aide-soignante' }).isVisible(),
        patiently,
      )
      .toBe(true)
    expect(await page.getByRole('heading', { name: 'Savoir-faire' }).isVisible()).toBe(true)
    expect(await page.getByText("Surveiller l'état de santé général de la personne").isVisible()).toBe(true)
    expect(await page.getByText('Source : France Travail – ROME 4.0 (RefRomeCsv v4.61)').isVisible()).toBe(
      true,
    )
    // The centre's documentation about it, and the area to talk about it in.
    expect(
      await page.getByRole('heading', { name: 'À consulter au centre de documentation' }).isVisible(),
    ).toBe(true)
    expect(await page.getByText('En rayon : C3 — Santé').isVisible()).toBe(true)
    expect(
      await page.getByRole('heading', { name: 'Demandez conseil à l’espace « Se former »' }).isVisible(),
    ).toBe(true)
    await expectAccessible(page)
    await snap(page, 'occupation-page')
    // Where it can lead: another occupation's page, one click away, and back.
    await page
      .getByRole('link', { name: "Conducteur / Conductrice d'engins de déplacement des charges" })
      .click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), patiently)
      .toBe("Conducteur / Conductrice d'engins de déplacement des charges")
    await page.goBack()
    // The guide's own page says where it is on the shelf.
    await page.getByRole('link', { name: 'Les métiers du soin' }).click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), patiently)
      .toBe('Les métiers du soin')
    expect(await page.getByText('C3 — Santé — 2 exemplaires').isVisible()).toBe(true)
    await expectAccessible(page)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('finds "forklift driver" in English, with a typo too, and credits ESCO', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await page.goto(`/c/${slug}/occupations?q=forklif%20driver`)
    const result = page.getByRole('link', { name: 'forklift operator' })
    await expect.poll(() => result.isVisible(), patiently).toBe(true)
    expect(await page.getByText('Also called: forklift driver').isVisible()).toBe(true)
    await result.click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'forklift operator' }).isVisible(), patiently)
      .toBe(true)
    expect(await page.getByText('operate forklift', { exact: true }).isVisible()).toBe(true)
    expect(await page.getByRole('heading', { name: 'Useful too' }).isVisible()).toBe(true)
    expect(
      await page
        .getByText('This service uses the ESCO classification of the European Commission (v1.1.9).')
        .isVisible(),
    ).toBe(true)
    await expectAccessible(page)

    // Nothing found: said plainly, with what to do instead.
    await page.goto(`/c/${slug}/occupations?q=zzzzqqq`)
    await expect.poll(() => page.getByText('No occupation found').isVisible(), patiently).toBe(true)
    await expectAccessible(page)
    await context.close()
    e2e.assertCleanConsole()
  })
})
