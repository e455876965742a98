import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resourcePageSchema } from '../../shared/schemas/resources'
import { createTestContext, type TestContext } from '../test/app'
import { seedDemo } from './demo'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

describe('the demo centre', () => {
  it('opens with a documentation catalogue that visitors can browse, and a coordinator who can add to it', async () => {
    const { centreSlug, logins } = await seedDemo({ db: t.db, auth: t.auth })
    const page = resourcePageSchema.parse(
      await (await t.request(`/api/v1/centres/${centreSlug}/resources?limit=100`)).json(),
    )
    expect(page.total).toBeGreaterThanOrEqual(20)
    expect(page.facets.theme.length).toBeGreaterThanOrEqual(8)
    expect(page.facets.area.length).toBe(6)
    expect(new Set(page.items.map((item) => item.type)).size).toBeGreaterThanOrEqual(6)

    const coordinator = logins.find((login) => login.role === 'partner_coordinator')
    const cookie = await t.signIn(coordinator?.email ?? '', coordinator?.password ?? '')
    const response = await t.request(`/api/v1/centres/${centreSlug}/catalogue/resources`, {
      method: 'POST',
      cookie,
      body: { type: 'leaflet', title: 'Nouveau dépliant', shelf: 'Présentoir' },
    })
    expect(response.status).toBe(201)
    expect((await response.json()).partner.name).toBe('Centre d’Information Jeunesse Démo')
  })
})
