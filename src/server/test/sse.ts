/** One Server-Sent Event as a client receives it. */
export type SseEvent = { id?: string; event: string; data: unknown }

/**
 * Reads a `text/event-stream` response as a test would watch it: `next` waits for the next event that
 * matches, `close` hangs up like a browser leaving the page.
 */
export function readEvents(response: Response) {
  if (!response.body) throw new Error('the response has no body')
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  const received: SseEvent[] = []
  let buffer = ''
  let cursor = 0
  let ended = false
  let wake = null as (() => void) | null

  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += decoder.decode(value, { stream: true })
        let end = buffer.indexOf('\n\n')
        while (end !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event: SseEvent = { event: 'message', data: undefined }
          let data: string | undefined
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) event.id = line.slice(4)
            else if (line.startsWith('event: ')) event.event = line.slice(7)
            else if (line.startsWith('data: ')) data = line.slice(6)
          }
          if (data !== undefined) {
            event.data = JSON.parse(data)
            received.push(event)
          }
          end = buffer.indexOf('\n\n')
        }
        wake?.()
      }
    } catch {
      // Cancelled by close().
    } finally {
      ended = true
      wake?.()
    }
  })()

  return {
    /** Every event received so far. */
    received,
    /** The next unread event (of that name, when given), or an error after `timeoutMs`. */
    async next(name?: string, timeoutMs = 5000): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        while (cursor < received.length) {
          const event = received[cursor++] as SseEvent
          if (!name || event.event === name) return event
        }
        if (ended) throw new Error(`the stream ended before a ${name ?? 'new'} event`)
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`no ${name ?? 'new'} event within ${timeoutMs} ms`)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left)
          wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
        wake = null
      }
    },
    /** Events that arrive within `ms`, without waiting for any in particular. */
    async drain(ms: number): Promise<SseEvent[]> {
      await new Promise((resolve) => setTimeout(resolve, ms))
      const rest = received.slice(cursor)
      cursor = received.length
      return rest
    },
    async close() {
      await reader.cancel().catch(() => {})
      await pump
    },
  }
}
