import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type StaffRole, staffRoles } from '../shared/constants'
import { catalogueFactories } from './modules/resources/testing'
import { createTestContext, type TestContext } from './test/app'
import { duringOpeningHours, walkInCentre } from './test/walk-in'

/**
 * Every staff operation of the OpenAPI document, tried by every role, anonymously and by another
 * centre's manager. The table below is the statement of who may do what: written out by hand rather than
 * imported from the routes, so that a route whose guard changes (or a new route) fails here until
 * someone says, in this table, that it is meant.
 *
 * Bodies are empty objects and ids random: an allowed caller gets a 404 or a 422 — the guards run
 * before validation, which is exactly what lets a refused caller learn nothing — and nothing is written.
 */

type Role = StaffRole
const all = staffRoles
const admin = ['network_admin'] as const satisfies readonly Role[]
const managers = ['manager', 'network_admin'] as const satisfies readonly Role[]
const centreStaff = [
  'reception',
  'counsellor',
  'partner_coordinator',
  'manager',
  'network_admin',
] as const satisfies readonly Role[]
const partnerEditors = ['partner_coordinator', 'manager', 'network_admin'] as const satisfies readonly Role[]
const frontLine = ['reception', 'counsellor', 'manager', 'network_admin'] as const satisfies readonly Role[]
const receptionDesk = ['reception', 'manager', 'network_admin'] as const satisfies readonly Role[]
const deskCounsellors = ['counsellor', 'manager', 'network_admin'] as const satisfies readonly Role[]
/** Counsellors of every partner, their coordinators (who also counsel) and managers. */
const counselling = [
  'counsellor',
  'partner_coordinator',
  'manager',
  'network_admin',
] as const satisfies readonly Role[]

