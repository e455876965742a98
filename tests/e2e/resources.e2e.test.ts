import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replaceWeeklyHours } from '../../src/server/modules/centres/hours-service'
import { catalogueFactories } from '../../src/server/modules/resources/testing'
import { createTheme } from '../../src/server/modules/resources/themes-service'
import { expectAccessible, snap, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>

beforeAll(async () => {
  e2e = await startE2e()
})
afterAll(() => e2e.close())

/** A centre open around the clock, with an area "Trouver un emploi" and a theme "CV et candidatures". */
async function buildCentre() {
  const { t } = e2e
  const centre = await t.buildCentre()
  await replaceWeeklyHours({
    db: t.db,
    centreId: centre.id,
    actorUserId: null,
    input: {
      spans: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '23:59' })),
    },
  })
  const area = await t.buildArea(centre.id, {
    slug: 'trouver-emploi',
    name: { fr: 'Trouver un emploi', en: 'Find a job' },
    colour: '#2e7d4f',
    pictogram: 'briefcase',
    ticketLetter: 'E',
  })
  const other = await t.buildArea(centre.id, {
    slug: 'se-former',
    name: { fr: 'Se former', en: 'Train and learn' },
    colour: '#8a5a00',
    pictogram: 'graduation',
    ticketLetter: 'F',
  })
  const theme = await createTheme({
    db: t.db,
    centreId: centre.id,
    actorUserId: null,
    input: { slug: 'cv-candidature', name: { fr: 'CV et candidatures', en: 'CVs and applications' } },
  })
  return { centre, area, other, theme }
}

