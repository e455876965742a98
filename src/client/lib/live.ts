import { useEffect, useRef, useState } from 'react'

export type LiveStatus = 'connecting' | 'open' | 'reconnecting'

/**
 * Follows a Server-Sent Events stream for as long as the component lives, and never gives up: the
 * browser's EventSource already reconnects after a network blip (sending `Last-Event-ID`); when it stops
 * for good (the server answered with an error while restarting), a new one is opened after a pause,
 * carrying the last id seen in the query. Screens on a wall with nobody to press reload rely on this.
 */
export function useLiveStream(
  url: string | null,
  handlers: Record<string, (data: unknown, id: string) => void>,
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting')
  const current = useRef(handlers)
  current.current = handlers

  useEffect(() => {
    if (!url) return
    let source: EventSource | null = null
    let lastId = ''
    let retry: ReturnType<typeof setTimeout> | undefined
    let attempts = 0
    let stopped = false

    const connect = () => {
      const separator = url.includes('?') ? '&' : '?'
      source = new EventSource(lastId ? `${url}${separator}lastEventId=${lastId}` : url)
      source.onopen = () => {
        attempts = 0
        setStatus('open')
      }
      source.onerror = () => {
        if (stopped || !source) return
        if (source.readyState === EventSource.CLOSED) {
          source.close()
          setStatus('reconnecting')
          const delay = Math.min(30_000, 1000 * 2 ** attempts++)
          retry = setTimeout(connect, delay)
        } else setStatus('reconnecting')
      }
      for (const name of Object.keys(current.current)) {
        source.addEventListener(name, (event) => {
          const message = event as MessageEvent<string>
          if (message.lastEventId) lastId = message.lastEventId
          current.current[name]?.(JSON.parse(message.data), message.lastEventId)
        })
      }
    }
    connect()
    return () => {
      stopped = true
      clearTimeout(retry)
      source?.close()
    }
  }, [url])

  return status
}
