import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../db/client'
import { createTestContext, type TestContext } from '../test/app'
import { createTestDatabase } from '../test/database'
import { readEvents } from '../test/sse'
import { walkInCentre } from '../test/walk-in'
import { createPostgresBus, type EventBus } from './bus'

// Two instances of Cité sharing one PostgreSQL server, as behind a load balancer: each has its own
// connection pool, its own bus connection and its own live streams.
let first: { t: TestContext; bus: EventBus }
let second: { t: TestContext; bus: EventBus; handle: DatabaseHandle }

beforeAll(async () => {
  const handle = await createTestDatabase()
  const url = handle.url
  if (!url) throw new Error('this test needs a PostgreSQL server')
  const firstBus = await createPostgresBus(url)
  first = { t: await createTestContext({ handle, bus: firstBus }), bus: firstBus }
  const secondHandle = await openDatabase({ url, poolMax: 3 })
  const secondBus = await createPostgresBus(url)
  second = {
    t: await createTestContext({ handle: secondHandle, bus: secondBus }),
    bus: secondBus,
    handle: secondHandle,
  }
  for (const instance of [first, second]) instance.t.clock.now = new Date('2026-11-24T10:00:00Z')
})
afterAll(async () => {
  await Promise.all([first.bus.close(), second.bus.close()])
  await second.t.close()
  await first.t.close()
})

describe('live events across instances', () => {
  it('brings a call made on one instance to a screen connected to another', async () => {
    const { centre, take, open, callNext } = await walkInCentre(first.t)
    const screen = readEvents(await second.t.app.request(`/api/v1/centres/${centre.slug}/live`))
    await screen.next('queue')

    const issued = await (await take('emploi')).json()
    // The ticket taken on the first instance shows in the second's queue figures.
    await expect
      .poll(async () => {
        const queue = await screen.next('queue')
        return (queue.data as { area: string; waiting: number }[]).find((a) => a.area === 'emploi')?.waiting
      })
      .toBe(1)
    await open(0, ['emploi'])
    await callNext(0)
    expect((await screen.next('call')).data).toMatchObject({ code: issued.code, desk: 'Bureau 1' })
    await screen.close()
  })

  it('delivers each call once, on the instance that made it as well', async () => {
    const { centre, take, open, callNext } = await walkInCentre(first.t)
    const here = readEvents(await first.t.app.request(`/api/v1/centres/${centre.slug}/live`))
    const there = readEvents(await second.t.app.request(`/api/v1/centres/${centre.slug}/live`))
    await take('formation')
    await open(1, ['formation'])
    await callNext(1)
    for (const stream of [here, there]) {
      expect((await stream.next('call')).data).toMatchObject({ code: 'F-001', desk: 'Bureau 2' })
      expect((await stream.drain(200)).filter((e) => e.event === 'call')).toEqual([])
      await stream.close()
    }
  })
})
