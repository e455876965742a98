import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InterestMatch } from '../../../shared/schemas/interests'
import { occupation } from '../../db/schema/occupations'
import { createTestContext, type TestContext } from '../../test/app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  const rome = (code: string, fr: string, riasec: string | null) => ({
    taxonomy: 'rome',
    code,
    title: { fr },
    riasec,
    release: 'test',
  })
  const onet = (code: string, en: string, riasecScores: Record<string, number>) => ({
    taxonomy: 'onet',
    code,
    title: { en },
    riasecScores,
    riasec: null,
    release: 'test',
  })
  await t.db
    .insert(occupation)
    .values([
      rome('K2111', 'Formateur / Formatrice', 'SA'),
      rome('J1501', 'Aide-soignant / Aide-soignante', 'SR'),
      rome('K1201', 'Action sociale', 'S'),
      rome('B1101', 'Création en arts plastiques', 'AS'),
      rome('M1203', 'Comptabilité', 'C'),
      rome('Z0000', 'Sans lettres', null),
      onet('25-1121.00', 'Art, Drama, and Music Teachers', { R: 1.2, I: 2.5, A: 6.8, S: 6.4, E: 3, C: 1.8 }),
      onet('31-1131.00', 'Nursing Assistants', { R: 3.9, I: 2.2, A: 1.3, S: 6.5, E: 2.1, C: 3.4 }),
      onet('43-3031.00', 'Bookkeeping Clerks', { R: 1.3, I: 2, A: 1, S: 1.6, E: 2.9, C: 6.9 }),
    ])
})
afterAll(() => t.close())

async function suggest(query: Record<string, string>) {
  const response = await t.request(`/api/v1/occupations/by-interests?${new URLSearchParams(query)}`, {
    lang: 'en',
  })
  return { status: response.status, body: await response.json() }
}
const keys = (items: InterestMatch[]) => items.map((item) => `${item.taxonomy}:${item.code}`)

describe('occupations by interests', () => {
  it('ranks ROME fiches by their letters, the first one required, and O*NET occupations by their scores', async () => {
    const { status, body } = await suggest({ code: 'SA', lang: 'fr', taxonomy: 'rome' })
    expect(status).toBe(200)
    // SA in full, then S first without the A (an R adds nothing to SA); AS and C never.
    expect(keys(body.items)).toEqual(['rome:K2111', 'rome:J1501', 'rome:K1201'])
    expect(body.items[0]).toEqual({
      taxonomy: 'rome',
      code: 'K2111',
      title: 'Formateur / Formatrice',
      titleLanguage: 'fr',
      riasec: 'SA',
      score: 1,
    })
    expect(body.items[1].score).toBeCloseTo(2 / 3, 3)
    expect(body.items[2].score).toBeCloseTo(2 / 3, 3)
    expect((await suggest({ code: 'SRA', taxonomy: 'rome' })).body.items[0].code).toBe('J1501')

    const onet = await suggest({ code: 'sa', taxonomy: 'onet' })
    // The bookkeepers score too little in S to be suggested at all.
    expect(keys(onet.body.items)).toEqual(['onet:25-1121.00', 'onet:31-1131.00'])
    expect(onet.body.items[0]).toMatchObject({ title: 'Art, Drama, and Music Teachers', titleLanguage: 'en' })
    expect(onet.body.items[0].score).toBeCloseTo((2 * 5.4 + 5.8) / 18, 3)
  })

  it('mixes the sources when none is asked for, and keeps to the limit', async () => {
    const all = await suggest({ code: 'SAE' })
    expect(keys(all.body.items)).toEqual(
      expect.arrayContaining(['rome:K2111', 'onet:25-1121.00', 'onet:31-1131.00']),
    )
    expect(keys(all.body.items)).not.toContain('rome:B1101')
    const scores = all.body.items.map((item: InterestMatch) => item.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect((await suggest({ code: 'SAE', limit: '2' })).body.items).toHaveLength(2)
    expect(keys((await suggest({ code: 'C' })).body.items)).toEqual(['rome:M1203', 'onet:43-3031.00'])
  })

  it('refuses a code that is not one to three distinct RIASEC letters, and a huge limit, clearly', async () => {
    for (const code of ['', 'X', 'SAEC', 'SS', 'S1']) {
      const refused = await suggest({ code })
      expect(refused.status, code).toBe(422)
      expect(refused.body.error.message).toBeTruthy()
    }
    expect((await suggest({ code: 'SS' })).body.error.fields.code).toBe(
      'Give one to three different letters among R, I, A, S, E, C.',
    )
    expect((await suggest({ code: 'S', limit: '51' })).body.error.fields.limit).toBe('At most 50.')
  })

  it('is described in the OpenAPI document', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json()
    expect(
      doc.paths['/occupations/by-interests'].get.parameters.map((p: { name: string }) => p.name),
    ).toEqual(['code', 'lang', 'taxonomy', 'limit'])
  })
})
