import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema/staff'
import { createTestContext, type TestContext } from '../../test/app'
import { walkInCentre } from '../../test/walk-in'
import { createClosure } from '../centres/closures-service'
import { replaceWeeklyHours } from '../centres/hours-service'

let t: TestContext
const TUESDAY_11H_PARIS = new Date('2026-11-24T10:00:00Z')
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

/** The walk-in fixture with a receptionist signed in, and the calls reception makes. */
async function setUp() {
  t.clock.now = TUESDAY_11H_PARIS
  const walkIn = await walkInCentre(t)
  const receptionist = await t.buildStaff('reception', walkIn.centre.id)
  const reception = await t.signIn(receptionist.email, receptionist.password)
  const setDay = (area: string, state: string, cookie = reception) =>
    t.request(`/api/v1/centres/${walkIn.centre.slug}/areas/${area}/today`, {
      method: 'PUT',
      cookie,
      body: { state },
      lang: 'en',
    })
  const portalArea = async (slug: string) => {
    const home = await (await t.request(`/api/v1/centres/${walkIn.centre.slug}/portal`)).json()
    return home.areas.find((a: { slug: string }) => a.slug === slug).status
  }
  return { ...walkIn, reception, receptionist, setDay, portalArea }
}

describe('reception opens and closes an area for the day', () => {
  it('closes an area to new tickets for the rest of the day while those waiting are still called', async () => {
    const { take, open, callNext, setDay, portalArea } = await setUp()
    const waiting = await (await take('emploi')).json()
    const closed = await setDay('emploi', 'closed')
    expect(closed.status).toBe(200)
    expect(await closed.json()).toMatchObject({
      area: 'emploi',
      isOpen: false,
      dayOverride: 'closed',
      waiting: 1,
    })
    const refused = await take('emploi')
    expect(refused.status).toBe(409)
    expect((await refused.json()).error.fields.area).toBeDefined()
    // The other area is untouched.
    expect((await take('formation')).status).toBe(201)
    // Kiosk and portal say when it opens again: tomorrow morning, not later today.
    expect(await portalArea('emploi')).toMatchObject({
      isOpen: false,
      dayOverride: 'closed',
      nextOpening: { date: '2026-11-25', time: '08:00' },
    })
    await open(0, ['emploi'])
    expect(await (await callNext(0)).json()).toMatchObject({ code: waiting.code })
  })

  it('hands the area back to its planned hours on request, and forgets the decision the next day', async () => {
    const { take, setDay, portalArea } = await setUp()
    await setDay('emploi', 'closed')
    const restored = await setDay('emploi', 'scheduled')
    expect(await restored.json()).toMatchObject({ isOpen: true, dayOverride: null })
    expect((await take('emploi')).status).toBe(201)

    await setDay('emploi', 'closed')
    t.clock.now = new Date('2026-11-25T10:00:00Z')
    expect(await portalArea('emploi')).toMatchObject({ isOpen: true, dayOverride: null })
    expect((await take('emploi')).status).toBe(201)
  })

  it('opens an area outside its own hours whenever the centre is open, and not when it is shut', async () => {
    const { centre, training, take, setDay, portalArea } = await setUp()
    await replaceWeeklyHours({
      db: t.db,
      centreId: centre.id,
      actorUserId: null,
      input: { areaId: training.id, spans: [{ weekday: 2, opensAt: '08:00', closesAt: '09:00' }] },
    })
    expect((await take('formation')).status).toBe(409)
    const opened = await setDay('formation', 'open')
    expect(await opened.json()).toMatchObject({ isOpen: true, dayOverride: 'open' })
    expect(await portalArea('formation')).toMatchObject({ isOpen: true, openUntil: '18:00' })
    expect((await take('formation')).status).toBe(201)

    // After the centre's own closing time, an opened area is closed like everything else.
    t.clock.now = new Date('2026-11-24T18:30:00Z')
    expect((await take('formation')).status).toBe(409)
  })

  it('refuses to open an area on a day the centre does not open, with a message that says why', async () => {
    const { centre, setDay } = await setUp()
    await createClosure({
      db: t.db,
      centreId: centre.id,
      actorUserId: null,
      input: { startsOn: '2026-11-24', endsOn: '2026-11-24', reason: { fr: 'Inventaire' } },
    })
    const refused = await setDay('emploi', 'open')
    expect(refused.status).toBe(409)
    expect((await refused.json()).error.message).toBe(
      'The centre does not open today, so this area cannot be opened.',
    )
    expect(await (await setDay('emploi', 'closed')).json()).toMatchObject({ dayOverride: 'closed' })
  })

  it('answers 404 for an unknown area, 422 for an unknown state, and keeps counsellors and strangers out', async () => {
    const { setDay, cookie } = await setUp()
    expect((await setDay('nulle-part', 'closed')).status).toBe(404)
    const invalid = await setDay('emploi', 'ajar')
    expect(invalid.status).toBe(422)
    expect((await invalid.json()).error.fields.state).toBeDefined()
    expect((await setDay('emploi', 'closed', cookie)).status).toBe(403)
    expect((await setDay('emploi', 'closed', '')).status).toBe(401)
  })

  it('records who decided in the audit log', async () => {
    const { centre, job, receptionist, setDay } = await setUp()
    await setDay('emploi', 'closed')
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.centreId, centre.id), eq(auditLog.entity, 'area_day_state')))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorUserId: receptionist.userId,
      entityId: job.id,
      data: { serviceDate: '2026-11-24', state: 'closed' },
    })
  })
})
