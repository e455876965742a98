import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TrainingDetail, TrainingSearchResult } from '../../../shared/schemas/trainings'
import { training } from '../../db/schema/trainings'
import { createTestContext, type TestContext } from '../../test/app'
import { importOnisep } from '../occupations/import/onisep'
import { importRome } from '../occupations/import/rome'
import { createCentreTraining } from './centre-trainings'

const fixtures = fileURLToPath(new URL('../../../../tests/fixtures/', import.meta.url))
const PARAMEDICAL = 'santé - social - sport/paramédical'

let t: TestContext
let slug: string
let otherSlug: string
let ownId: string
beforeAll(async () => {
  t = await createTestContext()
  await importRome({ db: t.db, folder: join(fixtures, 'rome/RefRomeCsv_v461') })
  await importOnisep({ db: t.db, folder: join(fixtures, 'onisep') })
  const centre = await t.buildCentre()
  const other = await t.buildCentre()
  slug = centre.slug
  otherSlug = other.slug
  ownId = await createCentreTraining({
    db: t.db,
    centreId: centre.id,
    actorUserId: null,
    input: {
      code: 'ASH-2026',
      title: 'Agent de service hospitalier',
      kind: 'formation qualifiante',
      level: 3,
      durationMonths: 9,
      place: 'Marseille',
      domains: [PARAMEDICAL],
    },
  })
  await createCentreTraining({
    db: t.db,
    centreId: other.id,
    actorUserId: null,
    input: { code: 'ELSEWHERE', title: 'Aide-soignant en alternance', place: 'Lyon', level: 4 },
  })
})
afterAll(() => t.close())

async function search(
  query: Record<string, string | string[]>,
  options: { centre?: string; lang?: string } = {},
) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item)
  const response = await t.request(`/api/v1/centres/${options.centre ?? slug}/trainings?${params}`, {
    lang: options.lang ?? 'fr',
  })
  return { status: response.status, body: await response.json() }
}
const results = async (query: Record<string, string | string[]>) =>
  (await search(query)).body as TrainingSearchResult
const titles = (result: TrainingSearchResult) => result.items.map((item) => item.title)

async function onisepId(code: string) {
  const [row] = await t.db
    .select({ id: training.id })
    .from(training)
    .where(and(eq(training.source, 'onisep'), eq(training.code, code)))
  return row?.id ?? ''
}

