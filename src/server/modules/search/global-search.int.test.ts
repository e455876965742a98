import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchHit, SearchResult } from '../../../shared/schemas/search'
import { createTestContext, type TestContext } from '../../test/app'
import { importEsco } from '../occupations/import/esco'
import { importRome } from '../occupations/import/rome'

const fixtures = fileURLToPath(new URL('../../../../tests/fixtures/', import.meta.url))

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await importRome({ db: t.db, folder: join(fixtures, 'rome/RefRomeCsv_v461') })
  await importEsco({ db: t.db, folder: join(fixtures, 'esco/v1.1.9') })
})
afterAll(() => t.close())

async function search(query: Record<string, string>) {
  const response = await t.request(`/api/v1/search?${new URLSearchParams(query)}`, { lang: 'fr' })
  return { status: response.status, body: await response.json() }
}
const marked = (hit: SearchHit) =>
  hit.snippet.filter((part) => part.match).map((part) => part.text.toLowerCase())

describe('one search', () => {
  it('finds occupations of every source, each with a snippet where the words found are marked', async () => {
    const { status, body } = await search({ q: 'soins hygiène', lang: 'fr' })
    expect(status).toBe(200)
    const result = body as SearchResult
    const [first] = result.items
    expect(first).toMatchObject({ type: 'occupation', taxonomy: 'rome', code: 'J1501', language: 'fr' })
    expect(first && marked(first)).toContain('soins')
    expect(result.facets.type).toEqual([{ value: 'occupation', count: result.total }])
  })

  it('pages with a cursor, and keeps the types asked for', async () => {
    const all = (await search({ q: 'conducteur cariste aide', lang: 'fr' })).body as SearchResult
    expect(all.total).toBeGreaterThan(1)
    const first = (await search({ q: 'conducteur cariste aide', lang: 'fr', limit: '1' }))
      .body as SearchResult
    expect(first.items).toHaveLength(1)
    expect(first.nextCursor).toBe('1')
    const second = (
      await search({ q: 'conducteur cariste aide', lang: 'fr', limit: '1', cursor: first.nextCursor ?? '' })
    ).body as SearchResult
    expect(second.items[0]?.id).toBe(all.items[1]?.id)
    const none = (await search({ q: 'cariste', lang: 'fr', types: 'training,resource' })).body as SearchResult
    expect(none.items).toEqual([])
    // The type facet still says what the other types hold.
    expect(none.facets.type.find((f) => f.value === 'occupation')?.count).toBeGreaterThan(0)
  })

  it('refuses an empty query, unknown types, a huge limit and a bad cursor with a message', async () => {
    const refusals: Record<string, string>[] = [
      { q: '' },
      { q: 'x'.repeat(201) },
      { q: 'cariste', types: 'jobs' },
      { q: 'cariste', limit: '10000' },
      { q: 'cariste', cursor: '-1' },
    ]
    for (const query of refusals) {
      const refused = await search(query)
      expect(refused.status).toBe(422)
      expect(refused.body.error.message).toBeTruthy()
    }
    expect((await search({ q: 'cariste', centre: 'nowhere' })).status).toBe(404)
  })
})
