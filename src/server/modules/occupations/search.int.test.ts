import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OccupationHit } from '../../../shared/schemas/occupations'
import { createTestContext, type TestContext } from '../../test/app'
import { importEsco } from './import/esco'
import { importRome } from './import/rome'

const fixtures = fileURLToPath(new URL('../../../../tests/fixtures/', import.meta.url))
const FORKLIFT = 'http://data.europa.eu/esco/occupation/0f1d5b0a-0000-4000-8000-000000000001'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await importRome({ db: t.db, folder: join(fixtures, 'rome/RefRomeCsv_v461') })
  await importEsco({ db: t.db, folder: join(fixtures, 'esco/v1.1.9') })
})
afterAll(() => t.close())

async function search(query: Record<string, string>) {
  const response = await t.request(`/api/v1/occupations/search?${new URLSearchParams(query)}`, { lang: 'en' })
  return { status: response.status, body: await response.json() }
}
const hits = async (query: Record<string, string>) => (await search(query)).body.items as OccupationHit[]
const keys = (items: OccupationHit[]) => items.map((item) => `${item.taxonomy}:${item.code}`)

describe('occupation search', () => {
  it('finds a job as people say it, in both gender forms, from every source', async () => {
    const care = await hits({ q: 'aide soignante', lang: 'fr' })
    expect(keys(care).slice(0, 2)).toEqual(
      expect.arrayContaining([
        'rome:J1501',
        'esco:http://data.europa.eu/esco/occupation/0f1d5b0a-0000-4000-8000-000000000002',
      ]),
    )
    expect(care[0]).toMatchObject({ titleLanguage: 'fr' })
    const forklift = await hits({ q: 'cariste', lang: 'fr' })
    expect(keys(forklift).slice(0, 2)).toEqual(expect.arrayContaining(['rome:N1101', `esco:${FORKLIFT}`]))
    expect(forklift.find((hit) => hit.code === 'N1101')).toMatchObject({
      title: "Conducteur / Conductrice d'engins de déplacement des charges",
      matched: 'Cariste',
    })
  })

  it('forgives a typo and a missing accent', async () => {
    expect(keys(await hits({ q: 'aide soigante', lang: 'fr' }))).toContain('rome:J1501')
    expect(keys(await hits({ q: 'developpeuse web', lang: 'fr' }))[0]).toMatch(/M1805|0003$/)
    expect(keys(await hits({ q: 'forklif driver', lang: 'en' }))[0]).toBe(`esco:${FORKLIFT}`)
  })

  it('answers in English with the name that matched, and keeps one source when asked', async () => {
    const [first] = await hits({ q: 'forklift driver', lang: 'en' })
    expect(first).toMatchObject({
      taxonomy: 'esco',
      code: FORKLIFT,
      title: 'forklift operator',
      titleLanguage: 'en',
      matched: 'forklift driver',
    })
    const rome = await hits({ q: 'cariste', lang: 'fr', taxonomy: 'rome' })
    expect(rome.every((hit) => hit.taxonomy === 'rome')).toBe(true)
    expect(rome.length).toBeGreaterThan(0)
    expect(await hits({ q: 'cariste', lang: 'fr', limit: '1' })).toHaveLength(1)
  })

  it('searches plainly in a language it cannot stem, and refuses empty, huge or unbounded requests clearly', async () => {
    const plain = await search({ q: 'cariste', lang: 'tlh' })
    expect(plain.status).toBe(200)
    expect(keys(plain.body.items)).toContain('rome:N1101')
    const bad: Record<string, string>[] = [
      { q: '' },
      { q: '   ' },
      { q: 'x'.repeat(500) },
      { q: 'cariste', limit: '10000' },
    ]
    for (const query of bad) {
      const refused = await search(query)
      expect(refused.status).toBe(422)
      expect(refused.body.error.message).toBeTruthy()
    }
    const tooMany = await search({ q: 'cariste', limit: '10000' })
    expect(tooMany.body.error.fields.limit).toBe('At most 50.')
  })
})

describe('occupation page', () => {
  it('gives the occupation with its names, texts, skills by kind and career moves', async () => {
    const response = await t.request('/api/v1/occupations/rome/J1501?lang=fr')
    expect(response.status).toBe(200)
    const page = await response.json()
    expect(page).toMatchObject({
      title: 'Aide-soignant / Aide-soignante',
      language: 'fr',
      otherNames: ['Aide-soignant hospitalier / Aide-soignante hospitalière'],
      riasec: 'SR',
      attribution: 'Source : France Travail – ROME 4.0 (RefRomeCsv v4.61)',
      mobility: [
        {
          taxonomy: 'rome',
          code: 'N1101',
          title: "Conducteur / Conductrice d'engins de déplacement des charges",
        },
      ],
    })
    expect(page.description).toMatch(/^Réalise des soins/)
    expect(page.skills.map((s: { label: string }) => s.label)).toEqual([
      "Réaliser ou contrôler les soins d'hygiène, de confort",
      "Surveiller l'état de santé général de la personne",
    ])
    expect(page.attitudes[0].label).toBe("Etre à l'écoute, faire preuve d'empathie")
    expect(page.knowledge[0]).toMatchObject({
      label: 'Droit de la santé publique',
      category: 'Normes et procédés',
    })
    expect(page.contexts[0].label).toBe('Travail le samedi')
  })

  it('finds an ESCO occupation by its URI, in the language asked, and says 404 for an unknown code', async () => {
    const response = await t.request(`/api/v1/occupations/esco/${encodeURIComponent(FORKLIFT)}?lang=en`)
    expect(response.status).toBe(200)
    const page = await response.json()
    expect(page).toMatchObject({ title: 'forklift operator', isco: '8344' })
    expect(page.otherNames).toEqual(expect.arrayContaining(['forklift driver', 'lift truck operator']))
    expect(page.skills.map((s: { essential: boolean }) => s.essential)).toEqual([true, false])
    expect(page.attribution).toMatch(/ESCO classification of the European Commission/)
    const missing = await t.request('/api/v1/occupations/rome/Z9999', { lang: 'en' })
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.message).toBe(
      'This occupation is not in the imported reference data.',
    )
  })
})
