import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replaceWeeklyHours } from '../../src/server/modules/centres/hours-service'
import { createService } from '../../src/server/modules/directory/directory-service'
import { addStaff } from '../../src/server/modules/staff/staff-service'
import { expectAccessible, snap, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>

beforeAll(async () => {
  e2e = await startE2e()
})
afterAll(() => e2e.close())

describe('partners', () => {
  it('a manager adds a partner, its coordinator invites a counsellor and rotas them, visitors see the advice without names, the counsellor writes down what they know', async () => {
    const centre = await e2e.t.buildCentre()
    await createService({
      db: e2e.t.db,
      centreId: centre.id,
      actorUserId: null,
      input: {
        organisation: 'Foyer Exemple',
        name: { fr: 'Logement des jeunes travailleurs' },
        description: { fr: 'Chambres meublées pour les jeunes qui commencent à travailler.' },
        lastVerified: '2026-10-01',
      },
    })
    await e2e.t.buildArea(centre.id, {
      slug: 'creer',
      name: { fr: 'Créer son activité', en: 'Start a business' },
    })
    await replaceWeeklyHours({
      db: e2e.t.db,
      centreId: centre.id,
      actorUserId: null,
      input: { spans: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '18:00' })) },
    })
    const manager = await e2e.t.buildStaff('manager', centre.id)

    // The manager adds the partner.
    const office = await e2e.newPage({ locale: 'fr-FR' })
    await e2e.signIn(office.page, manager.email, manager.password)
    await office.page.goto(`/staff/c/${centre.slug}/partners`)
    await expect.poll(() => office.page.getByText('Aucun partenaire pour l’instant').isVisible()).toBe(true)
    await expectAccessible(office.page)
    await office.page.getByRole('link', { name: 'Ajouter un partenaire' }).click()
    await office.page.getByLabel('Nom', { exact: true }).fill('Maison de la Création Exemple')
    await office.page.getByRole('button', { name: /Type de structure/ }).click()
    await office.page.getByRole('option', { name: 'Création d’entreprise' }).click()
    await office.page.getByLabel('Présentation (français)').fill('Accompagne les porteurs de projet.')
    await office.page.getByLabel('Contact pour les équipes').fill('Bureau 3, poste 214')
    await office.page.getByText('Créer son activité').click()
    await expectAccessible(office.page)
    await office.page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect.poll(() => office.page.getByText('Le partenaire est enregistré.').isVisible()).toBe(true)
    const partnerId = office.page.url().split('/partners/')[1] ?? ''
    expect(partnerId).toMatch(/^[0-9a-f-]{36}$/)

    // Its coordinator, in English, completes the card and invites a counsellor.
    const coordinatorEmail = `coordination-${Date.now()}@staff.example`
    const added = await addStaff({
      db: e2e.t.db,
      auth: e2e.t.auth,
      actorUserId: null,
      input: {
        email: coordinatorEmail,
        name: 'Coordination',
        role: 'partner_coordinator',
        centreId: centre.id,
        partnerId,
      },
    })
    const desk = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(desk.page, coordinatorEmail, added.password ?? '')
    await desk.page.getByRole('link', { name: 'Partners', exact: true }).click()
    await desk.page.getByRole('link', { name: 'Maison de la Création Exemple' }).click()
    await desk.page.getByLabel('About (English)').fill('Supports people starting a business.')
    await desk.page.getByLabel('Website').fill('https://creation.example.org')
    await desk.page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => desk.page.getByText('The partner is saved.').isVisible()).toBe(true)
    await desk.page.getByLabel('Counsellor’s name').fill('Inès Conseil')
    const inesEmail = `ines-${Date.now()}@example.org`
    await desk.page.getByLabel('Their email address').fill(inesEmail)
    await desk.page.getByRole('button', { name: 'Invite', exact: true }).click()
    await expect
      .poll(() => desk.page.locator('.invite-link').textContent())
      .toMatch(/\/staff\/reset-password\?token=/)
    const inviteLink = (await desk.page.locator('.invite-link').textContent()) ?? ''
    await expect.poll(() => desk.page.getByText(/^Inès Conseil/).isVisible()).toBe(true)
    await expectAccessible(desk.page)
    await snap(desk.page, 'partner-form-en')

    // The coordinator puts Inès on the rota, Tuesday mornings, in "start a business".
    await desk.page.goto(`/staff/c/${centre.slug}/rota`)
    await expect.poll(() => desk.page.getByText('No shift yet').isVisible()).toBe(true)
    await desk.page.getByRole('button', { name: /Area$/ }).click()
    await desk.page.getByRole('option', { name: 'Start a business' }).click()
    await desk.page.getByRole('button', { name: /Expertise$/ }).click()
    await desk.page.getByRole('option', { name: 'Starting a business' }).click()
    await desk.page.getByRole('button', { name: /Counsellor$/ }).click()
    await desk.page.getByRole('option', { name: 'Inès Conseil' }).click()
    await desk.page.getByRole('button', { name: /Day$/ }).click()
    await desk.page.getByRole('option', { name: 'Tuesday' }).click()
    await desk.page.getByLabel('Starts').fill('10:00')
    await desk.page.getByLabel('Ends').fill('13:00')
    await desk.page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect
      .poll(() =>
        desk.page.getByRole('cell', { name: 'Every Tuesday, 10:00 – 13:00', exact: true }).isVisible(),
      )
      .toBe(true)
    // Saturday is outside the centre's hours: refused, said plainly.
    await desk.page.getByRole('button', { name: /Day$/ }).click()
    await desk.page.getByRole('option', { name: 'Saturday' }).click()
    await desk.page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect
      .poll(() =>
        desk.page.getByText('The shift must fit within the area’s opening hours.').first().isVisible(),
      )
      .toBe(true)
    // The shift ends earlier from now on: changed in place.
    await desk.page.getByRole('button', { name: 'Change: Every Tuesday, 10:00 – 13:00' }).click()
    await expect
      .poll(() => desk.page.getByRole('heading', { name: 'Change the shift' }).isVisible())
      .toBe(true)
    await desk.page.getByLabel('Ends').fill('12:30')
    await desk.page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect
      .poll(() =>
        desk.page.getByRole('cell', { name: 'Every Tuesday, 10:00 – 12:30', exact: true }).isVisible(),
      )
      .toBe(true)
    await expectAccessible(desk.page)
    await snap(desk.page, 'rota-en')

    // Visitors see the card: no staff contact, nothing ranked.
    const visitor = await e2e.newPage({ locale: 'fr-FR' })
    await visitor.page.goto(`/c/${centre.slug}`)
    await visitor.page.getByRole('link', { name: 'Les partenaires du centre' }).click()
    await expect
      .poll(() => visitor.page.getByRole('heading', { name: 'Maison de la Création Exemple' }).isVisible())
      .toBe(true)
    expect(await visitor.page.getByText('Accompagne les porteurs de projet.').isVisible()).toBe(true)
    expect(await visitor.page.getByText('Créer son activité').isVisible()).toBe(true)
    expect(
      await visitor.page.getByRole('link', { name: 'Site web (creation.example.org)' }).isVisible(),
    ).toBe(true)
    expect(await visitor.page.getByText(/poste 214/).count()).toBe(0)
    await expectAccessible(visitor.page)
    await snap(visitor.page, 'partners-public-fr')

    // The advice of the week: the expertise on Tuesday morning, without the partner's or anyone's name,
    // on the area's card of the portal and on a page of its own.
    await visitor.page.goto(`/c/${centre.slug}`)
    await expect
      .poll(() => visitor.page.locator('.concern__advice').textContent())
      .toBe('Création d’activité : mar. 10:00–12:30')
    await expectAccessible(visitor.page)
    await visitor.page.getByRole('link', { name: 'Conseils spécialisés : qui est là, quand' }).click()
    const tuesday = visitor.page.getByRole('region', { name: /^Mardi/ })
    await expect
      .poll(() => tuesday.textContent())
      .toMatch(/10:00 – 12:30.*Création d’activité · Créer son activité/)
    expect(await visitor.page.getByText('Maison de la Création Exemple').count()).toBe(0)
    expect(await visitor.page.getByText('Inès').count()).toBe(0)
    await expectAccessible(visitor.page)
    await snap(visitor.page, 'advice-fr')

    // Inès follows her invitation, finds a housing service for young people in the directory and writes
    // down for her colleagues how to refer to it — markup that would be unsafe is kept inert.
    const ines = await e2e.newPage({ locale: 'fr-FR' })
    await ines.page.goto(new URL(inviteLink).pathname + new URL(inviteLink).search)
    await ines.page.getByLabel('Nouveau mot de passe').fill('un mot de passe bien long')
    await ines.page.getByLabel('Confirmer le mot de passe').fill('un mot de passe bien long')
    await ines.page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click()
    await expect.poll(() => ines.page.getByText('Votre mot de passe est enregistré.').isVisible()).toBe(true)
    await e2e.signIn(ines.page, inesEmail, 'un mot de passe bien long')
    await ines.page.getByRole('link', { name: 'Annuaire d’orientation' }).click()
    await ines.page.getByLabel('Que cherchez-vous ?').fill('logement jeunes')
    await expect.poll(() => ines.page.getByRole('row').count()).toBe(2)
    await expectAccessible(ines.page)
    await ines.page
      .getByRole('link', { name: 'Écrire une note sur « Logement des jeunes travailleurs »' })
      .click()
    await expect
      .poll(() => ines.page.getByText('Logement des jeunes travailleurs — Foyer Exemple').isVisible())
      .toBe(true)
    await ines.page.getByLabel('Titre').fill('Orienter vers le foyer')
    await ines.page
      .getByLabel('Texte')
      .fill(
        'Appeler **le matin**.\n\n<script>window.pwned = true</script>\n\n[piège](javascript:window.pwned=true)',
      )
    await ines.page.getByLabel('Mots-clés').fill('Logement, jeunes')
    await expect
      .poll(() => ines.page.getByRole('region', { name: 'Aperçu' }).locator('strong').textContent())
      .toBe('le matin')
    await expectAccessible(ines.page)
    await snap(ines.page, 'knowledge-form-fr')
    await ines.page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect
      .poll(() => ines.page.getByRole('heading', { name: 'Orienter vers le foyer' }).isVisible())
      .toBe(true)
    expect(await ines.page.getByText(/^Écrite par Inès Conseil le/).isVisible()).toBe(true)
    expect(await ines.page.locator('.markdown script').count()).toBe(0)
    expect(await ines.page.getByText('piège').getAttribute('href')).toBeNull()
    await ines.page.getByText('piège').click()
    expect(await ines.page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined()
    expect(await ines.page.getByRole('link', { name: 'Logement des jeunes travailleurs' }).isVisible()).toBe(
      true,
    )
    await expectAccessible(ines.page)
    await snap(ines.page, 'knowledge-note-fr')

    // A colleague of another partner finds it by its words, changes it; the history keeps both versions.
    await desk.page.goto(`/staff/c/${centre.slug}/knowledge`)
    await desk.page.getByLabel('Search the notes').fill('foyers logements')
    await expect.poll(() => desk.page.url()).toContain('q=foyers+logements')
    await desk.page.getByRole('link', { name: 'Orienter vers le foyer' }).click()
    await expect.poll(() => desk.page.getByRole('link', { name: 'Edit' }).isVisible()).toBe(true)
    await desk.page.getByRole('link', { name: 'Edit' }).click()
    await desk.page.getByLabel('Text').fill('Appeler **le matin**, avant 11 h.')
    await desk.page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => desk.page.getByText(/last changed by Coordination/).isVisible()).toBe(true)
    await desk.page.getByRole('link', { name: 'History (2 versions)' }).click()
    await expect.poll(() => desk.page.locator('.note-diff ins').first().textContent()).toContain('11')
    await expectAccessible(desk.page)
    await snap(desk.page, 'knowledge-history-en')
    await desk.page.goto(`/staff/c/${centre.slug}/knowledge`)
    await expect.poll(() => desk.page.getByText('1 note', { exact: true }).isVisible()).toBe(true)
    await expectAccessible(desk.page)
    await snap(desk.page, 'knowledge-list-en')

    for (const { context } of [office, desk, visitor, ines]) await context.close()
    // The Saturday shift was refused on purpose: its 422 is the only error expected.
    e2e.assertCleanConsole({ allow: /rota: .*422/ })
  }, 180_000)
})

