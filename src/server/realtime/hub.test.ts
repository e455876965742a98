import { afterEach, describe, expect, it } from 'vitest'
import { createLocalBus, type LiveMessage } from './bus'
import { createLiveHub, type StreamSink } from './hub'

const CENTRE = 'c1'
const decoder = new TextDecoder()

/** A client's end of the stream: every write as text, and whether the hub dropped it. */
function recordingSink(options: { backlog?: () => number } = {}) {
  const writes: string[] = []
  let dropped = false
  const sink: StreamSink = {
    write: (chunk) => void writes.push(decoder.decode(chunk)),
    backlog: options.backlog ?? (() => 0),
    drop: () => {
      dropped = true
    },
  }
  return { sink, writes, isDropped: () => dropped }
}

const call = (id: string, code: string): LiveMessage => ({
  centreId: CENTRE,
  audience: 'public',
  event: 'call',
  id,
  data: { code },
})
const queue = (waiting: number): LiveMessage => ({
  centreId: CENTRE,
  audience: 'public',
  event: 'queue',
  data: { waiting },
})
const staffOnly: LiveMessage = { centreId: CENTRE, audience: 'staff', event: 'ticket', data: { id: 't1' } }

const bus = createLocalBus()
const hub = createLiveHub(bus)
afterEach(() => expect(hub.size()).toBe(0))

describe('live hub', () => {
  it('sends what arrives in one turn of the event loop in one write per stream, by audience', async () => {
    const screen = recordingSink()
    const desk = recordingSink()
    const closeScreen = hub.open(CENTRE, 'public', async () => [], screen.sink)
    const closeDesk = hub.open(CENTRE, 'staff', async () => [], desk.sink)
    await hub.delivered()
    screen.writes.length = 0
    desk.writes.length = 0

    await Promise.all([bus.publish(staffOnly), bus.publish(call('7', 'E-001')), bus.publish(queue(3))])
    await hub.delivered()
    expect(screen.writes).toEqual([
      'id: 7\nevent: call\ndata: {"code":"E-001"}\n\nevent: queue\ndata: {"waiting":3}\n\n',
    ])
    expect(desk.writes).toHaveLength(1)
    expect(desk.writes[0]).toMatch(/^event: ticket\n.*\n\nid: 7\nevent: call\n.*\n\nevent: queue\n/s)

    // Nothing for the public streams in a turn with staff messages only.
    await bus.publish(staffOnly)
    await hub.delivered()
    expect(screen.writes).toHaveLength(1)
    expect(desk.writes).toHaveLength(2)
    closeScreen()
    closeDesk()
  })

  it('holds back what arrives while the snapshot is read, and skips the calls the snapshot has', async () => {
    const screen = recordingSink()
    let release: (messages: LiveMessage[]) => void = () => {}
    const close = hub.open(
      CENTRE,
      'public',
      () => new Promise<LiveMessage[]>((resolve) => (release = resolve)),
      screen.sink,
    )
    await Promise.all([bus.publish(call('8', 'E-002')), bus.publish(call('9', 'E-003'))])
    await hub.delivered()
    expect(screen.writes).toEqual(['retry: 2000\n\n'])
    // The snapshot was read after call 8 and before call 9.
    release([queue(1), call('8', 'E-002')])
    await new Promise((resolve) => setImmediate(resolve))
    const events = screen.writes.slice(1).join('')
    expect(events.match(/^id: \d+/gm)).toEqual(['id: 8', 'id: 9'])
    expect(events.startsWith('event: queue')).toBe(true)
    close()
  })

  it('drops a stream whose client stopped reading, and keeps writing to the others', async () => {
    let behind = 0
    const slow = recordingSink({ backlog: () => behind })
    const fast = recordingSink()
    hub.open(CENTRE, 'public', async () => [], slow.sink)
    const closeFast = hub.open(CENTRE, 'public', async () => [], fast.sink)
    await hub.delivered()
    behind = 10 * 1024 * 1024
    await bus.publish(call('10', 'E-004'))
    await hub.delivered()
    expect(slow.isDropped()).toBe(true)
    expect(hub.size(CENTRE)).toBe(1)
    expect(fast.writes.at(-1)).toContain('E-004')
    closeFast()
  })

  it('drops a stream whose snapshot could not be read', async () => {
    const screen = recordingSink()
    hub.open(CENTRE, 'public', () => Promise.reject(new Error('database gone')), screen.sink)
    await new Promise((resolve) => setImmediate(resolve))
    expect(screen.isDropped()).toBe(true)
  })
})
