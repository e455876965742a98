import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trainingSearchResultSchema } from '../../shared/schemas/trainings'
import { createTestContext, type TestContext } from '../test/app'
import { seedDemo } from './demo'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

describe('the demo centre', () => {
  it('offers trainings of its own, found by words and by place before any reference data is imported', async () => {
    const { centreSlug } = await seedDemo({ db: t.db, auth: t.auth })
    const search = async (query: string) =>
      trainingSearchResultSchema.parse(
        await (await t.request(`/api/v1/centres/${centreSlug}/trainings?${query}`)).json(),
      )
    const all = await search('')
    expect(all.total).toBe(3)
    expect(all.facets.places).toEqual([
      { place: 'À distance', count: 1 },
      { place: 'Paris 19e', count: 2 },
    ])
    expect(all.attribution).toBeNull()
    expect((await search('q=numerique')).items.map((item) => item.code)).toEqual(['DECOUVERTE-NUM'])
  })
})
