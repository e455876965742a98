import { and, inArray, isNotNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventInput } from '../../../shared/schemas/events'
import { auditLog } from '../../db/schema/staff'
import { createTestContext, type TestContext } from '../../test/app'
import { replaceWeeklyHours } from '../centres/hours-service'
import { createEvent } from '../events/events-service'
import { catalogueFactories } from '../resources/testing'
import { createShift } from '../rota/rota-service'

/**
 * A partner coordinator may change what their own partner contributes, and nothing of another partner's:
 * every endpoint that takes a partner's data is tried on the other partner's (403, nothing written) and,
 * as a control, on their own (it works). The role × endpoint matrix is in `staff-access.int.test.ts`.
 */
let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
  t.clock.now = new Date('2026-12-02T08:00:00Z')
})
afterAll(() => t.close())

const workshop = (): EventInput => ({
  type: 'workshop',
  title: { fr: 'Réussir son entretien' },
  description: {},
  language: 'fr',
  place: 'Salle 2',
  sessions: [{ startsAt: '2027-01-05T09:00:00Z', endsAt: '2027-01-05T11:00:00Z' }],
})
const shift = (areaId: string, partnerId: string) => ({
  areaId,
  partnerId,
  expertise: 'business_creation' as const,
  languages: ['fr'],
  weekday: 2,
  startsAt: '10:00',
  endsAt: '12:00',
})
const period = 'from=2026-11-01&to=2026-12-01'

type Call = { method: string; path: string; body?: unknown }

describe('a partner coordinator and another partner’s data', () => {
  it('is refused everything that would change or read out another partner’s, and allowed their own', async () => {
    const centre = await t.buildCentre()
    await replaceWeeklyHours({
      db: t.db,
      centreId: centre.id,
      actorUserId: null,
      input: { spans: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '18:00' })) },
    })
    const area = await t.buildArea(centre.id)
    const own = await f.buildPartner(centre.id)
    const other = await f.buildPartner(centre.id)
    const { cookie } = await f.signInCoordinator(centre.id, own.id)
    const base = `/api/v1/centres/${centre.slug}`

    /** Fresh rows of one partner for each call, so that a removal never hides the next refusal. */
    const rowsOf = async (partnerId: string) => ({
      partnerId,
      resource: await f.shelve(centre.id, f.resourceInput(), partnerId),
      event: await createEvent({
        db: t.db,
        centreId: centre.id,
        actorUserId: null,
        writer: { kind: 'partner', partnerId },
        now: t.clock.now,
        input: workshop(),
      }),
      shift: await createShift({
        db: t.db,
        centreId: centre.id,
        actorUserId: null,
        writer: { kind: 'manager' },
        input: shift(area.id, partnerId),
      }),
    })
    type Rows = Awaited<ReturnType<typeof rowsOf>>

    const cases: { name: string; call: (rows: Rows) => Call; allowed: number }[] = [
      {
        name: 'change the partner’s card',
        call: (rows) => ({
          method: 'PUT',
          path: `${base}/partners/${rows.partnerId}`,
          body: { name: `Partenaire ${rows.partnerId.slice(0, 8)}`, type: 'association', description: {} },
        }),
        allowed: 200,
      },
      {
        name: 'invite a counsellor of the partner',
        call: (rows) => ({
          method: 'POST',
          path: `${base}/partners/${rows.partnerId}/counsellors`,
          body: { name: 'Nouvelle', email: `new-${rows.resource.slice(0, 8)}@example.org` },
        }),
        allowed: 201,
      },
      {
        name: 'change a resource',
        call: (rows) => ({
          method: 'PUT',
          path: `${base}/catalogue/resources/${rows.resource}`,
          body: f.resourceInput(),
        }),
        allowed: 200,
      },
      {
        name: 'remove a resource',
        call: (rows) => ({ method: 'DELETE', path: `${base}/catalogue/resources/${rows.resource}` }),
        allowed: 204,
      },
      {
        name: 'change an event',
        call: (rows) => ({ method: 'PUT', path: `${base}/events/${rows.event}`, body: workshop() }),
        allowed: 200,
      },
      {
        name: 'cancel an event',
        call: (rows) => ({ method: 'DELETE', path: `${base}/events/${rows.event}` }),
        allowed: 200,
      },
      {
        name: 'add a shift for the partner',
        call: (rows) => ({ method: 'POST', path: `${base}/rota`, body: shift(area.id, rows.partnerId) }),
        allowed: 201,
      },
      {
        name: 'change a shift',
        call: (rows) => ({
          method: 'PUT',
          path: `${base}/rota/${rows.shift}`,
          body: { ...shift(area.id, own.id), startsAt: '14:00', endsAt: '16:00' },
        }),
        allowed: 200,
      },
      {
        name: 'remove a shift',
        call: (rows) => ({ method: 'DELETE', path: `${base}/rota/${rows.shift}` }),
        allowed: 204,
      },
      {
        name: 'mark a shift off for a day',
        call: (rows) => ({ method: 'PUT', path: `${base}/rota/${rows.shift}/absences/2027-01-05` }),
        allowed: 204,
      },
      {
        name: 'hold a shift again on a day',
        call: (rows) => ({ method: 'DELETE', path: `${base}/rota/${rows.shift}/absences/2027-01-05` }),
        allowed: 204,
      },
      {
        name: 'read the partner’s interview figures',
        call: (rows) => ({
          method: 'GET',
          path: `${base}/statistics/interviews?${period}&partner=${rows.partnerId}`,
        }),
        allowed: 200,
      },
      {
        name: 'read the partner’s event figures',
        call: (rows) => ({
          method: 'GET',
          path: `${base}/statistics/events?${period}&partner=${rows.partnerId}`,
        }),
        allowed: 200,
      },
      {
        name: 'export the partner’s interview figures',
        call: (rows) => ({
          method: 'GET',
          path: `${base}/statistics/export.csv?${period}&table=interviews-by-day&partner=${rows.partnerId}`,
        }),
        allowed: 200,
      },
    ]

    const mismatches: string[] = []
    const othersIds: string[] = [other.id]
    for (const { name, call, allowed } of cases)
      for (const [whose, partnerId, expected] of [
        ['another partner’s', other.id, 403],
        ['their own', own.id, allowed],
      ] as const) {
        const rows = await rowsOf(partnerId)
        if (partnerId === other.id) othersIds.push(rows.resource, rows.event, rows.shift)
        const { method, path, body } = call(rows)
        const response = await t.request(path, { method, cookie, body })
        if (response.status !== expected)
          mismatches.push(
            `${name}, ${whose}: ${response.status}, expected ${expected} — ${await response.text()}`,
          )
        else await response.body?.cancel()
      }
    expect(mismatches).toEqual([])

    // Nothing of the other partner's was written: the change log has no staff write about it.
    const written = await t.db
      .select({ entity: auditLog.entity, entityId: auditLog.entityId })
      .from(auditLog)
      .where(and(isNotNull(auditLog.actorUserId), inArray(auditLog.entityId, othersIds)))
    expect(written).toEqual([])
  })
})
