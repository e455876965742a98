import pg from 'pg'
import type { Logger } from '../http/logger'

/**
 * One message on the bus: something happened in a centre that live screens must hear about.
 * `audience` decides which streams carry it: public ones (screens, kiosks, phones) get codes, desk
 * labels, areas and counts only; staff ones may carry ticket ids.
 */
export type LiveMessage = {
  centreId: string
  audience: 'public' | 'staff'
  /** The SSE event name. */
  event: string
  /** The SSE id, for events a reconnecting client must not miss (calls); omitted for state snapshots. */
  id?: string
  data: unknown
}

export type LiveListener = (message: LiveMessage) => void

export interface EventBus {
  publish(message: LiveMessage): Promise<void>
  subscribe(listener: LiveListener): () => void
  close(): Promise<void>
}

function listeners() {
  const set = new Set<LiveListener>()
  return {
    add(listener: LiveListener) {
      set.add(listener)
      return () => {
        set.delete(listener)
      }
    },
    emit(message: LiveMessage, logger?: Logger) {
      for (const listener of set) {
        try {
          listener(message)
        } catch (error) {
          logger?.error({ err: error instanceof Error ? error.name : 'unknown' }, 'live listener failed')
        }
      }
    },
  }
}

/** One instance: messages go straight from the publisher to this process's listeners. */
export function createLocalBus(logger?: Logger): EventBus {
  const local = listeners()
  return {
    publish: async (message) => local.emit(message, logger),
    subscribe: (listener) => local.add(listener),
    close: async () => {},
  }
}

const CHANNEL = 'cdm_live'
// NOTIFY payloads are limited to 8,000 bytes; ours are a few hundred.
const MAX_PAYLOAD = 7_900

/**
 * Several instances on one PostgreSQL server: a message is sent with NOTIFY and every instance —
 * the sender included — hears it on its own LISTEN connection, so a call made on one instance reaches
 * screens connected to another. The listening connection reconnects by itself after a failure.
 */
export async function createPostgresBus(url: string, logger?: Logger): Promise<EventBus> {
  const local = listeners()
  const sender = new pg.Pool({ connectionString: url, max: 2 })
  let client: pg.Client | null = null
  let closed = false
  let retry: NodeJS.Timeout | undefined

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url })
    next.on('notification', (notification) => {
      if (notification.channel !== CHANNEL || !notification.payload) return
      try {
        local.emit(JSON.parse(notification.payload) as LiveMessage, logger)
      } catch {
        logger?.warn('unreadable live notification ignored')
      }
    })
    next.on('error', () => {
      logger?.warn('live listener connection lost; reconnecting')
      next.end().catch(() => {})
      if (client === next) client = null
      scheduleReconnect()
    })
    await next.connect()
    await next.query(`LISTEN ${CHANNEL}`)
    client = next
  }
  const scheduleReconnect = () => {
    if (closed || retry) return
    retry = setTimeout(() => {
      retry = undefined
      connect().catch(() => scheduleReconnect())
    }, 1000)
  }
  await connect()

  return {
    publish: async (message) => {
      const payload = JSON.stringify(message)
      if (Buffer.byteLength(payload) > MAX_PAYLOAD)
        throw new Error(`live message too large: ${message.event}`)
      await sender.query('select pg_notify($1, $2)', [CHANNEL, payload])
    },
    subscribe: (listener) => local.add(listener),
    close: async () => {
      closed = true
      clearTimeout(retry)
      await Promise.all([client?.end(), sender.end()])
    },
  }
}
