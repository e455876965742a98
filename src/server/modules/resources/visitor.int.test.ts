import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resourcePageSchema } from '../../../shared/schemas/resources'
import { occupation } from '../../db/schema/occupations'
import { createTestContext, type TestContext, unique } from '../../test/app'
import { replaceWeeklyHours } from '../centres/hours-service'
import { catalogueFactories } from './testing'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
})
afterAll(() => t.close())

/** A centre with two areas, two themes and five resources, two of them from a partner. */
async function buildCatalogue() {
  const centre = await t.buildCentre()
  const manager = await f.signInManager(centre.id)
  const partnerName = `Association Partenaire ${unique()}`
  const partner = await f.buildPartner(centre.id, partnerName)
  const coordinator = await f.signInCoordinator(centre.id, partner.id)
  const emploi = await t.buildArea(centre.id, {
    slug: 'trouver-emploi',
    ticketLetter: 'E',
    colour: '#2e7d4f',
    pictogram: 'briefcase',
  })
  const former = await t.buildArea(centre.id, { slug: 'se-former', ticketLetter: 'F' })
  const cv = await f.postTheme(centre.slug, manager, 'cv')
  const sante = await f.postTheme(centre.slug, manager, 'sante')
  const add = (cookie: string, overrides: Parameters<typeof f.postResource>[2]) =>
    f.postResource(centre.slug, cookie, overrides)
  const resources = {
    cvGuide: await add(coordinator.cookie, {
      title: 'Réussir son CV',
      summary: 'Rédiger un curriculum vitae clair.',
      type: 'guide',
      areaIds: [emploi.id],
      themeIds: [cv.id],
      languages: ['fr'],
      audiences: ['job_seekers'],
      easyRead: true,
      shelf: 'B2 — Emploi',
      copies: 3,
      publisher: 'Éditions Démo',
    }),
    cvVideo: await add(coordinator.cookie, {
      title: 'Pitch video for interviews',
      summary: 'How to present yourself.',
      type: 'video',
      areaIds: [emploi.id],
      themeIds: [cv.id],
      languages: ['en'],
      audiences: ['young_people'],
      shelf: null,
      copies: null,
      url: 'https://video.example.org/pitch',
    }),
    nursing: await add(manager, {
      title: 'Les métiers du soin',
      summary: 'Aide-soignant, infirmier : les formations.',
      type: 'leaflet',
      areaIds: [former.id],
      themeIds: [sante.id],
      languages: ['fr', 'en'],
      audiences: ['job_seekers', 'young_people'],
    }),
    training: await add(manager, {
      title: 'Financer sa formation',
      type: 'fact_sheet',
      areaIds: [former.id, emploi.id],
      languages: ['fr'],
    }),
    site: await add(manager, {
      title: 'Annuaire des formations',
      type: 'website',
      languages: ['fr'],
      shelf: null,
      copies: null,
      url: 'https://formations.example.org',
    }),
  }
  return { centre, partnerName, emploi, former, resources }
}

const list = async (slug: string, query = '') => {
  const response = await t.request(`/api/v1/centres/${slug}/resources${query}`)
  expect(response.status).toBe(200)
  return resourcePageSchema.parse(await response.json())
}
const facet = (entries: { value: string; count: number }[]) =>
  Object.fromEntries(entries.map((entry) => [entry.value, entry.count]))

