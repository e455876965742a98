import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../test/app'
import { readEvents } from '../../test/sse'
import { walkInCentre } from '../../test/walk-in'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  t.clock.now = new Date('2026-11-24T10:00:00Z') // a Tuesday, 11:00 in Paris
})
afterAll(() => t.close())

const later = () => {
  t.clock.now = new Date(t.clock.now.getTime() + 1000)
}

describe('the public live stream', () => {
  it('starts with the queues, then carries each call with its code and desk, and nothing else', async () => {
    const { centre, take, open, callNext } = await walkInCentre(t)
    await take('emploi')
    later()
    const stream = readEvents(await t.app.request(`/api/v1/centres/${centre.slug}/live`))
    const queue = await stream.next('queue')
    expect(queue.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ area: 'emploi', waiting: 1, isOpen: true })]),
    )
    expect(t.app.hub.size(centre.id)).toBe(1)

    await open(0, ['emploi'])
    const called = await (await callNext(0)).json()
    const call = await stream.next('call')
    expect(call.data).toEqual({
      code: called.code,
      desk: 'Bureau 1',
      area: 'emploi',
      recall: false,
      at: t.clock.now.toISOString(),
    })
    expect(call.id).toMatch(/^\d+$/)
    // Queue figures follow the call; staff-only events never reach this stream.
    expect((await stream.next('queue')).data).toEqual(
      expect.arrayContaining([expect.objectContaining({ area: 'emploi', waiting: 0, desksOpen: 1 })]),
    )
    expect(stream.received.map((e) => e.event)).not.toContain('ticket')
    await stream.close()
    await expect.poll(() => t.app.hub.size(centre.id)).toBe(0)
  })

  it('announces a recall as a recall, from the same desk', async () => {
    const { centre, take, open, callNext, act } = await walkInCentre(t)
    await take('emploi')
    await open(1, ['emploi'])
    const called = await (await callNext(1)).json()
    const stream = readEvents(await t.app.request(`/api/v1/centres/${centre.slug}/live`))
    expect((await stream.next('call')).data).toMatchObject({ code: called.code, recall: false })
    later()
    expect((await act(called.id, 'recall')).status).toBe(200)
    expect((await stream.next('call')).data).toMatchObject({
      code: called.code,
      desk: 'Bureau 2',
      recall: true,
    })
    await stream.close()
  })

  it('replays every call a reconnecting screen missed, after its Last-Event-ID, in order', async () => {
    const { centre, take, open, callNext } = await walkInCentre(t)
    for (let n = 0; n < 4; n++) {
      await take('emploi')
      later()
    }
    await open(0, ['emploi'])
    const first = readEvents(await t.app.request(`/api/v1/centres/${centre.slug}/live`))
    await callNext(0)
    const seen = await first.next('call')
    await first.close()

    // The screen is offline while two more tickets are called.
    const missed = [await (await callNext(0)).json(), await (await callNext(0)).json()]
    const again = readEvents(
      await t.app.request(`/api/v1/centres/${centre.slug}/live`, {
        headers: { 'last-event-id': seen.id ?? '' },
      }),
    )
    const replayed = [await again.next('call'), await again.next('call')]
    expect(replayed.map((e) => (e.data as { code: string }).code)).toEqual(missed.map((m) => m.code))
    expect(Number(replayed[0]?.id)).toBeGreaterThan(Number(seen.id))
    // Nothing else was missed, and the seen call is not sent twice.
    expect((await again.drain(100)).filter((e) => e.event === 'call')).toEqual([])
    await again.close()

    // A client that cannot send the header gives the id in the query instead.
    const viaQuery = readEvents(
      await t.app.request(`/api/v1/centres/${centre.slug}/live?lastEventId=${replayed[0]?.id}`),
    )
    expect((await viaQuery.next('call')).id).toBe(replayed[1]?.id)
    await viaQuery.close()
  })

  it('shows a fresh screen the last calls of the day', async () => {
    const { centre, take, open, callNext } = await walkInCentre(t)
    await open(0, ['emploi', 'formation'])
    for (const area of ['emploi', 'formation', 'emploi']) {
      await take(area)
      later()
      await callNext(0)
    }
    const stream = readEvents(await t.app.request(`/api/v1/centres/${centre.slug}/live`))
    const calls = [await stream.next('call'), await stream.next('call'), await stream.next('call')]
    expect(calls.map((e) => (e.data as { code: string }).code)).toEqual(['E-001', 'F-001', 'E-002'])
    await stream.close()
  })

  it('answers 404 for an unknown centre and 422 for a malformed event id', async () => {
    const { centre } = await walkInCentre(t)
    expect((await t.app.request('/api/v1/centres/nowhere/live')).status).toBe(404)
    expect((await t.app.request(`/api/v1/centres/${centre.slug}/live?lastEventId=abc`)).status).toBe(422)
  })
})

describe('the staff live stream', () => {
  it('is for front-line staff of the centre only', async () => {
    const { centre } = await walkInCentre(t)
    expect((await t.app.request(`/api/v1/centres/${centre.slug}/live/staff`)).status).toBe(401)
    const other = await t.buildCentre()
    const stranger = await t.buildStaff('counsellor', other.id)
    const cookie = await t.signIn(stranger.email, stranger.password)
    const refused = await t.app.request(`/api/v1/centres/${centre.slug}/live/staff`, { headers: { cookie } })
    expect(refused.status).toBe(403)
  })

  it('says when to reload, then tells of every ticket change', async () => {
    const { centre, cookie, take, open, callNext, act } = await walkInCentre(t)
    const stream = readEvents(
      await t.app.request(`/api/v1/centres/${centre.slug}/live/staff`, { headers: { cookie } }),
    )
    await stream.next('ready')
    const issued = await (await take('formation')).json()
    expect((await stream.next('ticket')).data).toEqual({
      id: issued.id,
      code: issued.code,
      area: 'formation',
      status: 'waiting',
    })
    await open(0, ['formation'])
    await callNext(0)
    expect((await stream.next('ticket')).data).toMatchObject({ id: issued.id, status: 'called' })
    expect((await stream.next('call')).data).toMatchObject({ code: issued.code })
    await act(issued.id, 'start')
    expect((await stream.next('ticket')).data).toMatchObject({ id: issued.id, status: 'in_service' })
    await stream.close()
  })
})
