import type { EventBus, LiveMessage } from './bus'

const encoder = new TextEncoder()

/** A message in the Server-Sent Events wire format. */
export function encodeEvent(message: Pick<LiveMessage, 'event' | 'id' | 'data'>): Uint8Array {
  const id = message.id === undefined ? '' : `id: ${message.id}\n`
  return encoder.encode(`${id}event: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`)
}

/**
 * Where one stream's bytes go: a Node response written directly (the server), or a web stream (tests
 * through `app.request`, other runtimes). `backlog` is what the client has not taken yet, in bytes.
 */
export type StreamSink = {
  write: (chunk: Uint8Array) => void
  backlog: () => number
  /** Drops the connection at once: the client reconnects and resumes from its last event id. */
  drop: () => void
}

type Encoded = { id: string | undefined; chunk: Uint8Array }

type Connection = {
  audience: LiveMessage['audience']
  /** The messages of one flush meant for this audience, one by one and already joined into one chunk. */
  deliver: (messages: readonly Encoded[], joined: Uint8Array) => void
  ping: () => void
}

export type LiveHub = ReturnType<typeof createLiveHub>

/** How long a browser waits before reconnecting after the stream drops, in milliseconds. */
const RETRY_MS = 2000
/** A comment line now and then keeps proxies from closing an idle stream and reveals dead clients. */
const HEARTBEAT_MS = 25_000
/** Bytes a client may fall behind before it is dropped (a few hundred events). */
const MAX_BACKLOG_BYTES = 256 * 1024

const join = (chunks: readonly Uint8Array[]) => (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))

/**
 * The live streams of this instance. It listens to the bus once; messages for a centre that arrive in
 * the same turn of the event loop (a call and the queue figures it changed) are encoded once and sent to
 * each of the centre's streams in a single write, so the cost of a call is about one write per screen.
 */
export function createLiveHub(bus: EventBus, options: { heartbeatMs?: number } = {}) {
  const byCentre = new Map<string, Set<Connection>>()
  const pending = new Map<string, LiveMessage[]>()
  let flushing: ReturnType<typeof setImmediate> | undefined
  let waiting: (() => void)[] = []

  function flush() {
    flushing = undefined
    const done = waiting
    waiting = []
    for (const [centreId, messages] of pending) {
      const connections = byCentre.get(centreId)
      if (!connections?.size) continue
      const staff = messages.map((message) => ({ id: message.id, chunk: encodeEvent(message) }))
      const isPublic = messages.map((message) => message.audience === 'public')
      const forPublic = staff.filter((_, index) => isPublic[index])
      const joinedStaff = join(staff.map((e) => e.chunk))
      const joinedPublic = forPublic.length ? join(forPublic.map((e) => e.chunk)) : undefined
      for (const connection of connections) {
        if (connection.audience === 'staff') connection.deliver(staff, joinedStaff as Uint8Array)
        else if (joinedPublic) connection.deliver(forPublic, joinedPublic)
      }
    }
    pending.clear()
    for (const resolve of done) resolve()
  }

  const unsubscribe = bus.subscribe((message) => {
    if (!byCentre.get(message.centreId)?.size) return
    const list = pending.get(message.centreId)
    if (list) list.push(message)
    else pending.set(message.centreId, [message])
    flushing ??= setImmediate(flush)
  })
  const heartbeat = setInterval(() => {
    for (const connections of byCentre.values()) for (const connection of connections) connection.ping()
  }, options.heartbeatMs ?? HEARTBEAT_MS)
  heartbeat.unref()
  const ping = encoder.encode(':\n\n')

  return {
    /**
     * A new stream for one client, written to `sink`. `initial` returns what it must see first (a
     * snapshot, or the calls it missed since its last event id); messages arriving meanwhile are held
     * back and sent after, without the ones `initial` already covered. Returns the function to call
     * when the client goes away.
     */
    open(
      centreId: string,
      audience: LiveMessage['audience'],
      initial: () => Promise<LiveMessage[]>,
      sink: StreamSink,
    ): () => void {
      let held: Encoded[] | null = []
      let isOpen = true
      const detach = () => {
        if (!isOpen) return
        isOpen = false
        const connections = byCentre.get(centreId)
        if (!connections) return
        connections.delete(connection)
        if (connections.size === 0) byCentre.delete(centreId)
      }
      const write = (chunk: Uint8Array) => {
        if (!isOpen) return
        if (sink.backlog() > MAX_BACKLOG_BYTES) {
          detach()
          sink.drop()
          return
        }
        sink.write(chunk)
      }
      const connection: Connection = {
        audience,
        deliver: (messages, joined) => (held ? held.push(...messages) : write(joined)),
        ping: () => write(ping),
      }
      const connections = byCentre.get(centreId) ?? new Set<Connection>()
      byCentre.set(centreId, connections)
      connections.add(connection)
      sink.write(encoder.encode(`retry: ${RETRY_MS}\n\n`))
      initial().then(
        (first) => {
          if (!held) return
          let lastId = -1n
          const chunks = first.map((message) => {
            if (message.id !== undefined) lastId = BigInt(message.id)
            return encodeEvent(message)
          })
          for (const { id, chunk } of held) if (id === undefined || BigInt(id) > lastId) chunks.push(chunk)
          held = null
          if (chunks.length) write(join(chunks) as Uint8Array)
        },
        () => {
          detach()
          sink.drop()
        },
      )
      return detach
    },
    /**
     * Resolves once the messages already received are written to every stream of this instance: a
     * desk's call is confirmed when the screens have been told, not before.
     */
    delivered(): Promise<void> {
      if (!flushing) return Promise.resolve()
      return new Promise((resolve) => waiting.push(resolve))
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
      if (flushing) clearImmediate(flushing)
      flush()
      unsubscribe()
    },
  }
}