/** `deployment`: not about one centre, so another centre's manager is just a manager there. */
const access: Record<string, { roles: readonly Role[]; deployment?: true }> = {
  'POST /centres': { roles: admin, deployment: true },
  'PUT /centres/{centre}': { roles: managers },
  'POST /centres/{centre}/areas': { roles: managers },
  'PUT /centres/{centre}/areas/{id}': { roles: managers },
  'DELETE /centres/{centre}/areas/{id}': { roles: managers },
  'GET /centres/{centre}/partners': { roles: centreStaff },
  'POST /centres/{centre}/partners': { roles: managers },
  'GET /centres/{centre}/desks': { roles: centreStaff },
  'POST /centres/{centre}/desks': { roles: managers },
  'PUT /centres/{centre}/desks/{id}': { roles: managers },
  'DELETE /centres/{centre}/desks/{id}': { roles: managers },
  'GET /centres/{centre}/hours': { roles: centreStaff },
  'PUT /centres/{centre}/hours': { roles: managers },
  'GET /centres/{centre}/closures': { roles: centreStaff },
  'POST /centres/{centre}/closures': { roles: managers },
  'DELETE /centres/{centre}/closures/{id}': { roles: managers },
  'GET /me': { roles: all, deployment: true },
  'GET /centres/{centre}/staff': { roles: managers },
  'POST /centres/{centre}/staff': { roles: managers },
  'POST /centres/{centre}/staff/{userId}/reset-link': { roles: managers },
  'DELETE /centres/{centre}/staff/{userId}/roles/{role}': { roles: managers },
  'PUT /centres/{centre}/areas/{area}/today': { roles: receptionDesk },
  'POST /desks/{desk}/session': { roles: deskCounsellors },
  'DELETE /desks/{desk}/session': { roles: deskCounsellors },
  'POST /desks/{desk}/call-next': { roles: deskCounsellors },
  'GET /centres/{centre}/walk-in': { roles: frontLine },
  'GET /tickets/{id}': { roles: frontLine },
  'POST /tickets/{id}/{action}': { roles: frontLine },
  'GET /tickets/{id}/profile': { roles: frontLine },
  'PUT /tickets/{id}/profile': { roles: frontLine },
  'GET /centres/{centre}/live/staff': { roles: frontLine },
  'POST /centres/{centre}/trainings': { roles: partnerEditors },
  'PUT /centres/{centre}/trainings/{id}': { roles: partnerEditors },
  'DELETE /centres/{centre}/trainings/{id}': { roles: partnerEditors },
  'POST /centres/{centre}/trainings/{id}/occupations': { roles: partnerEditors },
  'DELETE /centres/{centre}/trainings/{id}/occupations/{taxonomy}/{code}': { roles: partnerEditors },
  'GET /centres/{centre}/catalogue/resources': { roles: centreStaff },
  'POST /centres/{centre}/catalogue/resources': { roles: partnerEditors },
  'GET /centres/{centre}/catalogue/resources/{id}': { roles: centreStaff },
  'PUT /centres/{centre}/catalogue/resources/{id}': { roles: partnerEditors },
  'DELETE /centres/{centre}/catalogue/resources/{id}': { roles: partnerEditors },
  'GET /centres/{centre}/catalogue/export': { roles: centreStaff },
  'POST /centres/{centre}/catalogue/import': { roles: partnerEditors },
  'POST /centres/{centre}/catalogue/themes': { roles: managers },
  'PUT /centres/{centre}/catalogue/themes/{id}': { roles: managers },
  'DELETE /centres/{centre}/catalogue/themes/{id}': { roles: managers },
  'PUT /centres/{centre}/catalogue/theme-order': { roles: managers },
  'GET /centres/{centre}/events': { roles: centreStaff },
  'POST /centres/{centre}/events': { roles: partnerEditors },
  'GET /centres/{centre}/events/{id}': { roles: centreStaff },
  'PUT /centres/{centre}/events/{id}': { roles: partnerEditors },
  'DELETE /centres/{centre}/events/{id}': { roles: partnerEditors },
  'POST /centres/{centre}/sessions/{id}/check-in': { roles: centreStaff },
  'POST /centres/{centre}/sessions/{id}/drop-ins': { roles: centreStaff },
  'GET /centres/{centre}/attendance': { roles: centreStaff },
  'GET /centres/{centre}/partners/{id}': { roles: centreStaff },
  'PUT /centres/{centre}/partners/{id}': { roles: partnerEditors },
  'DELETE /centres/{centre}/partners/{id}': { roles: managers },
  'POST /centres/{centre}/partners/{id}/counsellors': { roles: partnerEditors },
  'GET /centres/{centre}/partner-settings': { roles: centreStaff },
  'PUT /centres/{centre}/partner-settings': { roles: managers },
  'GET /centres/{centre}/rota': { roles: centreStaff },
  'POST /centres/{centre}/rota': { roles: partnerEditors },
  'PUT /centres/{centre}/rota/{id}': { roles: partnerEditors },
  'DELETE /centres/{centre}/rota/{id}': { roles: partnerEditors },
  'PUT /centres/{centre}/rota/{id}/absences/{date}': { roles: partnerEditors },
  'DELETE /centres/{centre}/rota/{id}/absences/{date}': { roles: partnerEditors },
  'GET /centres/{centre}/directory': { roles: centreStaff },
  'POST /centres/{centre}/directory': { roles: partnerEditors },
  'PUT /centres/{centre}/directory/{id}': { roles: partnerEditors },
  'DELETE /centres/{centre}/directory/{id}': { roles: managers },
  'GET /centres/{centre}/knowledge': { roles: centreStaff },
  'POST /centres/{centre}/knowledge': { roles: counselling },
  'GET /centres/{centre}/knowledge/{id}': { roles: centreStaff },
  'PUT /centres/{centre}/knowledge/{id}': { roles: counselling },
  'DELETE /centres/{centre}/knowledge/{id}': { roles: counselling },
  'GET /centres/{centre}/knowledge/{id}/history': { roles: centreStaff },
  'GET /centres/{centre}/referral-suggestions': { roles: centreStaff },
  'GET /centres/{centre}/interview-themes': { roles: centreStaff },
  'POST /centres/{centre}/interview-themes': { roles: managers },
  'PUT /centres/{centre}/interview-themes/{id}': { roles: managers },
  'GET /centres/{centre}/statistics-settings': { roles: ['partner_coordinator', ...managers] },
  'PUT /centres/{centre}/statistics-settings': { roles: managers },
  'GET /centres/{centre}/statistics/visits': { roles: managers },
  'GET /centres/{centre}/statistics/interviews': { roles: ['partner_coordinator', ...managers] },
  'GET /centres/{centre}/statistics/profiles': { roles: managers },
  'GET /centres/{centre}/statistics/events': { roles: ['partner_coordinator', ...managers] },
  'GET /centres/{centre}/statistics/self-service': { roles: managers },
  'GET /centres/{centre}/statistics/export.csv': { roles: ['partner_coordinator', ...managers] },
  'GET /network/statistics': { roles: admin, deployment: true },
  'GET /network/statistics.csv': { roles: admin, deployment: true },
  'POST /centres/{centre}/notebooks/{code}/summaries': { roles: counselling },
  'GET /centres/{centre}/questions': { roles: counselling },
  'GET /centres/{centre}/questions/{id}': { roles: counselling },
  'POST /centres/{centre}/questions/{id}/answers': { roles: counselling },
  'POST /centres/{centre}/questions/{id}/messages/{message}/hide': { roles: counselling },
  'PUT /centres/{centre}/guide/situations/{situation}': { roles: managers },
  'GET /centres/{centre}/guide/settings': { roles: managers },
  'POST /centres/{centre}/guide/phrases': { roles: managers },
  'PUT /centres/{centre}/guide/phrases/{id}': { roles: managers },
  'DELETE /centres/{centre}/guide/phrases/{id}': { roles: managers },
  'GET /centres/{centre}/audit': { roles: managers },
}

