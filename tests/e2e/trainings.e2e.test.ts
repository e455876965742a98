import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importOnisep } from '../../src/server/modules/occupations/import/onisep'
import { importRome } from '../../src/server/modules/occupations/import/rome'
import { createCentreTraining } from '../../src/server/modules/trainings/centre-trainings'
import { expectAccessible, startE2e } from './harness'

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))
const SHOTS = process.env.E2E_SCREENSHOTS

let e2e: Awaited<ReturnType<typeof startE2e>>
let slug: string

beforeAll(async () => {
  e2e = await startE2e()
  await importRome({ db: e2e.t.db, folder: join(fixtures, 'rome/RefRomeCsv_v461') })
  await importOnisep({ db: e2e.t.db, folder: join(fixtures, 'onisep') })
  const centre = await e2e.t.buildCentre()
  slug = centre.slug
  await createCentreTraining({
    db: e2e.t.db,
    centreId: centre.id,
    actorUserId: null,
    input: {
      code: 'ASH-2026',
      title: 'Agent de service hospitalier',
      kind: 'formation qualifiante',
      level: 3,
      durationMonths: 9,
      place: 'Marseille',
      domains: ['santé - social - sport/paramédical'],
      description: 'Huit mois en centre de formation et un mois de stage à l’hôpital.',
    },
  })
})
afterAll(() => e2e.close())

/** Pictures of the page as a visitor sees it, on a computer and a phone, when asked for (E2E_SCREENSHOTS=<folder>). */
async function shoot(page: Page, name: string) {
  if (!SHOTS) return
  const size = page.viewportSize()
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: join(SHOTS, `${name}-phone.png`), fullPage: true })
  if (size) await page.setViewportSize(size)
}