describe('referral directory', () => {
  it('lets anyone find a service by a few words, with what to know before going', async () => {
    const centre = await e2e.t.buildCentre()
    for (const input of [
      {
        organisation: 'Foyer Exemple',
        name: { fr: 'Logement des jeunes travailleurs', en: 'Housing for young workers' },
        description: { fr: 'Chambres meublées pour les jeunes qui commencent à travailler.' },
        eligibility: { fr: 'De 16 à 30 ans, en emploi ou en formation.' },
        address: '12 rue de l’Exemple, 75019 Paris',
        walkIn: true,
        phone: '01 23 45 67 89',
        lastVerified: '2026-10-01',
      },
      {
        organisation: 'Maison du Droit Exemple',
        name: { fr: 'Consultations juridiques gratuites' },
        description: { fr: 'Droit du travail, licenciement, contrat.' },
        lastVerified: '2026-09-15',
      },
    ])
      await createService({ db: e2e.t.db, centreId: centre.id, actorUserId: null, input })
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await page.goto(`/c/${centre.slug}`)
    await page.getByRole('link', { name: /Où s’adresser ailleurs/ }).click()
    await expect.poll(() => page.getByRole('heading', { name: '2 services' }).isVisible()).toBe(true)
    await page.getByLabel('Que cherchez-vous ?').fill('logement jeunes')
    await expect.poll(() => page.getByRole('heading', { name: '1 service' }).isVisible()).toBe(true)
    expect(page.url()).toContain('q=logement+jeunes')
    const card = page.getByRole('listitem').filter({ hasText: 'Logement des jeunes travailleurs' })
    expect(await card.getByText('De 16 à 30 ans, en emploi ou en formation.').isVisible()).toBe(true)
    expect(await card.getByText('Sans rendez-vous').isVisible()).toBe(true)
    expect(await card.getByRole('link', { name: '01 23 45 67 89' }).getAttribute('href')).toBe(
      'tel:0123456789',
    )
    await expectAccessible(page)
    await snap(page, 'directory-fr')
    await context.close()
    e2e.assertCleanConsole()
  })
})

