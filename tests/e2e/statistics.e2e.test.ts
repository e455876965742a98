import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { partner } from '../../src/server/db/schema/centres'
import { createService } from '../../src/server/modules/directory/directory-service'
import { saveTheme } from '../../src/server/modules/interviews/interview-service'
import { addStaff } from '../../src/server/modules/staff/staff-service'
import { activityFactories } from '../../src/server/modules/statistics/testing'
import { duringOpeningHours, walkInCentre } from '../../src/server/test/walk-in'
import { expectAccessible, snap, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>

beforeAll(async () => {
  e2e = await startE2e()
})
afterAll(() => e2e.close())

describe('statistics', () => {
  it('counts an interview recorded at the desk in today’s dashboard, shows 3 as "<5" everywhere, exports it, reports the year, and shows a partner only its own', async () => {
    duringOpeningHours(e2e.t)
    const today = e2e.t.clock.now.toISOString().slice(0, 10)
    const centre = await walkInCentre(e2e.t)
    const centreId = centre.centre.id
    const [agencyA, agencyB] = await e2e.t.db
      .insert(partner)
      .values([
        { centreId, name: 'Agence A', description: {} },
        { centreId, name: 'Agence B', description: {} },
      ])
      .returning()
    if (!agencyA || !agencyB) throw new Error('no partners')
    const theme = async (slug: string, fr: string) =>
      (
        await saveTheme({
          db: e2e.t.db,
          centreId,
          actorUserId: null,
          input: { slug, name: { fr, en: fr }, areaId: null },
        })
      ).id
    const housing = await theme('logement', 'Logement')
    const cv = await theme('cv', 'CV et lettre')
    const jobInterview = await theme('entretien', 'Entretien d’embauche')
    await createService({
      db: e2e.t.db,
      centreId,
      actorUserId: null,
      input: {
        organisation: 'Foyer Exemple',
        name: { fr: 'Logement des jeunes travailleurs' },
        areaIds: [centre.job.id],
        lastVerified: '2026-11-01',
      },
    })
    const password = async (role: 'counsellor' | 'partner_coordinator', partnerId: string) => {
      const email = `${role}-${partnerId.slice(0, 8)}@staff.example`
      const added = await addStaff({
        db: e2e.t.db,
        auth: e2e.t.auth,
        actorUserId: null,
        input: { email, name: `Équipe ${role}`, role, centreId, partnerId },
      })
      return { email, password: added.password ?? '' }
    }

    // A counsellor of Agence A records the interview at the desk: two themes and a referral, then finish.
    const issued = await (await centre.take('emploi')).json()
    const counsellor = await password('counsellor', agencyA.id)
    const desk = await e2e.newPage({ locale: 'fr-FR' })
    await e2e.signIn(desk.page, counsellor.email, counsellor.password)
    await desk.page.goto(`/staff/c/${centre.centre.slug}/desk`)
    await desk.page.getByText('E · Trouver un emploi').click()
    await desk.page.getByRole('button', { name: 'Ouvrir le guichet' }).click()
    await desk.page.getByRole('button', { name: 'Appeler le suivant' }).click()
    await expect.poll(() => desk.page.locator('#current-code').textContent()).toBe(issued.code)
    await desk.page.getByRole('button', { name: 'Commencer l’entretien' }).click()
    await desk.page.getByRole('button', { name: 'Logement', exact: true }).click()
    await desk.page.getByRole('button', { name: 'CV et lettre' }).click()
    await desk.page.getByRole('button', { name: 'Logement des jeunes travailleurs — Foyer Exemple' }).click()
    await desk.page.getByRole('button', { name: 'Terminer' }).click()
    await expect
      .poll(() => desk.page.getByRole('button', { name: 'Appeler le suivant' }).isVisible())
      .toBe(true)
    await desk.context.close()

    // Earlier today: two more housing interviews for Agence A, six job-interview ones for Agence B.
    const activity = activityFactories(e2e.t)
    await activity.buildInterviews(2, {
      centreId,
      areaId: centre.job.id,
      partnerId: agencyA.id,
      day: today,
      themeIds: [housing],
      outcomes: ['information'],
    })
    await activity.buildInterviews(6, {
      centreId,
      areaId: centre.training.id,
      partnerId: agencyB.id,
      day: today,
      themeIds: [jobInterview, cv],
      outcomes: ['information'],
    })

    // The manager: today's dashboard.
    const manager = await e2e.t.buildStaff('manager', centreId)
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await e2e.signIn(page, manager.email, manager.password)
    await page.getByRole('link', { name: 'Statistiques' }).first().click()
    await page.getByRole('link', { name: 'Aujourd’hui' }).click()
    const interviews = page.locator('#interviews')
    await expect
      .poll(() => interviews.getByRole('heading', { name: 'Thèmes abordés' }).isVisible())
      .toBe(true)
    const row = (name: string | RegExp) => interviews.getByRole('row', { name })
    // Nine interviews in all; the three about housing are withheld wherever they appear.
    expect(await interviews.getByText('9', { exact: true }).first().isVisible()).toBe(true)
    await expect.poll(() => row(/^Logement/).textContent()).toContain('<5')
    expect(await row(/^CV et lettre/).textContent()).toContain('7')
    expect(await row(/Foyer Exemple/).textContent()).toContain('<5')
    await snap(page, 'statistics-today')
    await expectAccessible(page)

    // The themes as CSV: the same "<5".
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporter en CSV : Thèmes abordés' }).click(),
    ])
    const csv = await readFile((await download.path()) ?? '', 'utf8')
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual(
      expect.arrayContaining(['theme,interviews', 'Logement,<5', 'CV et lettre,7', 'Entretien d’embauche,6']),
    )

    // The annual report, ready to print: the housing theme withheld there too.
    await page.getByRole('link', { name: 'Rapport d’activité annuel' }).click()
    const year = today.slice(0, 4)
    await expect
      .poll(() =>
        page.getByRole('heading', { level: 1, name: new RegExp(`Rapport d’activité ${year}`) }).isVisible(),
      )
      .toBe(true)
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /^Logement/ })
          .first()
          .textContent(),
      )
      .toContain('<5')
    await expectAccessible(page)
    await page.emulateMedia({ media: 'print' })
    await snap(page, 'statistics-report-print')
    await page.emulateMedia({ media: 'screen' })
    await context.close()

    // Agence A's coordinator: their three interviews only, shown as "<5", and none of Agence B's.
    const coordinator = await password('partner_coordinator', agencyA.id)
    const own = await e2e.newPage({ locale: 'fr-FR' })
    await e2e.signIn(own.page, coordinator.email, coordinator.password)
    await own.page.goto(`/staff/c/${centre.centre.slug}/statistics?period=today`)
    const theirs = own.page.locator('#interviews')
    await expect.poll(() => theirs.getByRole('row', { name: /^Logement/ }).isVisible()).toBe(true)
    expect(await theirs.getByRole('row', { name: /^Logement/ }).textContent()).toContain('<5')
    expect(await theirs.getByRole('row', { name: /Entretien d’embauche/ }).count()).toBe(0)
    expect(await own.page.getByRole('heading', { name: 'Visites', exact: true }).count()).toBe(0)
    await expectAccessible(own.page)
    await own.context.close()

    // A network admin compares the centres.
    const admin = await e2e.t.buildStaff('network_admin', null)
    const network = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(network.page, admin.email, admin.password)
    await network.page.goto('/staff/network/statistics?period=today')
    await expect
      .poll(() =>
        network.page
          .getByRole('row', { name: new RegExp(centre.centre.slug) })
          .first()
          .isVisible(),
      )
      .toBe(true)
    await expectAccessible(network.page)
    await network.context.close()
    e2e.assertCleanConsole()
  }, 180_000)
})