describe('the resource catalogue', () => {
  it('lets a manager add a resource, which a visitor then finds by area and theme, with its shelf', async () => {
    const { centre, other } = await buildCentre()
    await catalogueFactories(e2e.t).shelve(centre.id, {
      type: 'website',
      title: 'Mon Compte Formation',
      url: 'https://www.moncompteformation.gouv.fr',
      areaIds: [other.id],
    })
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await e2e.signIn(page, manager.email, manager.password)
    await page.getByRole('link', { name: 'Gestion du centre' }).click()
    await page.getByRole('link', { name: 'Catalogue de ressources' }).click()
    await expect
      .poll(() => page.getByRole('cell', { name: 'Mon Compte Formation', exact: true }).isVisible())
      .toBe(true)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Ajouter une ressource' }).click()
    const title = page.getByLabel('Titre', { exact: true })
    await expect.poll(() => title.isVisible()).toBe(true)
    await expectAccessible(page)

    // Neither a shelf nor an address: said plainly, nothing saved.
    await title.fill('Le guide du CV')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect
      .poll(() =>
        page
          .getByText('Dites où la trouver : un emplacement en rayon, une adresse web, ou les deux.')
          .isVisible(),
      )
      .toBe(true)
    await expectAccessible(page)
    await snap(page, 'resources-form-errors')

    await page
      .getByLabel('Résumé en mots simples')
      .fill('Modèles commentés pour un premier emploi ou une reconversion.')
    await page.getByLabel('Emplacement en rayon').fill('B2 — Emploi')
    await page.getByLabel('Nombre d’exemplaires').fill('3')
    await page.getByLabel('Éditeur').fill('Éditions de la Démo')
    await page.getByRole('checkbox', { name: 'Trouver un emploi' }).check({ force: true })
    await page.getByRole('checkbox', { name: 'CV et candidatures' }).check({ force: true })
    await page.getByRole('checkbox', { name: 'Français' }).check({ force: true })
    await page.getByRole('checkbox', { name: 'En recherche d’emploi' }).check({ force: true })
    await page
      .getByRole('checkbox', { name: 'Écrite en facile à lire et à comprendre' })
      .check({ force: true })
    await snap(page, 'resources-form-filled')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect.poll(() => page.getByText('« Le guide du CV » est enregistrée.').isVisible()).toBe(true)
    await expect
      .poll(() => page.getByRole('cell', { name: 'Le guide du CV', exact: true }).isVisible())
      .toBe(true)
    await expectAccessible(page)
    await snap(page, 'resources-catalogue')
    await context.close()

    // A visitor, anonymous, from the portal home.
    const visitor = await e2e.newPage({ locale: 'fr-FR' })
    const v = visitor.page
    await v.goto(`/c/${centre.slug}`)
    await v.getByRole('link', { name: 'Consulter les ressources' }).click()
    await expect.poll(() => v.getByRole('heading', { name: 'Par espace' }).isVisible()).toBe(true)
    await expectAccessible(v)
    await snap(v, 'browse')
    await v
      .getByRole('link', { name: /Trouver un emploi/ })
      .first()
      .click()
    await expect.poll(() => v.getByRole('heading', { name: '1 ressource' }).isVisible()).toBe(true)
    expect(v.url()).toContain('area=trouver-emploi')
    expect(await v.getByRole('link', { name: 'Mon Compte Formation' }).count()).toBe(0)
    await expectAccessible(v)
    await snap(v, 'by-area')

    // Then by theme alone: the filter is a link, kept in the address.
    await v.getByRole('link', { name: 'Tout' }).first().click()
    await v.getByRole('link', { name: 'CV et candidatures (1)' }).click()
    await expect.poll(() => v.url()).toContain('theme=cv-candidature')
    await expect.poll(() => v.getByRole('heading', { name: '1 ressource' }).isVisible()).toBe(true)
    await v.getByRole('link', { name: 'Le guide du CV' }).click()
    await expect
      .poll(() => v.getByRole('heading', { level: 1, name: 'Le guide du CV' }).isVisible())
      .toBe(true)
    expect(await v.getByText('B2 — Emploi — 3 exemplaires').isVisible()).toBe(true)
    expect(
      await v.getByRole('heading', { name: 'Demandez conseil à l’espace « Trouver un emploi »' }).isVisible(),
    ).toBe(true)
    expect(await v.getByText('Ouvert jusqu’à 23:59').isVisible()).toBe(true)
    expect(await v.getByText('Facile à lire').first().isVisible()).toBe(true)
    await expectAccessible(v)
    await snap(v, 'resource')
    await v.emulateMedia({ media: 'print' })
    await snap(v, 'resource-print')
    await v.emulateMedia({ media: 'screen' })

    // The area's link leads back to the other resources it holds.
    await v.getByRole('link', { name: 'Autres ressources de cet espace' }).click()
    await expect.poll(() => v.url()).toContain('area=trouver-emploi')
    await visitor.context.close()
    e2e.assertCleanConsole()
  })

  it('answers as a visitor types, says when nothing matches, and opens a website resource', async () => {
    const { centre, area } = await buildCentre()
    await catalogueFactories(e2e.t).shelve(centre.id, {
      type: 'website',
      title: 'France Travail — offres d’emploi',
      summary: 'Chercher des offres et préparer ses candidatures.',
      url: 'https://www.francetravail.fr',
      areaIds: [area.id],
      languages: ['fr'],
    })
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await page.goto(`/c/${centre.slug}/resources`)
    const field = page.getByLabel('Search the resources')
    await expect.poll(() => field.isVisible()).toBe(true)
    await field.fill('offres')
    await expect.poll(() => page.url()).toContain('q=offres')
    await expect
      .poll(() => page.getByRole('link', { name: 'France Travail — offres d’emploi' }).isVisible())
      .toBe(true)
    await expectAccessible(page)
    await field.fill('zzzzqqq')
    await expect.poll(() => page.getByRole('heading', { name: 'No resource matches' }).isVisible()).toBe(true)
    await expectAccessible(page)
    await snap(page, 'resources-no-results')
    await field.fill('offres')
    await page.getByRole('link', { name: 'France Travail — offres d’emploi' }).click()
    const open = page.getByRole('link', { name: 'Open the website' })
    await expect.poll(() => open.isVisible()).toBe(true)
    expect(await open.getAttribute('href')).toBe('https://www.francetravail.fr')
    expect(await page.getByText('external site, www.francetravail.fr').isVisible()).toBe(true)
    await expectAccessible(page)

    // A resource that does not exist (any more): said plainly.
    await page.goto(`/c/${centre.slug}/resources/${crypto.randomUUID()}`)
    await expect
      .poll(() => page.getByRole('heading', { name: 'Resource not found' }).first().isVisible())
      .toBe(true)
    await expectAccessible(page)
    await context.close()
    // The 404 of the missing resource is the expected answer, not a fault of the page.
    e2e.assertCleanConsole({ allow: /404 \(Not Found\)/ })
  })

  it('shows an empty catalogue honestly', async () => {
    const centre = await e2e.t.buildCentre()
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await page.goto(`/c/${centre.slug}/resources`)
    await expect
      .poll(() => page.getByRole('heading', { name: 'Le centre de ressources se prépare' }).isVisible())
      .toBe(true)
    await expectAccessible(page)
    await context.close()
    e2e.assertCleanConsole()
  })
})

