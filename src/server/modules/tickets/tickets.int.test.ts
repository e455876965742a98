import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { centre as centreTable } from '../../db/schema/centres'
import { ticket, ticketStep } from '../../db/schema/tickets'
import { createTestContext, type TestContext } from '../../test/app'
import { walkInCentre } from '../../test/walk-in'
import { createDesk } from '../centres/desks-service'
import { closeStaleTickets } from './end-of-day'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  t.clock.now = new Date('2026-11-24T10:00:00Z') // a Tuesday, 11:00 in Paris
})
afterAll(() => t.close())

const setUp = () => walkInCentre(t)

describe('taking a ticket', () => {
  it('numbers tickets per area letter and day, and gives a position and an estimate', async () => {
    const { take } = await setUp()
    const first = await take('emploi')
    expect(first.status).toBe(201)
    const a = await first.json()
    expect(a).toMatchObject({ code: 'E-001', area: 'emploi', status: 'waiting', position: 1 })
    expect(a.estimatedWait.maxMinutes).toBeGreaterThan(a.estimatedWait.minMinutes)
    expect(a.trackToken.length).toBeGreaterThanOrEqual(22)
    t.clock.now = new Date(t.clock.now.getTime() + 1000)
    const b = await (await take('emploi')).json()
    expect(b).toMatchObject({ code: 'E-002', position: 2 })
    expect((await (await take('formation')).json()).code).toBe('F-001')
  })

  it('gives distinct codes to tickets taken at the same instant on several kiosks', async () => {
    const { take } = await setUp()
    const results = await Promise.all(Array.from({ length: 8 }, () => take('emploi')))
    const codes = await Promise.all(results.map(async (r) => (await r.json()).code))
    expect(new Set(codes).size).toBe(8)
    expect(codes.sort()).toEqual(['E-001', 'E-002', 'E-003', 'E-004', 'E-005', 'E-006', 'E-007', 'E-008'])
  })

  it('refuses an unknown area (404), a language the centre does not offer (422) and a closed area (409)', async () => {
    const { take } = await setUp()
    expect((await take('nulle-part')).status).toBe(404)
    const language = await take('emploi', { language: 'de' })
    expect(language.status).toBe(422)
    expect((await language.json()).error.fields.language).toBeDefined()
    const saved = t.clock.now
    t.clock.now = new Date('2026-11-24T20:00:00Z') // 21:00 in Paris
    const closed = await take('emploi')
    t.clock.now = saved
    expect(closed.status).toBe(409)
  })
})

describe('calling', () => {
  it('calls the longest-waiting ticket the desk serves, 204 when nobody waits, 409 without a session', async () => {
    const { take, open, callNext } = await setUp()
    expect((await callNext(0)).status).toBe(409)
    expect((await open(0, ['emploi'])).status).toBe(201)
    expect((await callNext(0)).status).toBe(204)
    await take('formation')
    const e1 = await (await take('emploi')).json()
    await take('emploi')
    const called = await callNext(0)
    expect(called.status).toBe(200)
    expect(await called.json()).toMatchObject({ code: e1.code, status: 'called', desk: 'Bureau 1' })
  })

  it('interleaves priority tickets one in three instead of letting them jump the whole queue', async () => {
    const { take, open, callNext } = await setUp()
    await open(0, ['emploi'])
    const base = t.clock.now.getTime()
    const kinds = [false, false, false, false, true, true]
    for (const [i, priority] of kinds.entries()) {
      t.clock.now = new Date(base + i * 1000)
      await take('emploi', { priority })
    }
    const order: string[] = []
    for (let i = 0; i < 6; i++) order.push((await (await callNext(0)).json()).code)
    // E-001, E-002 regular; then a priority (E-005); then regular E-003, E-004; then priority E-006.
    expect(order).toEqual(['E-001', 'E-002', 'E-005', 'E-003', 'E-004', 'E-006'])
  })

  it('never gives the same ticket to two desks calling at the same instant', async () => {
    const { centre, take, cookie } = await setUp()
    const desks = await Promise.all(
      [3, 4, 5, 6, 7, 8].map((n) =>
        createDesk({ db: t.db, centreId: centre.id, actorUserId: null, input: { name: `Bureau ${n}` } }),
      ),
    )
    for (const d of desks) {
      await t.request(`/api/v1/desks/${d.row.id}/session`, {
        method: 'POST',
        cookie,
        body: { areas: ['emploi'], languages: ['fr'] },
      })
    }
    for (let i = 0; i < 10; i++) await take('emploi')
    const results = await Promise.all(
      [...desks, ...desks].map((d) =>
        t.request(`/api/v1/desks/${d.row.id}/call-next`, { method: 'POST', cookie }),
      ),
    )
    const codes = await Promise.all(
      results.filter((r) => r.status === 200).map(async (r) => (await r.json()).code),
    )
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    expect(results.filter((r) => r.status === 204)).toHaveLength(2)
  })
})

