import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditPage } from '../../../shared/schemas/audit'
import { createTestContext, type TestContext } from '../../test/app'
import { localDateOf } from '../centres/opening-status'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const day = (offset: number) => localDateOf(new Date(Date.now() + offset * 86_400_000), 'Europe/Paris')

async function managedCentre() {
  const centre = await t.buildCentre()
  const manager = await t.buildStaff('manager', centre.id)
  const cookie = await t.signIn(manager.email, manager.password)
  const base = `/api/v1/centres/${centre.slug}`
  const readLog = async (query = '', as = cookie) => {
    const response = await t.request(`${base}/audit${query}`, { cookie: as, lang: 'en' })
    return { status: response.status, body: (await response.json()) as AuditPage }
  }
  const addDesk = async (name: string) => {
    const response = await t.request(`${base}/desks`, { method: 'POST', cookie, body: { name } })
    expect(response.status).toBe(201)
    return ((await response.json()) as { id: string }).id
  }
  return { centre, manager, cookie, base, readLog, addDesk }
}

describe('the change log', () => {
  it('shows a manager each write, newest first, with who made it, and nothing of what was written', async () => {
    const { manager, readLog, addDesk, base, cookie } = await managedCentre()
    const first = await addDesk('Bureau 1')
    const second = await addDesk('Bureau 2')
    await t.request(`${base}/desks/${first}`, { method: 'DELETE', cookie })

    const log = await readLog()
    expect(log.status).toBe(200)
    // Before them: the centre and the manager's role, written with no one signed in (null actor).
    expect(
      log.body.items
        .slice(0, 3)
        .map(({ action, entity, entityId, actor }) => ({ action, entity, entityId, actor })),
    ).toEqual([
      { action: 'delete', entity: 'desk', entityId: first, actor: manager.name },
      { action: 'create', entity: 'desk', entityId: second, actor: manager.name },
      { action: 'create', entity: 'desk', entityId: first, actor: manager.name },
    ])
    expect(log.body.items.slice(3).map(({ entity, actor }) => ({ entity, actor }))).toEqual([
      { entity: 'staff_role', actor: null },
      { entity: 'centre', actor: null },
    ])
    expect(log.body.nextCursor).toBeNull()
    // The desk's name was recorded with the write; the log never hands it out.
    expect(JSON.stringify(log.body)).not.toContain('Bureau')
  })

  it('filters by days of the centre and by kind of thing, and pages without repeating an entry', async () => {
    const { readLog, addDesk, base, cookie } = await managedCentre()
    for (const name of ['A', 'B', 'C']) await addDesk(name)
    const closure = await t.request(`${base}/closures`, {
      method: 'POST',
      cookie,
      body: { areaId: null, startsOn: '2030-01-02', endsOn: '2030-01-02', reason: {} },
    })
    expect(closure.status).toBe(201)

    expect((await readLog(`?entity=closure`)).body.items.map((entry) => entry.entity)).toEqual(['closure'])
    const before = (await readLog()).body.items.length
    expect((await readLog(`?from=${day(-1)}&to=${day(1)}`)).body.items).toHaveLength(before)
    expect((await readLog(`?from=${day(2)}`)).body.items).toEqual([])
    expect((await readLog(`?to=${day(-2)}`)).body.items).toEqual([])

    const first = await readLog('?entity=desk&limit=2')
    expect(first.body.items).toHaveLength(2)
    expect(first.body.nextCursor).not.toBeNull()
    const next = await readLog(`?entity=desk&limit=2&cursor=${first.body.nextCursor}`)
    expect(next.body.items).toHaveLength(1)
    expect(next.body.nextCursor).toBeNull()
    const ids = [...first.body.items, ...next.body.items].map((entry) => entry.id)
    expect(new Set(ids).size).toBe(3)

    // Another centre's writes never show.
    const other = await managedCentre()
    await other.addDesk('Ailleurs')
    expect((await readLog()).body.items).toHaveLength(before)
  })

  it('refuses a period that ends before it starts, in the request’s language', async () => {
    const { readLog } = await managedCentre()
    const refused = await readLog(`?from=${day(0)}&to=${day(-3)}`)
    expect(refused.status).toBe(422)
    expect(JSON.stringify(refused.body)).toContain('The period must end after it starts.')
  })

  it('is for the centre’s managers only', async () => {
    const { centre, base } = await managedCentre()
    const counsellor = await t.buildStaff('counsellor', centre.id)
    const elsewhere = await t.buildStaff('manager', (await t.buildCentre()).id)
    expect((await t.request(`${base}/audit`)).status).toBe(401)
    const asCounsellor = await t.signIn(counsellor.email, counsellor.password)
    expect((await t.request(`${base}/audit`, { cookie: asCounsellor })).status).toBe(403)
    const asOtherManager = await t.signIn(elsewhere.email, elsewhere.password)
    expect((await t.request(`${base}/audit`, { cookie: asOtherManager })).status).toBe(403)
  })

  it('records the counts staff change at an event’s door', async () => {
    const { centre, base, cookie, readLog } = await managedCentre()
    const reception = await t.buildStaff('reception', centre.id)
    const door = await t.signIn(reception.email, reception.password)
    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()
    const created = await t.request(`${base}/events`, {
      method: 'POST',
      cookie,
      body: {
        type: 'workshop',
        title: { fr: 'Atelier CV' },
        description: {},
        language: 'fr',
        place: 'Salle 2',
        sessions: [{ startsAt: at(1), endsAt: at(2), booking: true, capacity: 10, maxGroup: 2 }],
      },
    })
    expect(created.status).toBe(201)
    const session = ((await created.json()) as { sessions: { id: string }[] }).sessions[0]?.id
    const booked = await t.request(`/api/v1/sessions/${session}/bookings`, {
      method: 'POST',
      body: { seats: 2 },
    })
    const { code } = (await booked.json()) as { code: string }
    const checkIn = await t.request(`${base}/sessions/${session}/check-in`, {
      method: 'POST',
      cookie: door,
      body: { code },
    })
    expect(checkIn.status).toBe(200)
    const counted = await t.request(`${base}/sessions/${session}/drop-ins`, {
      method: 'POST',
      cookie: door,
      body: { change: 2 },
    })
    expect(counted.status).toBe(200)

    const log = await readLog('?entity=event_session')
    expect(log.body.items.map(({ action, entityId, actor }) => ({ action, entityId, actor }))).toEqual([
      { action: 'update', entityId: session, actor: reception.name },
      { action: 'check_in', entityId: session, actor: reception.name },
    ])
  })
})