describe('browsing the catalogue', () => {
  it('lists resources by title with facet counts, each facet counted without its own filter', async () => {
    const { centre } = await buildCatalogue()
    const all = await list(centre.slug)
    expect(all.total).toBe(5)
    expect(all.items.map((item) => item.title)).toEqual([
      'Annuaire des formations',
      'Financer sa formation',
      'Les métiers du soin',
      'Pitch video for interviews',
      'Réussir son CV',
    ])
    expect(facet(all.facets.area)).toEqual({ 'trouver-emploi': 3, 'se-former': 2 })
    expect(facet(all.facets.theme)).toEqual({ cv: 2, sante: 1 })
    expect(facet(all.facets.type)).toEqual({ guide: 1, video: 1, leaflet: 1, fact_sheet: 1, website: 1 })
    expect(facet(all.facets.language)).toEqual({ fr: 4, en: 2 })
    expect(facet(all.facets.audience)).toEqual({ job_seekers: 2, young_people: 2 })
    expect(all.facets.easyRead).toBe(1)

    const inArea = await list(centre.slug, '?area=trouver-emploi&type=guide')
    expect(inArea.items.map((item) => item.title)).toEqual(['Réussir son CV'])
    // The type facet ignores the type filter (other types stay choosable) but keeps the area's.
    expect(facet(inArea.facets.type)).toEqual({ guide: 1, video: 1, fact_sheet: 1 })
    expect(facet(inArea.facets.area)).toEqual({ 'trouver-emploi': 1 })
    expect(facet(inArea.facets.language)).toEqual({ fr: 1 })

    const english = await list(centre.slug, '?language=en&audience=young_people')
    expect(english.items.map((item) => item.title)).toEqual([
      'Les métiers du soin',
      'Pitch video for interviews',
    ])
    expect((await list(centre.slug, '?easyRead=true')).items.map((item) => item.title)).toEqual([
      'Réussir son CV',
    ])
    expect((await list(centre.slug, '?theme=sante')).total).toBe(1)
    // A link to an area since removed finds nothing rather than failing.
    expect((await list(centre.slug, '?area=plus-la')).total).toBe(0)
  })

  it('pages through the list with a cursor', async () => {
    const { centre } = await buildCatalogue()
    const first = await list(centre.slug, '?limit=2')
    expect(first.items).toHaveLength(2)
    expect(first.nextCursor).toBe('2')
    const second = await list(centre.slug, `?limit=2&cursor=${first.nextCursor}`)
    const third = await list(centre.slug, `?limit=2&cursor=${second.nextCursor}`)
    expect(third.nextCursor).toBeNull()
    const titles = [...first.items, ...second.items, ...third.items].map((item) => item.title)
    expect(new Set(titles).size).toBe(5)
  })

  it('finds resources by words of their title, summary, publisher or themes, accents ignored', async () => {
    const { centre } = await buildCatalogue()
    const titles = async (q: string, more = '') =>
      (await list(centre.slug, `?q=${encodeURIComponent(q)}${more}`)).items.map((item) => item.title)
    expect(await titles('cv')).toContain('Réussir son CV')
    expect(await titles('metiers soin')).toEqual(['Les métiers du soin'])
    expect(await titles('éditions')).toEqual(['Réussir son CV'])
    expect(await titles('formation', '&type=website')).toEqual(['Annuaire des formations'])
    // Typos forgiven, and the last word counts while it is still being typed.
    expect(await titles('metirs du soin')).toContain('Les métiers du soin')
    expect(await titles('financ')).toEqual(['Financer sa formation'])
    const none = await list(centre.slug, '?q=zzzzqqq')
    expect(none).toMatchObject({ total: 0, items: [], nextCursor: null })
  })

  it('answers bad filters with a 422 and an unknown centre with a 404', async () => {
    const { centre } = await buildCatalogue()
    const bad = await t.request(`/api/v1/centres/${centre.slug}/resources?type=poster&limit=10000`, {
      lang: 'en',
    })
    expect(bad.status).toBe(422)
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['limit', 'type'])
    const long = await t.request(`/api/v1/centres/${centre.slug}/resources?q=${'a'.repeat(500)}`)
    expect(long.status).toBe(422)
    expect((await t.request('/api/v1/centres/nowhere/resources')).status).toBe(404)
  })
})

