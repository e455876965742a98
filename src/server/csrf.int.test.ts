import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from './db/rows'
import { createTestContext, type TestContext } from './test/app'

let t: TestContext
let slug: string
let cookie: string
beforeAll(async () => {
  t = await createTestContext()
  const centre = await t.buildCentre()
  slug = centre.slug
  const manager = await t.buildStaff('network_admin', null)
  cookie = await t.signIn(manager.email, manager.password)
})
afterAll(() => t.close())

/**
 * Every write of the API, sent with a signed-in staff member's cookie from another site (as a forged form
 * or script on a page elsewhere would send it): refused before anything runs, with the same message.
 */
describe('cross-site writes', () => {
  it('refuses every cookie-authenticated write coming from another site, and writes nothing', async () => {
    const document = (await (await t.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    const writes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method: method.toUpperCase(), path })),
    )
    expect(writes.length).toBeGreaterThan(70)
    const audit = async () =>
      rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from audit_log`))
    const before = await audit()
    const forgeries: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'same-site' },
    ]
    for (const forged of forgeries)
      for (const { method, path } of writes) {
        const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) =>
          name === 'centre' ? slug : randomUUID(),
        )
        const response = await t.app.request(`/api/v1${concrete}`, {
          method,
          headers: { cookie, 'content-type': 'application/json', 'accept-language': 'fr', ...forged },
          body: '{}',
        })
        expect(response.status, `${method} ${path}`).toBe(403)
        expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
          'Requête refusée : elle ne vient pas de ce site.',
        )
      }
    expect(await audit()).toEqual(before)
  })
})