describe('training search', () => {
  it('lists ONISEP’s courses and this centre’s own first, never another centre’s, with the credit', async () => {
    const all = await results({})
    expect(all.total).toBe(8)
    expect(all.items[0]).toMatchObject({
      id: ownId,
      source: 'centre',
      title: 'Agent de service hospitalier',
      place: 'Marseille',
      level: 3,
      durationMonths: 9,
    })
    expect(titles(all)).not.toContain('Aide-soignant en alternance')
    expect(all.attribution).toMatch(
      /^Source : Onisep – Idéo-Formations initiales en France \(\d{4}-\d{2}-\d{2}\)/,
    )
    expect(all.facets).toEqual({
      levels: [
        { level: 3, count: 1 },
        { level: 4, count: 1 },
        { level: 5, count: 2 },
        { level: 6, count: 1 },
        { level: 7, count: 1 },
      ],
      durations: [
        { maxMonths: 6, count: 1 },
        { maxMonths: 12, count: 3 },
        { maxMonths: 24, count: 6 },
        { maxMonths: 36, count: 7 },
      ],
      places: [{ place: 'Marseille', count: 1 }],
    })
    const other = (await search({}, { centre: otherSlug })).body as TrainingSearchResult
    expect(other.total).toBe(8)
    expect(titles(other)).toContain('Aide-soignant en alternance')
    expect(titles(other)).not.toContain('Agent de service hospitalier')
  })

  it('filters by level, duration, place and domain, each facet counted without its own filter', async () => {
    const level5 = await results({ level: '5' })
    expect(titles(level5).sort()).toEqual([
      'BTS Services informatiques aux organisations option solutions logicielles et applications métiers',
      'Titre professionnel gestionnaire de paie',
    ])
    expect(level5.facets.levels).toHaveLength(5)
    expect(level5.facets.durations).toEqual([
      { maxMonths: 6, count: 0 },
      { maxMonths: 12, count: 0 },
      { maxMonths: 24, count: 1 },
      { maxMonths: 36, count: 1 },
    ])
    expect(level5.facets.places).toEqual([])

    const short = await results({ maxMonths: '12' })
    expect(short.total).toBe(3)
    expect(short.items.every((item) => (item.durationMonths ?? 99) <= 12)).toBe(true)
    expect(short.facets.levels).toEqual([
      { level: 3, count: 1 },
      { level: 4, count: 1 },
    ])

    const here = await results({ place: 'marseille' })
    expect(titles(here)).toEqual(['Agent de service hospitalier'])
    expect(here.attribution).toBeNull()

    const paramedical = await results({ domain: PARAMEDICAL })
    expect(titles(paramedical).sort()).toEqual([
      'Agent de service hospitalier',
      "Diplôme d'État d'aide-soignant",
      'FCIL Accompagnement des personnes âgées à domicile',
    ])
    // Repeated, a domain adds its courses: any of them matches.
    expect((await results({ domain: [PARAMEDICAL, 'informatique, Internet/informatique'] })).total).toBe(5)
    expect((await results({ domain: PARAMEDICAL, level: '4', maxMonths: '12' })).total).toBe(1)
    expect((await results({ source: 'centre' })).total).toBe(1)
  })

  it('finds courses through the search index: stemmed words, typos, a word being typed, best first', async () => {
    const computing = await results({ q: 'informatique' })
    expect(titles(computing).sort()).toEqual([
      'BTS Services informatiques aux organisations option solutions logicielles et applications métiers',
      'BUT Informatique',
    ])
    expect(titles(await results({ q: 'etat aide soignant' }))[0]).toBe("Diplôme d'État d'aide-soignant")
    expect(titles(await results({ q: 'infromatique' }))).toContain('BUT Informatique')
    expect(titles(await results({ q: 'gestionnaire de pa' }))[0]).toBe(
      'Titre professionnel gestionnaire de paie',
    )
    expect(titles(await results({ q: 'bts ' }))[0]).toMatch(/^BTS Services informatiques/)
    // The centre's own course by its place, and ONISEP's by their domain.
    expect(titles(await results({ q: 'marseille' }))).toEqual(['Agent de service hospitalier'])
    expect(titles(await results({ q: 'paramedical' }))).toContain("Diplôme d'État d'aide-soignant")
    // An English visitor's words still reach French courses.
    const english = (await search({ q: 'informatique' }, { lang: 'en' })).body as TrainingSearchResult
    expect(english.total).toBe(2)
    const filtered = await results({ q: 'informatique', level: '6' })
    expect(titles(filtered)).toEqual(['BUT Informatique'])
    expect(filtered.facets.levels).toEqual([
      { level: 5, count: 1 },
      { level: 6, count: 1 },
    ])
    expect(await results({ q: 'zzzzqqq' })).toMatchObject({ items: [], total: 0, nextCursor: null })
    // Words too common to say anything (or none at all) do not filter.
    expect((await results({ q: ' - ' })).total).toBe(8)
  })

  it('pages through the results with the cursor it gives', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: TrainingSearchResult = await results({ limit: '3', ...(cursor ? { cursor } : {}) })
      expect(page.items.length).toBeLessThanOrEqual(3)
      seen.push(...page.items.map((item) => item.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(8)
    expect(new Set(seen).size).toBe(8)
  })

  it('refuses bad filters with a message in the visitor’s language, and an unknown centre', async () => {
    const bad: Record<string, string>[] = [
      { level: '9' },
      { level: 'bac' },
      { limit: '10000' },
      { maxMonths: '0' },
      { cursor: 'abc' },
      { q: 'x'.repeat(500) },
      { source: 'elsewhere' },
    ]
    for (const query of bad) {
      const refused = await search(query, { lang: 'en' })
      expect(refused.status, JSON.stringify(query)).toBe(422)
      expect(refused.body.error.message).toBe(
        'Some values are not right. Please correct the highlighted fields.',
      )
      expect(Object.keys(refused.body.error.fields ?? {})).toHaveLength(1)
    }
    const french = await search({ level: '9' })
    expect(french.body.error.fields.level).toBe('Au plus 8.')
    const unknown = await search({}, { centre: 'nowhere' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.message).toBe('Ce centre n’existe pas.')
  })
})

describe('training page', () => {
  it('shows a course with its facts, the occupations of its domains and ONISEP’s credit', async () => {
    const response = await t.request(`/api/v1/centres/${slug}/trainings/${await onisepId('FOR.1001')}`, {
      lang: 'fr',
    })
    expect(response.status).toBe(200)
    const course = (await response.json()) as TrainingDetail
    expect(course).toMatchObject({
      source: 'onisep',
      code: 'FOR.1001',
      title: "Diplôme d'État d'aide-soignant",
      kind: "diplôme d'Etat en santé",
      level: 4,
      durationMonths: 12,
      rncpCode: '35830',
      authority: 'Ministère des Solidarités et de la Santé',
      url: 'http://www.onisep.fr/http/redirection/formation/slug/FOR.1001',
      domains: [PARAMEDICAL],
    })
    expect(course.occupations).toEqual([
      { taxonomy: 'onisep', code: 'MET.100', title: 'Aide-soignant / aide-soignante', linked: false },
    ])
    expect(course.attribution).toMatch(/^Source : Onisep – Idéo-Formations initiales en France/)
  })

  it('shows a centre’s own course only to that centre’s visitors', async () => {
    const own = await t.request(`/api/v1/centres/${slug}/trainings/${ownId}`)
    expect(own.status).toBe(200)
    expect(await own.json()).toMatchObject({ source: 'centre', place: 'Marseille', attribution: null })
    const elsewhere = await t.request(`/api/v1/centres/${otherSlug}/trainings/${ownId}`, { lang: 'en' })
    expect(elsewhere.status).toBe(404)
    expect((await elsewhere.json()).error.message).toBe(
      'This training does not exist, or is not offered in this centre.',
    )
    expect((await t.request(`/api/v1/centres/${slug}/trainings/not-an-id`)).status).toBe(422)
  })
})

describe('API documentation', () => {
  it('documents the visitor and staff endpoints of trainings, from the same schemas', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json()
    const list = doc.paths['/centres/{centre}/trainings']
    expect(Object.keys(list).sort()).toEqual(['get', 'post'])
    expect(Object.keys(doc.paths['/centres/{centre}/trainings/{id}']).sort()).toEqual([
      'delete',
      'get',
      'put',
    ])
    expect(doc.paths['/centres/{centre}/trainings/{id}/occupations']).toHaveProperty('post')
    expect(doc.paths['/centres/{centre}/trainings/{id}/occupations/{taxonomy}/{code}']).toHaveProperty(
      'delete',
    )
    const parameters = Object.fromEntries(
      list.get.parameters.map((p: { name: string; schema: unknown }) => [p.name, p.schema]),
    )
    expect(parameters).toMatchObject({
      level: { type: 'integer', minimum: 1, maximum: 8 },
      domain: { type: 'array', items: { type: 'string' } },
      limit: { maximum: 50 },
    })
  })
})
