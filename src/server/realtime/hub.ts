import type { EventBus, LiveMessage } from './bus'

const encoder = new TextEncoder()

/** A message in the Server-Sent Events wire format. */
export function encodeEvent(message: Pick<LiveMessage, 'event' | 'id' | 'data'>): Uint8Array {
  const id = message.id === undefined ? '' : `id: ${message.id}\n`
  return encoder.encode(`${id}event: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`)
}

type Connection = {
  audience: LiveMessage['audience']
  /** `id` is the event's id, when it has one: a stream still replaying uses it to skip what it sent. */
  send: (chunk: Uint8Array, id?: string) => void
}

export type LiveHub = ReturnType<typeof createLiveHub>

/** How long a browser waits before reconnecting after the stream drops, in milliseconds. */
const RETRY_MS = 2000
/** A comment line now and then keeps proxies from closing an idle stream and reveals dead clients. */
const HEARTBEAT_MS = 25_000
/** Chunks a client may fall behind before it is dropped (it reconnects and resumes from its last id). */
const MAX_BACKLOG = 500

/**
 * The live streams of this instance. It listens to the bus once and writes each message, encoded once,
 * to every stream of the centre concerned: the cost of a call is one encoding and one write per
 * connection.
 */
export function createLiveHub(bus: EventBus, options: { heartbeatMs?: number } = {}) {
  const byCentre = new Map<string, Set<Connection>>()
  const unsubscribe = bus.subscribe((message) => {
    const connections = byCentre.get(message.centreId)
    if (!connections?.size) return
    const chunk = encodeEvent(message)
    for (const connection of connections)
      if (message.audience === 'public' || connection.audience === 'staff') connection.send(chunk, message.id)
  })
  const ping = encoder.encode(':\n\n')
  const heartbeat = setInterval(() => {
    for (const connections of byCentre.values()) for (const connection of connections) connection.send(ping)
  }, options.heartbeatMs ?? HEARTBEAT_MS)
  heartbeat.unref()

  return {
    /**
     * A new stream for one client. `initial` returns what it must see first (a snapshot, or the calls
     * it missed since its last event id); messages arriving meanwhile are held back and sent after,
     * without the ones `initial` already covered.
     */
    open(
      centreId: string,
      audience: LiveMessage['audience'],
      initial: () => Promise<LiveMessage[]>,
    ): ReadableStream<Uint8Array> {
      let connection: Connection | undefined
      const detach = () => {
        const connections = byCentre.get(centreId)
        if (!connection || !connections) return
        connections.delete(connection)
        if (connections.size === 0) byCentre.delete(centreId)
      }
      return new ReadableStream<Uint8Array>({
        start: async (controller) => {
          let held: { id: string | undefined; chunk: Uint8Array }[] | null = []
          const write = (chunk: Uint8Array) => {
            if ((controller.desiredSize ?? 0) < -MAX_BACKLOG) {
              detach()
              controller.close()
              return
            }
            controller.enqueue(chunk)
          }
          connection = {
            audience,
            send: (chunk, id) => (held ? held.push({ id, chunk }) : write(chunk)),
          }
          const connections = byCentre.get(centreId) ?? new Set<Connection>()
          byCentre.set(centreId, connections)
          connections.add(connection)
          controller.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n`))
          try {
            const first = await initial()
            let lastId = -1n
            for (const message of first) {
              controller.enqueue(encodeEvent(message))
              if (message.id !== undefined) lastId = BigInt(message.id)
            }
            for (const { id, chunk } of held) if (id === undefined || BigInt(id) > lastId) write(chunk)
            held = null
          } catch (error) {
            detach()
            controller.error(error)
          }
        },
        cancel: detach,
      })
    },
    /** Open connections, for health figures and tests. */
    size(centreId?: string) {
      if (centreId) return byCentre.get(centreId)?.size ?? 0
      let total = 0
      for (const connections of byCentre.values()) total += connections.size
      return total
    },
    close() {
      clearInterval(heartbeat)
      unsubscribe()
    },
  }
}
