import { useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { liveCallSchema, type QueueArea, queueAreaSchema } from '../../../shared/schemas/tickets'
import { useLiveStream } from '../../lib/live'
import { type CallBoard, emptyBoard, receiveCall, type ShownCall, startConnection, startDay } from './calls'

const queueSchema = z.array(queueAreaSchema)

/**
 * Follows a centre's public live stream for a screen: the queue figures and the calls of the day for
 * the areas it shows. `onAnnounce` hears each call to announce, once.
 */
export function useCallBoard(options: {
  slug: string
  areas: ReadonlySet<string> | null
  /** The centre's local date: when it changes, the calls of the day before leave the screen. */
  serviceDate: string
  onAnnounce: (call: ShownCall) => void
}) {
  const { slug, areas, serviceDate, onAnnounce } = options
  const [queue, setQueue] = useState<QueueArea[] | null>(null)
  const [board, setBoard] = useState<CallBoard>(emptyBoard)
  // Events come faster than renders: the board is read and written here, and rendered from state.
  const current = useRef<CallBoard>(emptyBoard)
  // Every connection starts with a queue event followed by its snapshot of calls.
  const isConnecting = useRef(true)

  const status = useLiveStream(`/api/v1/centres/${slug}/live`, {
    queue: (data) => {
      if (isConnecting.current) {
        isConnecting.current = false
        current.current = startConnection(current.current, Date.now())
      }
      const parsed = queueSchema.safeParse(data)
      if (parsed.success) setQueue(parsed.data)
    },
    call: (data, id) => {
      const parsed = liveCallSchema.safeParse(data)
      if (!parsed.success || !id) return
      const call = { ...parsed.data, id }
      const result = receiveCall(current.current, call, { now: Date.now(), areas })
      current.current = result.board
      setBoard(result.board)
      if (result.announce) onAnnounce(call)
    },
  })
  // The stream reconnects on its own after a pause of seconds, long after this has run.
  useEffect(() => {
    if (status !== 'open') isConnecting.current = true
  }, [status])

  const day = useRef(serviceDate)
  useEffect(() => {
    if (day.current === serviceDate) return
    day.current = serviceDate
    current.current = startDay(current.current)
    setBoard(current.current)
  }, [serviceDate])

  return { status, queue, board }
}
