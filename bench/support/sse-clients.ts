import { connect, type Socket } from 'node:net'

/**
 * Many Server-Sent Events subscribers in one process, for `bench/call-latency.ts`, which forks it with
 * an IPC channel: kept out of the server's process (its memory is what is measured) and out of the
 * process that makes the calls (so a call's answer is seen the moment it arrives). Plain sockets rather
 * than EventSource or fetch: one GET written by hand, the chunked framing and the event stream parsed
 * as bytes arrive — a few hundred bytes per subscriber, and an event split across reads is still whole.
 *
 * Times are `process.hrtime` in milliseconds: the system's monotonic clock, the same in every process
 * of the machine, so the parent can set them against the moment it saw a call's answer.
 */

export type ClientCommand =
  | {
      type: 'connect'
      host: string
      port: number
      path: string
      count: number
      /** A subscriber counts as connected once it has received this event (its first snapshot). */
      readyEvent: string
      /** Connections being opened at once. */
      concurrency: number
      timeoutMs: number
    }
  /** Answered once every connected subscriber has received the `call` event for `code`, or on timeout. */
  | { type: 'await'; code: string; timeoutMs: number }
  | { type: 'close' }

export type ClientReply =
  | { type: 'connected'; open: number; failed: number; firstError: string | null; ms: number }
  | {
      type: 'received'
      code: string
      times: number[]
      open: number
      dropped: number
      /** Events of any kind received by connected subscribers so far. */
      events: number
    }
  | { type: 'closed' }

const now = () => Number(process.hrtime.bigint()) / 1e6

/** One subscriber: the HTTP response head, then the chunked body, then the event stream inside it. */
class Subscriber {
  private head = ''
  private inBody = false
  private chunked = false
  private chunkState: 'size' | 'data' | 'end' = 'size'
  private sizeLine = ''
  private chunkLeft = 0
  private pending = ''
  ready = false

  constructor(
    readonly socket: Socket,
    private readonly onEvent: (subscriber: Subscriber, event: string, data: string, at: number) => void,
  ) {}

  /** Bytes as latin1 text: one character per byte, so chunk sizes count characters. */
  feed(text: string, at: number) {
    if (!this.inBody) {
      this.head += text
      const end = this.head.indexOf('\r\n\r\n')
      if (end < 0) return
      const head = this.head.slice(0, end)
      const rest = this.head.slice(end + 4)
      this.head = ''
      if (!/^HTTP\/1\.[01] 200/.test(head)) throw new Error(head.split('\r\n')[0] ?? 'no status line')
      this.chunked = /\r\ntransfer-encoding:\s*chunked/i.test(head)
      this.inBody = true
      text = rest
    }
    if (this.chunked) this.unchunk(text, at)
    else this.parseEvents(text, at)
  }

  private unchunk(text: string, at: number) {
    let index = 0
    while (index < text.length) {
      if (this.chunkState === 'size') {
        const newline = text.indexOf('\n', index)
        if (newline < 0) {
          this.sizeLine += text.slice(index)
          return
        }
        this.sizeLine += text.slice(index, newline)
        index = newline + 1
        this.chunkLeft = Number.parseInt(this.sizeLine, 16)
        this.sizeLine = ''
        if (!(this.chunkLeft > 0)) return // the last chunk: the stream ended
        this.chunkState = 'data'
      } else if (this.chunkState === 'data') {
        const take = Math.min(this.chunkLeft, text.length - index)
        this.parseEvents(text.slice(index, index + take), at)
        index += take
        this.chunkLeft -= take
        if (this.chunkLeft === 0) this.chunkState = 'end'
      } else {
        // The CRLF closing a chunk's data.
        const newline = text.indexOf('\n', index)
        if (newline < 0) return
        index = newline + 1
        this.chunkState = 'size'
      }
    }
  }

  private parseEvents(text: string, at: number) {
    this.pending += text
    for (;;) {
      const end = this.pending.indexOf('\n\n')
      if (end < 0) return
      const block = this.pending.slice(0, end)
      this.pending = this.pending.slice(end + 2)
      let event = 'message'
      let data = ''
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim()
        else if (line.startsWith('data:')) data += line.slice(5).trimStart()
      }
      // Comments (heartbeats) and `retry:` blocks carry no data.
      if (data) this.onEvent(this, event, data, at)
    }
  }
}

