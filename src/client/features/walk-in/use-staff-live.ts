import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useLiveStream } from '../../lib/live'
import { walkInKeys } from './api'

/**
 * Keeps a console's board and queue figures current: every change on the staff stream (and every
 * reconnection, which starts with `ready`) reloads them, at most a few times a second.
 */
export function useStaffLive(slug: string) {
  const queryClient = useQueryClient()
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const refresh = () => {
    if (timer.current) return
    timer.current = setTimeout(() => {
      timer.current = undefined
      void queryClient.invalidateQueries({ queryKey: walkInKeys.board(slug) })
      void queryClient.invalidateQueries({ queryKey: walkInKeys.queue(slug) })
    }, 150)
  }
  return useLiveStream(slug ? `/api/v1/centres/${slug}/live/staff` : null, {
    ready: refresh,
    ticket: refresh,
    queue: refresh,
  })
}