describe('themes and CSV, for staff', () => {
  it('edits the themes vocabulary and imports a CSV, reporting a bad line before a good file', async () => {
    const { centre } = await buildCentre()
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await e2e.signIn(page, manager.email, manager.password)
    await page.goto(`/staff/c/${centre.slug}/manager/resource-themes`)
    await expect
      .poll(() => page.getByRole('cell', { name: 'CV et candidatures', exact: true }).isVisible())
      .toBe(true)
    await page.getByLabel('Nom du thème (français)').fill('Entretien d’embauche')
    await page.getByLabel('Nom du thème (anglais)').fill('Job interviews')
    await page.getByLabel('Identifiant').fill('entretien')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect
      .poll(() => page.getByRole('cell', { name: 'Entretien d’embauche', exact: true }).isVisible())
      .toBe(true)
    await page.getByRole('button', { name: 'Monter « Entretien d’embauche »' }).click()
    await expect
      .poll(async () => (await page.getByRole('row').nth(1).textContent()) ?? '')
      .toContain('Entretien d’embauche')
    await expectAccessible(page)
    await snap(page, 'resources-themes')

    await page.getByRole('link', { name: 'Import et export CSV' }).click()
    await expect.poll(() => page.getByLabel('Fichier CSV', { exact: true }).isVisible()).toBe(true)
    await expectAccessible(page)
    const folder = tmpdir()
    const bad = join(folder, `catalogue-bad-${Date.now()}.csv`)
    await writeFile(
      bad,
      'type,title,shelf,areas\nguide,Bon guide,A1,trouver-emploi\nposter,Affiche,A2,nulle-part\n',
    )
    await page.getByLabel('Fichier CSV', { exact: true }).setInputFiles(bad)
    await page.getByRole('button', { name: 'Importer' }).click()
    await expect.poll(() => page.getByRole('table', { name: 'Lignes à corriger' }).isVisible()).toBe(true)
    expect(await page.getByRole('alert').textContent()).toContain(
      '1 ligne ne convient pas : rien n’a été importé.',
    )
    expect(
      await page
        .getByRole('cell', {
          name: 'Aucun espace de ce centre n’a l’identifiant « nulle-part ».',
          exact: true,
        })
        .isVisible(),
    ).toBe(true)
    await expectAccessible(page)
    await snap(page, 'resources-import-errors')

    const good = join(folder, `catalogue-good-${Date.now()}.csv`)
    await writeFile(good, 'type,title,shelf,areas,themes\nguide,Bon guide,A1,trouver-emploi,entretien\n')
    await page.getByLabel('Fichier CSV', { exact: true }).setInputFiles(good)
    await page.getByRole('button', { name: 'Importer' }).click()
    await expect
      .poll(() => page.getByText('Import terminé : 1 ressource ajoutée, aucune mise à jour.').isVisible())
      .toBe(true)
    await expectAccessible(page)

    // The export downloads the catalogue with what was just imported.
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Télécharger le catalogue (CSV)' }).click()
    const file = await (await download).path()
    expect(await readFile(file, 'utf8')).toContain('Bon guide')
    await context.close()
    // The refused file's 422 is the answer the page reports, not a fault.
    e2e.assertCleanConsole({ allow: /422 \(Unprocessable Entity\)/ })
  })

  it('lets a partner coordinator reach the catalogue and change only their partner’s resources', async () => {
    const { centre } = await buildCentre()
    const f = catalogueFactories(e2e.t)
    const partner = await f.buildPartner(centre.id, 'Mission Jeunesse Démo')
    await catalogueFactories(e2e.t).shelve(
      centre.id,
      { type: 'leaflet', title: 'Jobs d’été', shelf: 'Présentoir' },
      partner.id,
    )
    await catalogueFactories(e2e.t).shelve(centre.id, {
      type: 'guide',
      title: 'Guide du centre',
      shelf: 'A1',
    })
    const { addStaff } = await import('../../src/server/modules/staff/staff-service')
    const email = `coordination-${Date.now()}@staff.example`
    const added = await addStaff({
      db: e2e.t.db,
      auth: e2e.t.auth,
      actorUserId: null,
      input: {
        email,
        name: 'Coordination',
        role: 'partner_coordinator',
        centreId: centre.id,
        partnerId: partner.id,
      },
    })
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(page, email, added.password ?? '')
    await page.getByRole('link', { name: 'Resource catalogue' }).click()
    await expect
      .poll(() => page.getByRole('cell', { name: 'Guide du centre', exact: true }).isVisible())
      .toBe(true)
    // Their own resource can be edited and removed; the centre's only seen.
    expect(await page.getByRole('link', { name: 'Edit “Jobs d’été”' }).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Remove “Jobs d’été”' }).isVisible()).toBe(true)
    expect(await page.getByRole('link', { name: 'See “Guide du centre”' }).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Remove “Guide du centre”' }).count()).toBe(0)
    // Only the catalogue's sections in their navigation.
    const nav = page.getByRole('navigation', { name: 'Centre management' })
    expect(await nav.getByRole('link', { name: 'Resource themes' }).count()).toBe(0)
    expect(await nav.getByRole('link', { name: 'Areas' }).count()).toBe(0)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'See “Guide du centre”' }).click()
    await expect
      .poll(() =>
        page
          .getByText('This resource comes from another partner: you can read it, not change it.')
          .isVisible(),
      )
      .toBe(true)
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0)
    await expectAccessible(page)
    await context.close()
    e2e.assertCleanConsole()
  })
})
