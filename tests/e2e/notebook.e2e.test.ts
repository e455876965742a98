import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { occupation } from '../../src/server/db/schema/occupations'
import { catalogueFactories } from '../../src/server/modules/resources/testing'
import { unique } from '../../src/server/test/app'
import { expectAccessible, snap, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>
let slug: string
let centreId: string
let romeCode: string
let eventId: string
let fundingGuide: string

beforeAll(async () => {
  e2e = await startE2e()
  const centre = await e2e.t.buildCentre()
  slug = centre.slug
  centreId = centre.id
  const f = catalogueFactories(e2e.t)
  const manager = await f.signInManager(centre.id)
  romeCode = `N${unique().slice(0, 4)}`
  await e2e.t.db.insert(occupation).values({
    taxonomy: 'rome',
    code: romeCode,
    title: { fr: 'Conducteur / Conductrice de chariot élévateur', en: 'Forklift driver' },
    release: 'test',
  })
  await f.postResource(slug, manager, { title: 'Guide du cariste', shelf: 'B2' })
  fundingGuide = (await f.postResource(slug, manager, { title: 'Financer sa formation', shelf: 'F1' })).id
  const at = (days: number, hours: number) =>
    new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString()
  const created = await e2e.t.request(`/api/v1/centres/${slug}/events`, {
    method: 'POST',
    cookie: manager,
    body: {
      type: 'workshop',
      title: { fr: 'Atelier CV express', en: 'Quick CV workshop' },
      language: 'fr',
      place: 'Salle Jean Zay',
      sessions: [{ startsAt: at(7, 0), endsAt: at(7, 2), booking: true, capacity: 10, maxGroup: 2 }],
    },
  })
  expect(created.status).toBe(201)
  eventId = ((await created.json()) as { id: string }).id
})
afterAll(() => e2e.close())

describe('the anonymous notebook', () => {
  it('is started from the portal, keeps an occupation, an event, notes and a plan, is found again by its code alone on another device, gets a resource from the desk, and is erased', async () => {
    // A visitor, in French, starts a notebook from the portal: nothing asked, a code given.
    const first = await e2e.newPage({ locale: 'fr-FR' })
    const a = first.page
    await a.goto(`/c/${slug}`)
    await a.getByRole('link', { name: 'Mon carnet : garder mes pistes et mon plan d’action' }).click()
    await expect.poll(() => a.getByRole('button', { name: 'Commencer mon carnet' }).isVisible()).toBe(true)
    await expectAccessible(a)
    await snap(a, 'notebook-door-fr')
    await a.getByRole('button', { name: 'Commencer mon carnet' }).click()
    await a.waitForURL('**/n/**')
    await expect.poll(() => a.getByText('Voici le code de votre carnet').isVisible()).toBe(true)
    const code = decodeURIComponent(new URL(a.url()).pathname.split('/n/')[1] ?? '')
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    expect(await a.locator('.notebook-code__text').textContent()).toBe(code)
    expect(await a.getByRole('img', { name: `Code QR du carnet ${code}` }).isVisible()).toBe(true)
    expect(await a.getByText('Notez-le ou imprimez-le maintenant').isVisible()).toBe(true)
    await expectAccessible(a)
    await snap(a, 'notebook-fresh-fr')
    // Remembered on this (personal) device, by choice: then saving takes one tap.
    await a.getByText('Se souvenir de ce carnet sur cet appareil').click()
    expect(await a.evaluate((centre) => localStorage.getItem(`cite.notebook.${centre}`), slug)).toBe(code)

    await a.goto(`/c/${slug}/occupations/rome/${romeCode}`)
    await a.getByRole('button', { name: 'Enregistrer dans mon carnet' }).click()
    await expect.poll(() => a.getByText('Enregistré dans votre carnet.').isVisible()).toBe(true)
    await expectAccessible(a)
    await a.goto(`/c/${slug}/events/${eventId}`)
    await a.getByRole('button', { name: 'Enregistrer dans mon carnet' }).click()
    await expect.poll(() => a.getByText('Enregistré dans votre carnet.').isVisible()).toBe(true)
    await expectAccessible(a)
    await a.getByRole('link', { name: 'Ouvrir mon carnet' }).click()
    await a.waitForURL(`**/n/${code}`)

    // Notes are kept as typed and shown as text, never run as markup.
    const typed = '<script>window.hacked=1</script> appeler le CFA'
    await a.getByLabel('Vos notes (personne d’autre ne les lit)').fill('a'.repeat(10_001))
    await a.getByRole('button', { name: 'Enregistrer mes notes' }).click()
    await expect.poll(() => a.getByText(/^Au plus 10\s000 caractères\.$/).isVisible()).toBe(true)
    await a.getByLabel('Vos notes (personne d’autre ne les lit)').fill(typed)
    expect(await a.getByText(new RegExp(`^${typed.length} caractères sur 10\\s000$`)).isVisible()).toBe(true)
    await a.getByRole('button', { name: 'Enregistrer mes notes' }).click()
    await expect.poll(() => a.getByText('Vos notes sont enregistrées.').isVisible()).toBe(true)
    expect(await a.locator('.notebook-notes__print').textContent()).toBe(typed)
    expect(await a.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined()

    // A step of the action plan, with a date, under way.
    await a.getByLabel('Étape', { exact: true }).fill('Passer le CACES')
    await a.getByLabel('Pour le (facultatif)').fill('2031-01-15')
    await a.getByRole('button', { name: 'Ajouter l’étape' }).click()
    await expect.poll(() => a.getByText('Pour le 15 janvier 2031').isVisible()).toBe(true)
    await a.getByRole('button', { name: /Où en est l’étape 1/ }).click()
    await a.getByRole('option', { name: 'En cours' }).click()
    await expect.poll(() => a.locator('.notebook-step').first().getAttribute('data-status')).toBe('doing')

    // Taken out by mistake, and put back with "undo".
    const forklift = 'Conducteur / Conductrice de chariot élévateur'
    await a.getByRole('button', { name: `Retirer « ${forklift} »` }).click()
    await expect.poll(() => a.getByText(`« ${forklift} » est retiré du carnet.`).isVisible()).toBe(true)
    await a.getByRole('button', { name: 'Annuler' }).click()
    await expect.poll(() => a.getByRole('link', { name: forklift }).isVisible()).toBe(true)
    await expectAccessible(a)
    await snap(a, 'notebook-fr')

    // A copy to keep, made in the browser.
    const [download] = await Promise.all([
      a.waitForEvent('download'),
      a.getByRole('button', { name: 'Télécharger mon carnet (texte)' }).click(),
    ])
    const copy = await readFile((await download.path()) ?? '', 'utf8')
    expect(copy).toContain(code)
    expect(copy).toContain(typed)
    expect(copy).toContain('[~] Passer le CACES')
    expect(copy).toContain(`${forklift} — ${e2e.baseUrl}/c/${slug}/occupations/rome/${romeCode}`)
    await first.context.close()

    // Later, on another device, in English: the code typed loosely opens everything.
    const second = await e2e.newPage({ locale: 'en-GB' })
    const b = second.page
    await b.goto(`/c/${slug}/notebook`)
    await expect.poll(() => b.getByLabel('Notebook code').isVisible()).toBe(true)
    expect(await b.getByText('Your notebook on this device').count()).toBe(0)
    await expectAccessible(b)
    await b.getByLabel('Notebook code').fill(code.toLowerCase().replace(/-/g, ' '))
    await b.getByRole('button', { name: 'Open', exact: true }).click()
    await b.waitForURL(`**/n/${code}`)
    await expect.poll(() => b.getByRole('link', { name: forklift }).isVisible()).toBe(true)
    expect(await b.getByRole('link', { name: 'Atelier CV express' }).isVisible()).toBe(true)
    expect(await b.getByLabel('Your notes (only you read them)').inputValue()).toBe(typed)
    expect(await b.getByText('Passer le CACES').isVisible()).toBe(true)
    expect(await b.getByRole('button', { name: /Where step 1 stands/ }).textContent()).toContain('Under way')
    await expectAccessible(b)

    // Not remembered here: "save" goes through the door, and comes back saved once the code is given.
    await b.goto(`/c/${slug}/resources/${fundingGuide}`)
    await expect.poll(() => b.getByRole('link', { name: 'Save to my notebook' }).isVisible()).toBe(true)
    await expectAccessible(b)
    await b.getByRole('link', { name: 'Save to my notebook' }).click()
    await expect
      .poll(() => b.getByText('To keep this, start a notebook or open yours').isVisible())
      .toBe(true)
    await b.getByLabel('Notebook code').fill(code.toLowerCase())
    await b.getByRole('button', { name: 'Open and save' }).click()
    await b.waitForURL(`**/n/${code}`)
    await expect.poll(() => b.getByText('Saved in your notebook.').isVisible()).toBe(true)
    expect(await b.getByRole('link', { name: 'Financer sa formation' }).isVisible()).toBe(true)
    // Taken out again; leaving the page before "undo" has run out sends it all the same.
    await b.getByRole('button', { name: 'Remove “Financer sa formation”' }).click()
    await expect.poll(() => b.getByRole('button', { name: 'Undo' }).isVisible()).toBe(true)
    await b.reload()
    await expect.poll(() => b.getByRole('link', { name: forklift }).isVisible()).toBe(true)
    expect(await b.getByRole('link', { name: 'Financer sa formation' }).count()).toBe(0)

    // At the desk, a counsellor adds a summary and a resource with the code the visitor shows.
    const counsellor = await e2e.t.buildStaff('counsellor', centreId)
    const desk = await e2e.newPage({ locale: 'en-GB' })
    const d = desk.page
    await e2e.signIn(d, counsellor.email, counsellor.password)
    await d.goto(`/staff/c/${slug}/desk`)
    await d.getByText('Visitor’s notebook (with their code)').click()
    await d.getByLabel('Notebook code').fill(code.replace(/-/g, ''))
    await d.getByLabel('Summary for the visitor').fill('Lead: the CPF can pay for the CACES.')
    await d.getByLabel('Search the centre’s resources').fill('cariste')
    await d.getByRole('button', { name: 'Add “Guide du cariste”' }).click()
    await d.getByRole('button', { name: 'Add to the notebook' }).click()
    await expect.poll(() => d.getByText('Added to the notebook.').isVisible()).toBe(true)
    // Nothing of the notebook reaches the counsellor's screen, and the form is empty again.
    expect(await d.getByText('Passer le CACES').count()).toBe(0)
    expect(await d.getByText(forklift).count()).toBe(0)
    expect(await d.getByLabel('Notebook code').inputValue()).toBe('')
    await expectAccessible(d)
    await snap(d, 'notebook-desk-en')

    await b.reload()
    await expect.poll(() => b.getByRole('link', { name: 'Guide du cariste' }).isVisible()).toBe(true)
    expect(await b.getByText('Added at an interview').isVisible()).toBe(true)
    expect(await b.getByText('Lead: the CPF can pay for the CACES.').isVisible()).toBe(true)
    await expectAccessible(b)
    await snap(b, 'notebook-en')

    // Erased on request: back to the portal, and the code opens nothing any more.
    b.once('dialog', (dialog) => dialog.accept())
    await b.getByRole('button', { name: 'Erase my notebook now' }).click()
    await b.waitForURL(`**/c/${slug}`)
    await expect
      .poll(() => b.getByText('Your notebook is erased: nothing of it is kept.').isVisible())
      .toBe(true)
    await expectAccessible(b)
    await b.goto(`/c/${slug}/notebook`)
    await b.getByLabel('Notebook code').fill(code)
    await b.getByRole('button', { name: 'Open', exact: true }).click()
    await expect.poll(() => b.getByText('No notebook opens with this code.').isVisible()).toBe(true)
    await expectAccessible(b)
    await b.goto(`/n/${code}`)
    await expect
      .poll(() => b.getByRole('heading', { level: 1, name: 'Notebook not found' }).isVisible())
      .toBe(true)
    await expectAccessible(b)

    for (const { context } of [second, desk]) await context.close()
    e2e.assertCleanConsole({ allow: /404 \(Not Found\)/ })
  })

  it('starts a notebook at the kiosk as a printed code and a QR code, and never remembers it there', async () => {
    const { page, context } = await e2e.newPage({ locale: 'fr-FR' })
    await page.goto(`/c/${slug}/kiosk`)
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Start a notebook' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Start my notebook' }).isVisible()).toBe(true)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Start my notebook' }).click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Your notebook is ready' }).isVisible())
      .toBe(true)
    const code = (await page.locator('.receipt__code').textContent()) ?? ''
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    expect(await page.getByRole('img', { name: `QR code of notebook ${code}` }).isVisible()).toBe(true)
    await expectAccessible(page)
    await snap(page, 'notebook-kiosk-en')
    const kept = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.includes('notebook')),
    )
    expect(kept).toEqual([])
    await page.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'English' }).isVisible()).toBe(true)
    expect(await page.getByText(code).count()).toBe(0)
    await context.close()
    e2e.assertCleanConsole()
  })
})
