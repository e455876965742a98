import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportTables } from '../../../shared/schemas/statistics'
import { createTestContext, type TestContext } from '../../test/app'
import { saveTheme } from '../interviews/interview-service'
import { catalogueFactories } from '../resources/testing'
import { foldStatistics } from './retention'
import { activityFactories } from './testing'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
let a: ReturnType<typeof activityFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
  a = activityFactories(t)
  t.clock.now = new Date('2026-12-06T10:00:00Z')
})
afterAll(() => t.close())

/** Every count published in a response: numbers, except those that are not counts of people. */
function countsIn(value: unknown): number[] {
  if (typeof value === 'number') return [value]
  if (Array.isArray(value)) return value.flatMap(countsIn)
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) =>
      ['k', 'hours', 'weekday', 'medianMinutes', 'sessions'].includes(key) ? [] : countsIn(inner),
    )
  return []
}

const day = fc.constantFrom('2026-11-02', '2026-11-03', '2026-11-05', '2026-12-06')
const batch = fc.record({
  n: fc.integer({ min: 1, max: 7 }),
  day,
  area: fc.integer({ min: 0, max: 2 }),
  hour: fc.integer({ min: 8, max: 17 }),
  wait: fc.integer({ min: 0, max: 70 }),
  status: fc.constantFrom('done', 'no_show', 'closed') as fc.Arbitrary<'done' | 'no_show' | 'closed'>,
  theme: fc.integer({ min: 0, max: 2 }),
  partner: fc.boolean(),
})

describe('disclosure control on every dashboard', () => {
  it('never publishes a count from 1 to k−1, whatever the activity and the threshold, folded or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(batch, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 2, max: 7 }),
        fc.boolean(),
        async (batches, k, fold) => {
          const centre = await t.buildCentre()
          const areas = [
            await t.buildArea(centre.id, { ticketLetter: 'A' }),
            await t.buildArea(centre.id, { ticketLetter: 'B' }),
            await t.buildArea(centre.id, { ticketLetter: 'C' }),
          ]
          const partner = await f.buildPartner(centre.id)
          const themes = await Promise.all(
            ['cv', 'logement', 'droit'].map(
              async (slug) =>
                (
                  await saveTheme({
                    db: t.db,
                    centreId: centre.id,
                    actorUserId: null,
                    input: { slug, name: { fr: slug } },
                  })
                ).id,
            ),
          )
          const manager = await f.signInManager(centre.id)
          await t.request(`/api/v1/centres/${centre.slug}/statistics-settings`, {
            method: 'PUT',
            cookie: manager,
            body: { threshold: k, retentionDays: 90 },
          })
          for (const b of batches) {
            const areaId = areas[b.area]?.id ?? ''
            const arrival = `${b.day}T${String(b.hour).padStart(2, '0')}:00:00Z`
            await a.buildVisits(b.n, {
              centreId: centre.id,
              areaId,
              day: b.day,
              arrival,
              wait: b.wait,
              status: b.status,
            })
            await a.buildInterviews(b.n, {
              centreId: centre.id,
              areaId,
              day: b.day,
              partnerId: b.partner ? partner.id : undefined,
              themeIds: [themes[b.theme] ?? ''],
              outcomes: b.partner ? ['information', 'referral'] : ['come_back'],
              referral: b.partner ? 'Service logement' : undefined,
            })
            await a.buildProfiles(b.n, {
              centreId: centre.id,
              day: b.day,
              ageBand: b.hour < 12 ? '16_25' : 'over_65',
            })
          }
          if (fold) await foldStatistics({ db: t.db, now: t.clock.now })
          const period = 'from=2026-11-01&to=2026-12-06'
          const base = `/api/v1/centres/${centre.slug}/statistics`
          for (const section of ['visits', 'interviews', 'profiles', 'events', 'self-service']) {
            const response = await t.request(`${base}/${section}?${period}`, { cookie: manager })
            expect(response.status).toBe(200)
            const leaked = countsIn(await response.json()).filter((n) => n >= 1 && n < k)
            expect(leaked, section).toEqual([])
          }
          for (const table of exportTables) {
            const csv = await (
              await t.request(`${base}/export.csv?table=${table}&${period}`, { cookie: manager })
            ).text()
            // Dates, hours and medians aside, no cell of a CSV is a small number.
            const cells = csv
              .split('\r\n')
              .slice(1)
              .flatMap((line) => line.split(',').slice(1))
            const columns = csv.split('\r\n')[0]?.split(',') ?? []
            const medianAt = columns.indexOf('median_minutes') - 1
            const leaked = cells.filter(
              (cell, index) =>
                /^\d+$/.test(cell) &&
                Number(cell) >= 1 &&
                Number(cell) < k &&
                !(medianAt >= 0 && index % (columns.length - 1) === medianAt) &&
                !(table === 'events-by-type' && index % 4 === 0),
            )
            expect(leaked, table).toEqual([])
          }
        },
      ),
      { numRuns: 12 },
    )
  }, 240_000)
})
