import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { z } from 'zod'
import { type QueueArea, queueAreaSchema } from '../../../shared/schemas/tickets'
import { centreKeys, usePortalHome } from '../../features/centres/api'
import { useQueue, walkInKeys } from '../../features/walk-in/api'
import { useLiveStream } from '../../lib/live'

const queueSchema = z.array(queueAreaSchema)

/**
 * What the kiosk shows: the centre, its areas with today's status, and the live queue figures. The
 * public live stream carries fresh figures with every change, so a kiosk never has to poll for them;
 * when an area opens or closes the portal data (hours, next opening) is read again.
 */
export function useKioskAreas(slug: string) {
  const queryClient = useQueryClient()
  const home = usePortalHome(slug)
  const queue = useQueue(slug)

  useLiveStream(home.isSuccess ? `/api/v1/centres/${slug}/live` : null, {
    queue: (data) => {
      const parsed = queueSchema.safeParse(data)
      if (!parsed.success) return void queryClient.invalidateQueries({ queryKey: walkInKeys.queue(slug) })
      const before = queryClient.getQueryData<QueueArea[]>(walkInKeys.queue(slug))
      queryClient.setQueryData(walkInKeys.queue(slug), parsed.data)
      const openingChanged = parsed.data.some(
        (area) => before?.find((b) => b.area === area.area)?.isOpen !== area.isOpen,
      )
      if (openingChanged) void queryClient.invalidateQueries({ queryKey: centreKeys.centre(slug) })
    },
  })

  // Opening hours turn with the clock, not with events: look again every minute, like the portal.
  useEffect(() => {
    const timer = setInterval(
      () => void queryClient.invalidateQueries({ queryKey: walkInKeys.queue(slug) }),
      60_000,
    )
    return () => clearInterval(timer)
  }, [queryClient, slug])

  const areas = (home.data?.areas ?? []).map((area) => {
    const figures = queue.data?.find((q) => q.area === area.slug)
    // The queue figures are the fresher of the two (pushed on every change); the portal data knows
    // the next opening.
    return { ...area, isOpen: figures ? figures.isOpen : area.status.isOpen, figures }
  })
  return { home, areas }
}

export type KioskArea = ReturnType<typeof useKioskAreas>['areas'][number]