const subscribers = new Set<Subscriber>()
let readyEvent = 'queue'
/** Subscribers past their first event and still open. */
let readyCount = 0
let dropped = 0
let events = 0
/** When each subscriber received each call, by ticket code. */
const received = new Map<string, number[]>()
const waiters = new Map<string, () => void>()

function send(reply: ClientReply) {
  process.send?.(reply)
}

function onEvent(subscriber: Subscriber, event: string, data: string, at: number) {
  if (!subscriber.ready) {
    if (event === readyEvent) {
      subscriber.ready = true
      readyCount++
    }
    return
  }
  events++
  if (event !== 'call') return
  const code = (JSON.parse(data) as { code: string }).code
  const times = received.get(code) ?? []
  received.set(code, times)
  times.push(at)
  if (times.length >= readyCount) waiters.get(code)?.()
}

function open(
  command: Extract<ClientCommand, { type: 'connect' }>,
): Promise<{ ok: true } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const socket = connect({ host: command.host, port: command.port })
    socket.setEncoding('latin1')
    socket.setNoDelay(true)
    let settled = false
    const subscriber = new Subscriber(socket, onEvent)
    const settle = (result: { ok: true } | { ok: false; error: string }) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
    }
    const timer = setTimeout(() => {
      socket.destroy()
      settle({ ok: false, error: `no ${command.readyEvent} event within ${command.timeoutMs} ms` })
    }, command.timeoutMs)
    subscribers.add(subscriber)
    socket.on('connect', () => {
      socket.write(
        `GET ${command.path} HTTP/1.1\r\nHost: ${command.host}:${command.port}\r\n` +
          'Accept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n',
      )
    })
    socket.on('data', (text: string) => {
      try {
        const wasReady = subscriber.ready
        subscriber.feed(text, now())
        if (!wasReady && subscriber.ready) settle({ ok: true })
      } catch (error) {
        socket.destroy()
        settle({ ok: false, error: error instanceof Error ? error.message : String(error) })
      }
    })
    socket.on('error', (error) => settle({ ok: false, error: error.message }))
    socket.on('close', () => {
      if (subscriber.ready && subscribers.delete(subscriber)) {
        readyCount--
        dropped++
      }
      subscribers.delete(subscriber)
      settle({ ok: false, error: 'closed before its first event' })
    })
  })
}

async function connectAll(command: Extract<ClientCommand, { type: 'connect' }>) {
  readyEvent = command.readyEvent
  const started = now()
  let next = 0
  let failed = 0
  let firstError: string | null = null
  const worker = async () => {
    while (next < command.count) {
      next++
      const result = await open(command)
      if (!result.ok) {
        failed++
        firstError ??= result.error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(command.concurrency, command.count) }, worker))
  send({ type: 'connected', open: readyCount, failed, firstError, ms: now() - started })
}

function awaitCall(command: Extract<ClientCommand, { type: 'await' }>) {
  const reply = () => {
    clearTimeout(timer)
    waiters.delete(command.code)
    const times = received.get(command.code) ?? []
    received.delete(command.code)
    send({ type: 'received', code: command.code, times, open: readyCount, dropped, events })
  }
  const timer = setTimeout(reply, command.timeoutMs)
  waiters.set(command.code, reply)
  if ((received.get(command.code)?.length ?? 0) >= readyCount) reply()
}

function closeAll() {
  for (const subscriber of subscribers) subscriber.socket.destroy()
  subscribers.clear()
  readyCount = 0
  received.clear()
  dropped = 0
  events = 0
  send({ type: 'closed' })
}

process.on('message', (command: ClientCommand) => {
  if (command.type === 'connect') void connectAll(command)
  else if (command.type === 'await') awaitCall(command)
  else closeAll()
})
// The parent going away (a failed run) must not leave thousands of sockets behind.
process.on('disconnect', () => process.exit(0))
