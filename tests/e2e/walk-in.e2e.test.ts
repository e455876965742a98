import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { interview, interviewReferral, interviewThemeLink } from '../../src/server/db/schema/interviews'
import { visitProfile } from '../../src/server/db/schema/profiles'
import { createService } from '../../src/server/modules/directory/directory-service'
import { saveTheme } from '../../src/server/modules/interviews/interview-service'
import { duringOpeningHours, walkInCentre } from '../../src/server/test/walk-in'
import { expectAccessible, snap, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>

beforeAll(async () => {
  e2e = await startE2e()
})
afterAll(() => e2e.close())

describe('reception and desks', () => {
  it('issues a ticket from the keyboard at reception, and a desk calls, refers and a colleague calls it again', async () => {
    duringOpeningHours(e2e.t)
    const centre = await walkInCentre(e2e.t)
    const reception = await e2e.t.buildStaff('reception', centre.centre.id)
    const second = await e2e.t.buildStaff('counsellor', centre.centre.id)

    // Reception: the area's letter, then Enter.
    const front = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(front.page, reception.email, reception.password)
    await front.page.goto(`/staff/c/${centre.centre.slug}/reception`)
    await expect.poll(() => front.page.getByRole('heading', { name: 'Give a ticket' }).isVisible()).toBe(true)
    await front.page.locator('body').press('e')
    await expect.poll(() => front.page.getByRole('radio', { name: 'Find a job' }).isChecked()).toBe(true)
    await front.page.keyboard.press('Enter')
    await expect
      .poll(() => front.page.getByRole('status').filter({ hasText: 'E-001' }).isVisible())
      .toBe(true)
    await expect.poll(() => front.page.getByRole('rowheader', { name: 'E-001' }).isVisible()).toBe(true)
    await expectAccessible(front.page)

    // Training has enough people for the day: reception closes it, then thinks better of it.
    await front.page.getByRole('button', { name: 'Close for today: Get trained' }).click()
    const trainingRow = front.page.getByRole('row', { name: /Get trained/ })
    await expect.poll(() => trainingRow.textContent()).toContain('Closed by reception')
    expect((await centre.take('formation')).status).toBe(409)
    await expectAccessible(front.page)
    await front.page.getByRole('button', { name: 'Back to its hours: Get trained' }).click()
    await expect.poll(() => trainingRow.textContent()).toContain('Close for today')
    expect(await trainingRow.textContent()).not.toContain('Closed')

    // First counsellor: open desk 1 for "emploi", call next, refer to "formation" with a note.
    const first = await e2e.newPage({ locale: 'en-GB' })
    const counsellor = await e2e.t.buildStaff('counsellor', centre.centre.id)
    await e2e.signIn(first.page, counsellor.email, counsellor.password)
    await first.page.goto(`/staff/c/${centre.centre.slug}/desk`)
    await expect.poll(() => first.page.getByRole('heading', { name: 'Open a desk' }).isVisible()).toBe(true)
    await expectAccessible(first.page)
    await first.page.getByText('E · Find a job').click()
    await first.page.getByRole('button', { name: 'Open the desk' }).click()
    await expect
      .poll(() => first.page.getByRole('heading', { name: '1 person waiting' }).isVisible())
      .toBe(true)
    await first.page.getByRole('button', { name: 'Call next' }).click()
    await expect.poll(() => first.page.locator('#current-code').textContent()).toBe('E-001')
    await expectAccessible(first.page)
    await first.page.getByRole('button', { name: 'Refer elsewhere' }).click()
    await first.page.getByRole('button', { name: / To$/ }).click()
    await first.page.getByRole('option', { name: 'Area: Get trained' }).click()
    await first.page.getByLabel('Note for the colleague (optional)').fill('Wants a forklift licence.')
    await first.page.getByRole('button', { name: 'Refer', exact: true }).click()
    await expect.poll(() => first.page.getByRole('button', { name: 'Call next' }).isVisible()).toBe(true)

    // Second counsellor, at desk 2 for "formation": the same code, with the note.
    const other = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(other.page, second.email, second.password)
    await other.page.goto(`/staff/c/${centre.centre.slug}/desk`)
    await other.page.getByRole('button', { name: / Desk$/ }).click()
    await other.page.getByRole('option', { name: 'Bureau 2' }).click()
    await other.page.getByText('F · Get trained').click()
    await other.page.getByRole('button', { name: 'Open the desk' }).click()
    await expect
      .poll(() => other.page.getByRole('button', { name: 'Call ticket E-001' }).isVisible())
      .toBe(true)
    await other.page.getByRole('button', { name: 'Call next' }).click()
    await expect.poll(() => other.page.locator('#current-code').textContent()).toBe('E-001')
    await expect.poll(() => other.page.getByText('Wants a forklift licence.').isVisible()).toBe(true)

    // Reception saw it all live, without reloading.
    await expect.poll(() => front.page.getByRole('row', { name: /E-001.*Bureau 2/ }).isVisible()).toBe(true)
    for (const { context } of [front, first, other]) await context.close()
    e2e.assertCleanConsole()
  }, 120_000)

  it('records the interview in four taps — two themes, a referral, finish — and a profile when the visitor agrees', async () => {
    duringOpeningHours(e2e.t)
    const centre = await walkInCentre(e2e.t)
    const centreId = centre.centre.id
    for (const [slug, fr, en] of [
      ['cv', 'CV et lettre', 'CV and cover letter'],
      ['logement', 'Logement', 'Housing'],
      ['entretien', 'Entretien d’embauche', 'Job interview'],
    ] as const)
      await saveTheme({
        db: e2e.t.db,
        centreId,
        actorUserId: null,
        input: { slug, name: { fr, en }, areaId: slug === 'logement' ? null : centre.job.id },
      })
    await createService({
      db: e2e.t.db,
      centreId,
      actorUserId: null,
      input: {
        organisation: 'Foyer Exemple',
        name: { fr: 'Logement des jeunes travailleurs', en: 'Housing for young workers' },
        areaIds: [centre.job.id],
        lastVerified: '2026-11-01',
      },
    })
    const issued = await (await centre.take('emploi')).json()
    const counsellor = await e2e.t.buildStaff('counsellor', centreId)
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(page, counsellor.email, counsellor.password)
    await page.goto(`/staff/c/${centre.centre.slug}/desk`)
    await page.getByText('E · Find a job').click()
    await page.getByRole('button', { name: 'Open the desk' }).click()
    await page.getByRole('button', { name: 'Call next' }).click()
    await expect.poll(() => page.locator('#current-code').textContent()).toBe(issued.code)
    await page.getByRole('button', { name: 'Start' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Housing', exact: true }).isVisible()).toBe(true)
    await expectAccessible(page)

    // The four taps.
    await page.getByRole('button', { name: 'CV and cover letter' }).click()
    await page.getByRole('button', { name: 'Housing', exact: true }).click()
    await page.getByRole('button', { name: 'Housing for young workers — Foyer Exemple' }).click()
    await snap(page, 'desk-interview-en')
    // With the visitor's agreement, a profile in broad bands.
    await page.getByText('Visit profile (with the person’s agreement)').click()
    await page.getByRole('button', { name: /Age$/ }).click()
    await page.getByRole('option', { name: '16 to 25' }).click()
    await page.getByRole('button', { name: /Heard of the centre through$/ }).click()
    await page.getByRole('option', { name: 'School, university' }).click()
    await page.getByRole('button', { name: 'Save the profile' }).click()
    await expect.poll(() => page.getByText('The profile is saved.').isVisible()).toBe(true)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Finish' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Call next' }).isVisible()).toBe(true)

    const [record] = await e2e.t.db.select().from(interview).where(eq(interview.ticketId, issued.id))
    expect(record?.outcomes).toEqual(['referral'])
    const themes = await e2e.t.db
      .select()
      .from(interviewThemeLink)
      .where(eq(interviewThemeLink.interviewId, record?.id ?? ''))
    expect(themes).toHaveLength(2)
    const referrals = await e2e.t.db
      .select()
      .from(interviewReferral)
      .where(eq(interviewReferral.interviewId, record?.id ?? ''))
    expect(referrals.map((r) => r.label)).toEqual(['Foyer Exemple — Logement des jeunes travailleurs'])
    const [profile] = await e2e.t.db.select().from(visitProfile).where(eq(visitProfile.ticketId, issued.id))
    expect(profile).toMatchObject({ ageBand: '16_25', heardFrom: 'school', situation: 'no_answer' })
    await context.close()
    e2e.assertCleanConsole()
  })
})
