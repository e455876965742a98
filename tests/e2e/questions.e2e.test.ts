import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalogueFactories } from '../../src/server/modules/resources/testing'
import { expectAccessible, snap, startE2e } from './harness'

let e2e: Awaited<ReturnType<typeof startE2e>>
let slug: string
let centreId: string
let guideId: string

beforeAll(async () => {
  e2e = await startE2e()
  const centre = await e2e.t.buildCentre()
  slug = centre.slug
  centreId = centre.id
  await e2e.t.buildArea(centre.id, {
    slug: 'emploi',
    name: { fr: 'Trouver un emploi', en: 'Find a job' },
    ticketLetter: 'E',
  })
  const f = catalogueFactories(e2e.t)
  const manager = await f.signInManager(centre.id)
  guideId = (await f.postResource(slug, manager, { title: 'Écrire son CV', shelf: 'C1' })).id
})
afterAll(() => e2e.close())

const question = 'Comment présenter <b>gras</b> une année sans emploi sur mon CV ?'

describe('ask a counsellor online', () => {
  it('takes a question without a name, answers it from the queue with a resource, and takes one reply read with the code', async () => {
    // A visitor, in French, asks from the portal: nothing about them, a code given once.
    const asker = await e2e.newPage({ locale: 'fr-FR' })
    const a = asker.page
    await a.goto(`/c/${slug}`)
    await a.getByRole('link', { name: 'Poser une question à un conseiller, en ligne' }).click()
    await expect.poll(() => a.getByRole('heading', { level: 1, name: 'Poser une question' }).count()).toBe(1)
    expect(
      await a
        .getByText(
          'N’écrivez pas votre nom, votre téléphone ni votre e-mail : personne ne vous contactera.',
          {
            exact: false,
          },
        )
        .isVisible(),
    ).toBe(true)
    await expectAccessible(a)
    await a.getByRole('button', { name: /De quoi s’agit-il/ }).click()
    await a.getByRole('option', { name: 'Trouver un emploi' }).click()
    await a.getByRole('textbox', { name: 'Votre question' }).fill(question)
    expect(await a.getByText(new RegExp(`^${question.length} caractères sur 4\\s000$`)).isVisible()).toBe(
      true,
    )
    await expectAccessible(a)
    await snap(a, 'question-ask-fr')
    await a.getByRole('button', { name: 'Envoyer ma question' }).click()
    await expect.poll(() => a.getByText('Votre question est envoyée.').isVisible()).toBe(true)
    const code = ((await a.locator('.question-code__text').textContent()) ?? '').trim()
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    expect(await a.getByRole('img', { name: `Code QR de la question ${code}` }).isVisible()).toBe(true)
    expect(await a.getByText(/Réponse attendue au plus tard le/).isVisible()).toBe(true)
    await expectAccessible(a)
    await snap(a, 'question-asked-fr')
    await a.getByRole('link', { name: 'Voir ma question' }).click()
    await a.waitForURL(`**/q/${code}`)
    await expect.poll(() => a.getByText(question, { exact: true }).isVisible()).toBe(true)
    // Shown as text, never as HTML.
    expect(await a.locator('.question-thread b').count()).toBe(0)
    expect(await a.getByRole('heading', { name: 'En attente de réponse' }).isVisible()).toBe(true)
    expect(await a.getByLabel('Votre réponse').count()).toBe(0)
    await expectAccessible(a)

    // A counsellor, in English, finds it in the queue and answers with a resource of the catalogue.
    const counsellor = await e2e.t.buildStaff('counsellor', centreId)
    const desk = await e2e.newPage({ locale: 'en-GB' })
    const c = desk.page
    await e2e.signIn(c, counsellor.email, counsellor.password)
    await c.getByRole('link', { name: 'Questions online' }).first().click()
    await expect.poll(() => c.getByRole('heading', { name: '1 question' }).isVisible()).toBe(true)
    expect(await c.locator('.questions-queue__meta').getByText('Find a job').isVisible()).toBe(true)
    await expectAccessible(c)
    await snap(c, 'questions-queue-en')
    await c.getByRole('link', { name: question }).click()
    await expect.poll(() => c.getByRole('heading', { name: 'Waiting for an answer' }).isVisible()).toBe(true)
    expect(await c.getByText(question, { exact: true }).isVisible()).toBe(true)
    await c.getByLabel('Your answer').fill('Parlez de ce que vous avez fait pendant cette année.')
    await c.getByLabel('Search the centre’s resources').fill('CV')
    await c.getByRole('button', { name: 'Add “Écrire son CV”' }).click()
    await expectAccessible(c)
    await snap(c, 'question-answer-en')
    await c.getByRole('button', { name: 'Send the answer' }).click()
    await expect.poll(() => c.getByText('The answer is sent.').isVisible()).toBe(true)
    expect(await c.getByRole('heading', { name: 'Answered' }).isVisible()).toBe(true)
    expect(await c.getByLabel('Your answer').count()).toBe(0)
    await expectAccessible(c)

    // The visitor, on another device, comes back with the code typed loosely.
    const later = await e2e.newPage({ locale: 'fr-FR' })
    const b = later.page
    await b.goto(`/c/${slug}/ask`)
    await b.getByLabel('Code de la question').fill(code.toLowerCase().replace(/-/g, ' '))
    await b.getByRole('button', { name: 'Lire ma question' }).click()
    await b.waitForURL(`**/q/${code}`)
    await expect
      .poll(() => b.getByText('Parlez de ce que vous avez fait pendant cette année.').isVisible())
      .toBe(true)
    expect(await b.getByRole('heading', { name: 'Un conseiller ou une conseillère' }).isVisible()).toBe(true)
    expect(await b.getByRole('heading', { name: /^Vous/ }).isVisible()).toBe(true)
    expect(await b.getByRole('link', { name: 'Écrire son CV' }).getAttribute('href')).toBe(
      `/c/${slug}/resources/${guideId}`,
    )
    // Never a name: the counsellor is "a counsellor", whoever answered.
    expect(await b.getByText(/Staff counsellor/).count()).toBe(0)
    await expectAccessible(b)
    await snap(b, 'question-answered-fr')
    await b.getByLabel('Votre réponse').fill('Merci ! Et pour la lettre de motivation ?')
    await b.getByRole('button', { name: 'Envoyer ma réponse' }).click()
    await expect.poll(() => b.getByText('Votre réponse est envoyée.').isVisible()).toBe(true)
    expect(await b.getByText('Merci ! Et pour la lettre de motivation ?').isVisible()).toBe(true)
    expect(await b.getByLabel('Votre réponse').count()).toBe(0)
    expect(await b.getByRole('heading', { name: 'En attente de réponse' }).isVisible()).toBe(true)
    await expectAccessible(b)

    // Typed loosely in the address, the code opens the same page under its canonical form.
    await b.goto(`/q/${code.toLowerCase().replace(/-/g, '')}`)
    await b.waitForURL(`**/q/${code}`)
    await expect.poll(() => b.getByText('Merci ! Et pour la lettre de motivation ?').isVisible()).toBe(true)
    expect(await b.getByLabel('Votre réponse').count()).toBe(0)
    await expectAccessible(b)

    for (const { context } of [asker, desk, later]) await context.close()
    e2e.assertCleanConsole()
  })

  it('tells a second counsellor a colleague has just answered, and lets staff hide a message', async () => {
    const asked = await e2e.t.request(`/api/v1/centres/${slug}/questions`, {
      method: 'POST',
      body: { language: 'fr', text: 'Un message grossier à masquer' },
    })
    const { code } = (await asked.json()) as { code: string }
    const first = await e2e.t.buildStaff('counsellor', centreId)
    const second = await e2e.t.buildStaff('manager', centreId)
    const one = await e2e.newPage({ locale: 'en-GB' })
    const two = await e2e.newPage({ locale: 'en-GB' })
    await e2e.signIn(one.page, first.email, first.password)
    await e2e.signIn(two.page, second.email, second.password)
    for (const { page } of [one, two]) {
      await page.goto(`/staff/c/${slug}/questions`)
      await page.getByRole('link', { name: 'Un message grossier à masquer' }).click()
      await expect.poll(() => page.getByLabel('Your answer').isVisible()).toBe(true)
    }
    await one.page.getByLabel('Your answer').fill('Première réponse.')
    await one.page.getByRole('button', { name: 'Send the answer' }).click()
    await expect.poll(() => one.page.getByText('The answer is sent.').isVisible()).toBe(true)
    await two.page.getByLabel('Your answer').fill('Réponse en retard.')
    await two.page.getByRole('button', { name: 'Send the answer' }).click()
    await expect
      .poll(() => two.page.getByText('A colleague has just answered this question.').isVisible())
      .toBe(true)
    await expect.poll(() => two.page.getByText('Première réponse.').isVisible()).toBe(true)
    expect(await two.page.getByLabel('Your answer').count()).toBe(0)
    await expectAccessible(two.page)

    two.page.once('dialog', (dialog) => dialog.accept())
    await two.page.getByRole('button', { name: 'Hide this message' }).first().click()
    await expect
      .poll(() => two.page.getByText('This message was hidden by the centre’s staff.').isVisible())
      .toBe(true)
    expect(await two.page.getByText('Un message grossier à masquer').count()).toBe(0)
    await expectAccessible(two.page)
    await snap(two.page, 'question-hidden-en')

    const visitor = await e2e.newPage({ locale: 'fr-FR' })
    await visitor.page.goto(`/q/${code}`)
    await expect
      .poll(() => visitor.page.getByText('Ce message a été masqué par l’équipe du centre.').isVisible())
      .toBe(true)
    await expectAccessible(visitor.page)

    for (const { context } of [one, two, visitor]) await context.close()
    e2e.assertCleanConsole({ allow: /409 \(Conflict\)/ })
  })
})