describe('the life of a ticket', () => {
  it('transfers to another area keeping code and arrival; a counsellor there calls the same code and reads the note', async () => {
    const { take, open, callNext, act } = await setUp()
    await open(0, ['emploi'])
    await open(1, ['formation'])
    const issued = await (await take('emploi')).json()
    const called = await (await callNext(0)).json()
    expect((await act(called.id, 'start')).status).toBe(200)
    const same = await act(called.id, 'transfer', { transfer: { area: 'emploi' } })
    expect(same.status).toBe(422)
    const moved = await act(called.id, 'transfer', {
      transfer: { area: 'formation', note: 'Cherche une formation de cariste' },
    })
    expect(moved.status).toBe(200)
    expect(await moved.json()).toMatchObject({ code: issued.code, area: 'formation', status: 'waiting' })
    const there = await (await callNext(1)).json()
    expect(there).toMatchObject({
      code: issued.code,
      desk: 'Bureau 2',
      handoverNote: 'Cherche une formation de cariste',
    })
    expect(there.steps.map((s: { kind: string }) => s.kind)).toEqual([
      'issued',
      'called',
      'started',
      'transferred',
      'called',
    ])
    const [row] = await t.db.select().from(ticket).where(eq(ticket.id, there.id))
    expect(row?.queuedAt.getTime()).toBe(new Date(there.steps[0].at).getTime())
  })

  it('turns a ticket into a no-show after the configured recalls, and requeues it when the visitor comes back', async () => {
    const { take, open, callNext, act } = await setUp()
    await open(0, ['emploi'])
    await take('emploi')
    const called = await (await callNext(0)).json()
    expect((await (await act(called.id, 'recall')).json()).recallCount).toBe(1)
    expect((await (await act(called.id, 'recall')).json()).recallCount).toBe(2)
    expect((await (await act(called.id, 'recall')).json()).status).toBe('no_show')
    const back = await act(called.id, 'requeue')
    expect((await back.json()).status).toBe('waiting')
    expect((await (await callNext(0)).json()).code).toBe(called.code)
  })

  it('refuses to finish a ticket that was never called, with a message, changing nothing', async () => {
    const { take, act } = await setUp()
    const issued = await (await take('emploi')).json()
    const response = await act(issued.id, 'finish')
    expect(response.status).toBe(409)
    expect((await response.json()).error.message).toContain('Not possible for a ticket in this state')
    const [row] = await t.db.select().from(ticket).where(eq(ticket.id, issued.id))
    expect(row?.status).toBe('waiting')
  })

  it('lets the visitor follow the ticket by its token only, and see the desk when called', async () => {
    const { take, open, callNext } = await setUp()
    await open(0, ['emploi'])
    const issued = await (await take('emploi')).json()
    const before = await (await t.request(`/api/v1/tickets/track/${issued.trackToken}`)).json()
    expect(before).toMatchObject({ code: issued.code, status: 'waiting', position: 1, desk: null })
    await callNext(0)
    const after = await (await t.request(`/api/v1/tickets/track/${issued.trackToken}`)).json()
    expect(after).toMatchObject({ status: 'called', desk: 'Bureau 1', position: null })
    expect(Object.keys(after).sort()).toEqual([
      'area',
      'centre',
      'code',
      'desk',
      'estimatedWait',
      'position',
      'status',
    ])
    expect((await t.request(`/api/v1/tickets/track/${'x'.repeat(22)}`)).status).toBe(404)
  })

  it('cuts off a client guessing tracking links, but never counts a right one against it', async () => {
    const limited = await createTestContext({
      handle: t.handle,
      codeLimit: { wrongCodes: 3, windowMs: 60_000 },
    })
    // The centre's hours, not the time the suite happens to run, decide whether a ticket is issued.
    limited.clock.now = t.clock.now
    const { take } = await walkInCentre(limited)
    const issued = await (await take('emploi')).json()
    for (let i = 0; i < 5; i++)
      expect((await limited.request(`/api/v1/tickets/track/${issued.trackToken}`)).status).toBe(200)
    for (let i = 0; i < 3; i++)
      expect((await limited.request(`/api/v1/tickets/track/${'g'.repeat(20)}${i}${i}`)).status).toBe(404)
    const refused = await limited.request(`/api/v1/tickets/track/${issued.trackToken}`, { lang: 'en' })
    expect(refused.status).toBe(429)
    expect((await refused.json()).error.message).toBe(
      'Too many unknown ticket links from this device. Try again in a few minutes.',
    )
  })
})