describe('what visitors are told', () => {
  it('never says which partner contributed a resource, in lists or on its page', async () => {
    const { centre, partnerName, resources } = await buildCatalogue()
    const responses = [
      await t.request(`/api/v1/centres/${centre.slug}/resources`),
      await t.request(`/api/v1/centres/${centre.slug}/resources?q=cv`),
      await t.request(`/api/v1/centres/${centre.slug}/resources/${resources.cvGuide.id}`),
      await t.request(`/api/v1/centres/${centre.slug}/resource-themes`),
    ]
    for (const response of responses) {
      expect(response.status).toBe(200)
      const text = await response.text()
      expect(text).not.toContain(partnerName)
      expect(text).not.toMatch(/partner/i)
      expect(text).not.toContain(resources.cvGuide.partner?.id)
    }
  })

  it('shows a resource with its shelf, its areas and whether they are open now', async () => {
    const { centre, emploi, resources } = await buildCatalogue()
    await replaceWeeklyHours({
      db: t.db,
      centreId: centre.id,
      actorUserId: null,
      input: {
        spans: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '23:59' })),
      },
    })
    t.clock.now = new Date('2025-06-04T10:00:00Z')
    const response = await t.request(`/api/v1/centres/${centre.slug}/resources/${resources.cvGuide.id}`)
    expect(response.status).toBe(200)
    const page = await response.json()
    expect(page).toMatchObject({
      title: 'Réussir son CV',
      shelf: 'B2 — Emploi',
      copies: 3,
      url: null,
      easyRead: true,
      publisher: 'Éditions Démo',
      localDate: '2025-06-04',
      themes: [{ slug: 'cv', name: { fr: 'Thème cv', en: 'Theme cv' } }],
      areas: [
        {
          id: emploi.id,
          slug: 'trouver-emploi',
          colour: '#2e7d4f',
          pictogram: 'briefcase',
          status: { isOpen: true },
        },
      ],
    })
    const missing = await t.request(`/api/v1/centres/${centre.slug}/resources/${crypto.randomUUID()}`, {
      lang: 'fr',
    })
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.message).toBe('Cette ressource n’existe pas dans ce centre.')
    const other = await t.buildCentre()
    expect((await t.request(`/api/v1/centres/${other.slug}/resources/${resources.cvGuide.id}`)).status).toBe(
      404,
    )
  })

  it('gives an occupation page the resources about it, shelved ones first, and the areas to talk about it', async () => {
    const { centre, resources, former } = await buildCatalogue()
    const code = `J${unique().slice(0, 4)}`
    await t.db.insert(occupation).values({
      taxonomy: 'rome',
      code,
      title: { fr: 'Aide-soignant', en: 'Nursing assistant' },
      release: 't',
    })
    const manager = await f.signInManager(centre.id)
    for (const id of [resources.site.id, resources.nursing.id]) {
      const current = await (
        await t.request(`/api/v1/centres/${centre.slug}/catalogue/resources/${id}`, { cookie: manager })
      ).json()
      const { id: _, partner: __, canEdit: ___, updatedAt: ____, occupations: _____, ...input } = current
      const put = await t.request(`/api/v1/centres/${centre.slug}/catalogue/resources/${id}`, {
        method: 'PUT',
        cookie: manager,
        body: { ...input, occupations: [{ taxonomy: 'rome', code }] },
      })
      expect(put.status).toBe(200)
      expect((await put.json()).occupations).toEqual([{ taxonomy: 'rome', code, title: 'Aide-soignant' }])
    }
    const occupationPage = async (query: string, jobCode = code) => {
      const response = await t.request(`/api/v1/occupations/rome/${jobCode}${query}`)
      expect(response.status).toBe(200)
      return response.json()
    }
    const here = await occupationPage(`?centre=${centre.slug}&lang=fr`)
    expect(here.atCentre.resources.map((card: { title: string }) => card.title)).toEqual([
      'Les métiers du soin',
      'Annuaire des formations',
    ])
    expect(here.atCentre.totalResources).toBe(2)
    // Where to talk about it: the only area shelving resources about it.
    expect(here.atCentre.areas).toMatchObject([{ id: former.id, status: { isOpen: false } }])
    expect(JSON.stringify(here)).not.toMatch(/partner/i)
    expect((await occupationPage('?lang=fr')).atCentre).toBeNull()
    // An occupation the centre has nothing about: the area shelving resources about occupations.
    const otherCode = `K${unique().slice(0, 4)}`
    await t.db
      .insert(occupation)
      .values({ taxonomy: 'rome', code: otherCode, title: { fr: 'Autre' }, release: 't' })
    const other = await occupationPage(`?centre=${centre.slug}`, otherCode)
    expect(other.atCentre).toMatchObject({ resources: [], totalResources: 0, areas: [{ id: former.id }] })
    const page = await (
      await t.request(`/api/v1/centres/${centre.slug}/resources/${resources.nursing.id}?lang=en`)
    ).json()
    expect(page.occupations).toEqual([{ taxonomy: 'rome', code, title: 'Nursing assistant' }])
  })
})