describe('referral directory, for staff', () => {
  it('a manager adds a service and re-checks an old one; due entries are flagged', async () => {
    const centre = await e2e.t.buildCentre()
    await createService({
      db: e2e.t.db,
      centreId: centre.id,
      actorUserId: null,
      input: {
        organisation: 'Maison du Droit Exemple',
        name: { fr: 'Consultations juridiques gratuites' },
        lastVerified: '2024-01-15',
      },
    })
    const manager = await e2e.t.buildStaff('manager', centre.id)
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(page, manager.email, manager.password)
    await page.getByRole('link', { name: 'Referral directory' }).first().click()
    await expect.poll(() => page.getByText('Due for a check', { exact: true }).isVisible()).toBe(true)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Add a service' }).click()
    await page.getByLabel('Organisation').fill('Foyer Exemple')
    await page.getByLabel('Service name (French)').fill('Logement des jeunes travailleurs')
    await page.getByLabel('Phone').fill('call us')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.getByText('A phone number, e.g. +33 1 23 45 67 89.').isVisible()).toBe(true)
    await page.getByLabel('Phone').fill('01 23 45 67 89')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.getByText('Logement des jeunes travailleurs').isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Edit Consultations juridiques gratuites' }).click()
    await page.getByRole('button', { name: 'Checked today' }).click()
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.getByText('Due for a check', { exact: true }).count()).toBe(0)
    await page.getByText('Only entries due for a check').click()
    await expect.poll(() => page.getByText('No entry due for a check').isVisible()).toBe(true)
    await snap(page, 'directory-staff-en')
    // A service closed for good: the manager removes it, after saying yes.
    await page.getByText('Only entries due for a check').click()
    page.once('dialog', (dialog) => dialog.accept())
    await page.getByRole('button', { name: 'Remove Consultations juridiques gratuites' }).click()
    await expect.poll(() => page.getByText('Consultations juridiques gratuites').count()).toBe(0)
    expect(await page.getByText('Logement des jeunes travailleurs').isVisible()).toBe(true)
    await context.close()
    e2e.assertCleanConsole()
  })
})