describe('trainings', () => {
  it('finds a training with a filter, opens it, and follows it to an occupation, in French', async () => {
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await page.goto(`/c/${slug}`)
    await page.getByRole('link', { name: 'Trouver une formation' }).click()
    const field = page.getByLabel('Quelle formation ?')
    await expect.poll(() => field.isVisible()).toBe(true)
    await expect.poll(() => page.getByText('8 formations').isVisible()).toBe(true)
    await expectAccessible(page)
    await shoot(page, 'search-fr')

    await page.getByRole('link', { name: 'Niveau 5 : bac + 2 (2)' }).click()
    await expect.poll(() => page.getByText('2 formations').isVisible()).toBe(true)
    expect(page.url()).toContain('level=5')
    expect(
      await page.getByRole('link', { name: 'Titre professionnel gestionnaire de paie' }).isVisible(),
    ).toBe(true)
    await field.fill('informatique')
    const result = page.getByRole('link', { name: /^BTS Services informatiques/ })
    await expect.poll(() => page.getByText('1 formation', { exact: true }).isVisible()).toBe(true)
    expect(page.url()).toMatch(/level=5.*q=informatique|q=informatique.*level=5/)
    await expectAccessible(page)
    await shoot(page, 'search-fr-filtered')

    await result.click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: /^BTS Services informatiques/ }).isVisible())
      .toBe(true)
    for (const text of [
      'Niveau 5 sur 8 du cadre national des certifications : deux ans d’études après le bac, comme un BTS.',
      '2 ans',
      'brevet de technicien supérieur (BTS)',
    ])
      expect(await page.getByText(text, { exact: true }).isVisible(), text).toBe(true)
    expect(await page.getByRole('link', { name: /RNCP 35340/ }).getAttribute('href')).toBe(
      'https://www.francecompetences.fr/recherche/rncp/35340/',
    )
    expect(await page.getByRole('link', { name: 'La fiche complète sur onisep.fr' }).isVisible()).toBe(true)
    expect(await page.getByText(/^Source : Onisep – Idéo-Formations initiales en France/).isVisible()).toBe(
      true,
    )
    await expectAccessible(page)
    await shoot(page, 'training-fr')

    await page.getByRole('link', { name: 'Développeur / développeuse informatique' }).click()
    await expect
      .poll(() =>
        page.getByRole('heading', { level: 1, name: 'Développeur / développeuse informatique' }).isVisible(),
      )
      .toBe(true)
    // Its ROME fiche, and the trainings of its field, back again.
    expect(await page.getByRole('link', { name: 'Études et développement informatique' }).isVisible()).toBe(
      true,
    )
    expect(await page.getByRole('heading', { name: 'Formations qui y mènent' }).isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'BUT Informatique' }).isVisible()).toBe(true)
    expect(await page.getByText(/^Source : Onisep – Idéo-Métiers Onisep/).isVisible()).toBe(true)
    await expectAccessible(page)
    await shoot(page, 'occupation-fr')
    await page.getByRole('link', { name: 'Voir toutes les formations de ce domaine' }).click()
    await expect
      .poll(() => page.getByText('Domaine : informatique, Internet › informatique').isVisible())
      .toBe(true)
    await expect.poll(() => page.getByText('2 formations').isVisible()).toBe(true)
    await context.close()
    e2e.assertCleanConsole()
  })

  it('filters by place and duration in English, shows the centre’s own course, and says when nothing matches', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await page.goto(`/c/${slug}/trainings`)
    await page.getByRole('link', { name: '1 year or less (3)' }).click()
    await expect.poll(() => page.getByText('3 trainings').isVisible()).toBe(true)
    await page.getByRole('link', { name: 'Marseille (1)' }).click()
    await expect.poll(() => page.getByText('1 training', { exact: true }).isVisible()).toBe(true)
    expect(page.url()).toMatch(/maxMonths=12/)
    expect(page.url()).toMatch(/place=Marseille/)
    expect(await page.getByText('Offered by the centre').isVisible()).toBe(true)
    await expectAccessible(page)
    await shoot(page, 'search-en')

    await page.getByRole('link', { name: 'Agent de service hospitalier' }).click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Agent de service hospitalier' }).isVisible())
      .toBe(true)
    expect(
      await page
        .getByText(
          'Level 3 of 8 in the French qualifications framework: the level of a vocational certificate (CAP).',
        )
        .isVisible(),
    ).toBe(true)
    expect(await page.getByText('9 months', { exact: true }).isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'Aide-soignant / aide-soignante' }).isVisible()).toBe(true)
    expect(await page.getByText(/Source : Onisep/).count()).toBe(0)
    await expectAccessible(page)
    await shoot(page, 'training-en')

    await page.goto(`/c/${slug}/trainings?q=zzzzqqq`)
    await expect.poll(() => page.getByText('No training found').isVisible()).toBe(true)
    await page.getByRole('link', { name: 'Remove all filters' }).count()
    await expectAccessible(page)
    await shoot(page, 'search-en-empty')
    await context.close()
    e2e.assertCleanConsole()
  })

  it('lets a partner coordinator enter the centre’s own course and link it to an occupation, for visitors to find', async () => {
    const centre = await e2e.t.buildCentre()
    const coordinator = await e2e.t.buildStaff('partner_coordinator', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await e2e.signIn(page, coordinator.email, coordinator.password)
    await page.getByRole('link', { name: 'Formations du centre' }).click()
    await expect.poll(() => page.getByText('Aucune formation propre pour l’instant').isVisible()).toBe(true)
    // Only the section a coordinator may open.
    expect(await page.getByRole('link', { name: 'Espaces de conseil' }).count()).toBe(0)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Ajouter une formation' }).click()
    await expect.poll(() => page.getByLabel('Intitulé').isVisible()).toBe(true)
    await expectAccessible(page)

    // A mistake first: said next to the field, nothing saved.
    await page.getByLabel('Référence').fill('PREPA-AS')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect.poll(() => page.getByText('Ce champ est obligatoire.').isVisible()).toBe(true)
    await page.getByLabel('Intitulé').fill('Préparation au concours d’aide-soignant')
    await page.getByRole('button', { name: /Niveau/ }).click()
    await page.getByRole('option', { name: 'Niveau 4 : bac' }).click()
    await page.getByLabel('Durée en mois').fill('4')
    await page.getByLabel('Lieu').fill('Marseille')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect.poll(() => page.getByText('La formation est enregistrée.').isVisible()).toBe(true)
    await page.getByLabel('Chercher un métier à relier').fill('aide soignante')
    await page
      .getByRole('button', { name: 'Relier Aide-soignant / Aide-soignante – ROME (France Travail)' })
      .click()
    await expect
      .poll(() =>
        page
          .getByRole('button', { name: 'Retirer Aide-soignant / Aide-soignante – ROME (France Travail)' })
          .isVisible(),
      )
      .toBe(true)
    await expectAccessible(page)
    await shoot(page, 'staff-form-fr')
    await page.getByRole('link', { name: 'Formations du centre' }).click()
    await expect
      .poll(() =>
        page.getByRole('cell', { name: 'Préparation au concours d’aide-soignant', exact: true }).isVisible(),
      )
      .toBe(true)
    await expectAccessible(page)
    await shoot(page, 'staff-list-fr')

    await page.goto(`/c/${centre.slug}/occupations/rome/J1501`)
    const course = page.getByRole('link', { name: 'Préparation au concours d’aide-soignant' })
    await expect.poll(() => course.isVisible()).toBe(true)
    await course.click()
    await expect.poll(() => page.getByText('choisi par le centre').isVisible()).toBe(true)
    expect(await page.getByText('4 mois', { exact: true }).isVisible()).toBe(true)
    await context.close()
    e2e.assertCleanConsole()
  })
})