type Caller = Role | 'anonymous' | 'otherCentreManager'
const callers: readonly Caller[] = ['anonymous', 'otherCentreManager', ...staffRoles]

let t: TestContext
let cookies: Record<Caller, string | undefined>
let fill: (path: string) => string
beforeAll(async () => {
  t = await createTestContext()
  const f = catalogueFactories(t)
  duringOpeningHours(t)
  const { centre, job: area, desks, take } = await walkInCentre(t)
  const desk = desks[0]?.row.id ?? ''
  const partner = await f.buildPartner(centre.id)
  const taken = await take('emploi')
  if (taken.status !== 201) throw new Error(`no ticket: ${await taken.text()}`)
  const ticket = ((await taken.json()) as { id: string }).id
  const signInAs = async (role: Role, centreId: string | null) => {
    const staff = await t.buildStaff(role, centreId)
    return t.signIn(staff.email, staff.password)
  }
  cookies = {
    anonymous: undefined,
    otherCentreManager: await signInAs('manager', (await t.buildCentre()).id),
    reception: await signInAs('reception', centre.id),
    counsellor: await signInAs('counsellor', centre.id),
    partner_coordinator: (await f.signInCoordinator(centre.id, partner.id)).cookie,
    manager: await signInAs('manager', centre.id),
    network_admin: await signInAs('network_admin', null),
  }
  // Real rows where a guard loads them before it knows the centre (a desk, a ticket); elsewhere any id.
  const values: Record<string, string> = {
    centre: centre.slug,
    area: area.id,
    desk,
    userId: randomUUID(),
    role: 'counsellor',
    taxonomy: 'esco',
    code: 'ABCD-EFGH-JKLM-NPQR',
    date: '2027-01-05',
    situation: 'work',
    action: 'no-such-action',
  }
  fill = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) =>
      name === 'id' && path.startsWith('/tickets/') ? ticket : (values[name] ?? randomUUID()),
    )
})
afterAll(() => t.close())

type Operation = { method: string; path: string; key: string }

async function staffOperations(): Promise<Operation[]> {
  const document = (await (await t.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>
  }
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => operation.security?.some((scheme) => 'cookieAuth' in scheme))
      .map(([method]) => ({ method: method.toUpperCase(), path, key: `${method.toUpperCase()} ${path}` })),
  )
}

function expectedFor(caller: Caller, key: string): 'unauthenticated' | 'forbidden' | 'allowed' {
  const entry = access[key]
  if (!entry) throw new Error(`${key} is not in the table`)
  if (caller === 'anonymous') return 'unauthenticated'
  const role: Role = caller === 'otherCentreManager' ? 'manager' : caller
  if (caller === 'otherCentreManager' && !entry.deployment) return 'forbidden'
  return entry.roles.includes(role) ? 'allowed' : 'forbidden'
}

describe('who may call each staff endpoint', () => {
  it('has every staff operation of the API in the table, and nothing else', async () => {
    const operations = (await staffOperations()).map((operation) => operation.key).sort()
    expect(operations.length).toBeGreaterThan(90)
    expect(operations).toEqual(Object.keys(access).sort())
  })

  it('answers 401 without a session, 403 to a role not in the table or another centre’s manager, and lets the others through', async () => {
    const mismatches: string[] = []
    for (const { method, path, key } of await staffOperations()) {
      if (!access[key]) continue
      for (const caller of callers) {
        const response = await t.request(`/api/v1${fill(path)}`, {
          method,
          cookie: cookies[caller],
          ...(['POST', 'PUT', 'PATCH'].includes(method) ? { body: {} } : {}),
        })
        // The staff live stream never ends: only its status is wanted.
        await response.body?.cancel()
        const expected = expectedFor(caller, key)
        const got =
          response.status === 401 ? 'unauthenticated' : response.status === 403 ? 'forbidden' : 'allowed'
        // A failure is never an answer, whoever asks.
        if (got !== expected || response.status >= 500)
          mismatches.push(`${key} as ${caller}: ${response.status}, expected ${expected}`)
      }
    }
    expect(mismatches).toEqual([])
  })

  it('answers 404, not a failure, to a malformed ticket or desk id (their guards read them first)', async () => {
    for (const [method, path] of [
      ['GET', '/tickets/not-a-ticket'],
      ['GET', '/tickets/not-a-ticket/profile'],
      ['POST', '/desks/not-a-desk/call-next'],
    ] as const) {
      const response = await t.request(`/api/v1${path}`, { method, cookie: cookies.manager })
      expect(response.status, path).toBe(404)
    }
  })
})