describe('queues and end of day', () => {
  it('shows per area whether it is open, how many wait and how many desks serve it', async () => {
    const { centre, take, open } = await setUp()
    await open(0, ['emploi'])
    await take('emploi')
    await take('emploi')
    const queue = await (await t.request(`/api/v1/centres/${centre.slug}/queue`)).json()
    expect(queue).toEqual([
      expect.objectContaining({ area: 'emploi', isOpen: true, waiting: 2, desksOpen: 1 }),
      expect.objectContaining({ area: 'formation', isOpen: true, waiting: 0, desksOpen: 0 }),
    ])
  })

  it('closes waiting tickets after closing time and restarts numbering the next day', async () => {
    const { centre, take } = await setUp()
    const issued = await (await take('emploi')).json()
    await closeStaleTickets({ db: t.db, now: new Date('2026-11-24T16:00:00Z') }) // 17:00, still open
    let [row] = await t.db.select().from(ticket).where(eq(ticket.id, issued.id))
    expect(row?.status).toBe('waiting')
    await closeStaleTickets({ db: t.db, now: new Date('2026-11-24T17:30:00Z') }) // 18:30, closed for the day
    ;[row] = await t.db.select().from(ticket).where(eq(ticket.id, issued.id))
    expect(row?.status).toBe('closed')
    const saved = t.clock.now
    t.clock.now = new Date('2026-11-25T08:00:00Z')
    expect((await (await take('emploi')).json()).code).toBe('E-001')
    t.clock.now = saved
    expect(centre.id).toBeTruthy()
  })

  it('erases handover notes once their day is over, and keeps the visit’s steps for the counts', async () => {
    const { take, open, callNext, act } = await setUp()
    const issued = await (await take('emploi')).json()
    await open(0, ['emploi'])
    await callNext(0)
    await act(issued.id, 'transfer', {
      transfer: { area: 'formation', note: 'Asks about a forklift licence.' },
    })
    await closeStaleTickets({ db: t.db, now: new Date('2026-11-24T17:30:00Z') }) // same evening
    const [kept] = await t.db.select().from(ticket).where(eq(ticket.id, issued.id))
    expect(kept?.handoverNote).toBe('Asks about a forklift licence.')

    await closeStaleTickets({ db: t.db, now: new Date('2026-11-25T07:00:00Z') }) // next morning
    const [row] = await t.db.select().from(ticket).where(eq(ticket.id, issued.id))
    expect(row?.handoverNote).toBeNull()
    const steps = await t.db.select().from(ticketStep).where(eq(ticketStep.ticketId, issued.id))
    expect(steps.map((step) => step.kind)).toEqual(['issued', 'called', 'transferred'])
    expect(steps.every((step) => step.note === null)).toBe(true)
  })
})

describe('who may call', () => {
  it('gives anonymous callers 401 and a partner coordinator 403 on desk actions', async () => {
    const { centre, desks } = await setUp()
    const deskId = desks[0]?.row.id
    expect((await t.request(`/api/v1/desks/${deskId}/call-next`, { method: 'POST' })).status).toBe(401)
    const coordinator = await t.buildStaff('partner_coordinator', centre.id)
    const cookie = await t.signIn(coordinator.email, coordinator.password)
    expect((await t.request(`/api/v1/desks/${deskId}/call-next`, { method: 'POST', cookie })).status).toBe(
      403,
    )
    const [row] = await t.db.select().from(centreTable).where(eq(centreTable.id, centre.id))
    expect(row?.maxRecalls).toBe(2)
  })
})

describe('the walk-in board', () => {
  it('lists today’s tickets in play and the open desks, for front-line staff only', async () => {
    const { centre, desks, cookie, take, open, callNext, act } = await setUp()
    const first = await (await take('emploi')).json()
    t.clock.now = new Date(t.clock.now.getTime() + 1000)
    const second = await (await take('formation', { priority: true })).json()
    const third = await (await take('emploi')).json()
    await open(0, ['emploi'], ['fr'])
    await callNext(0)
    await act(third.id, 'cancel')

    const board = await (await t.request(`/api/v1/centres/${centre.slug}/walk-in`, { cookie })).json()
    expect(board.tickets).toEqual([
      expect.objectContaining({ id: first.id, status: 'called', desk: desks[0]?.row.id, area: 'emploi' }),
      expect.objectContaining({ id: second.id, status: 'waiting', priority: true, area: 'formation' }),
    ])
    expect(board.sessions).toEqual([
      expect.objectContaining({ desk: desks[0]?.row.id, areas: ['emploi'], languages: ['fr'] }),
    ])

    const coordinator = await t.buildStaff('partner_coordinator', centre.id)
    const other = await t.signIn(coordinator.email, coordinator.password)
    expect((await t.request(`/api/v1/centres/${centre.slug}/walk-in`, { cookie: other })).status).toBe(403)
  })
})
