import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import type { AreaDayInput } from '../../../shared/schemas/centres'
import type { InterviewInput } from '../../../shared/schemas/interviews'
import {
  deskSessionSchema,
  type IssueTicketInput,
  issuedTicketSchema,
  type OpenDeskSessionInput,
  queueAreaSchema,
  staffTicketSchema,
  type TicketAction,
  type TransferInput,
  trackedTicketSchema,
  walkInBoardSchema,
} from '../../../shared/schemas/tickets'
import { api } from '../../lib/api-client'

const none = z.undefined()

export const walkInKeys = {
  queue: (slug: string) => ['walk-in', slug, 'queue'] as const,
  board: (slug: string) => ['walk-in', slug, 'board'] as const,
  ticket: (id: string) => ['walk-in', 'ticket', id] as const,
  track: (token: string) => ['walk-in', 'track', token] as const,
}

/** Per area: open, waiting, desks, estimate (public). */
export function useQueue(slug: string) {
  return useQuery({
    queryKey: walkInKeys.queue(slug),
    queryFn: () => api(`/centres/${slug}/queue`, z.array(queueAreaSchema)),
  })
}

export function useIssueTicket(slug: string) {
  return useMutation({
    mutationFn: (input: IssueTicketInput) =>
      api(`/centres/${slug}/tickets`, issuedTicketSchema, { method: 'POST', body: input }),
  })
}

/** A visitor's ticket, by its secret token (public). */
export function useTrackedTicket(token: string) {
  return useQuery({
    queryKey: walkInKeys.track(token),
    queryFn: () => api(`/tickets/track/${token}`, trackedTicketSchema),
    // A phone that slept may have missed events: look again now and then, and on waking.
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  })
}

/** Today's tickets in play and the desks open (staff). */
export function useWalkInBoard(slug: string) {
  return useQuery({
    queryKey: walkInKeys.board(slug),
    queryFn: () => api(`/centres/${slug}/walk-in`, walkInBoardSchema),
  })
}

/** Reception opens or closes an area for the rest of the day, or hands it back to its hours. */
export function useSetAreaDay(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ area, state }: { area: string; state: AreaDayInput['state'] }) =>
      api(`/centres/${slug}/areas/${area}/today`, queueAreaSchema, { method: 'PUT', body: { state } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: walkInKeys.queue(slug) }),
  })
}

export function useStaffTicket(id: string | null) {
  return useQuery({
    queryKey: walkInKeys.ticket(id ?? ''),
    queryFn: () => api(`/tickets/${id}`, staffTicketSchema),
    enabled: id !== null,
  })
}

export function useOpenDeskSession(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ desk, input }: { desk: string; input: OpenDeskSessionInput }) =>
      api(`/desks/${desk}/session`, deskSessionSchema, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: walkInKeys.board(slug) }),
  })
}

export function useCloseDeskSession(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (desk: string) => api(`/desks/${desk}/session`, none, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: walkInKeys.board(slug) }),
  })
}

export function useCallNext(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (desk: string) =>
      api(`/desks/${desk}/call-next`, staffTicketSchema.optional(), { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: walkInKeys.board(slug) }),
  })
}

export function useTicketAction(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({
      id,
      action,
      desk,
      transfer,
      interview,
    }: {
      id: string
      action: TicketAction
      desk?: string
      transfer?: TransferInput
      /** The interview that ends with this step (finish, transfer). */
      interview?: InterviewInput
    }) =>
      api(`/tickets/${id}/${action}`, staffTicketSchema, {
        method: 'POST',
        body: {
          ...(desk ? { desk } : {}),
          ...(transfer ? { transfer } : {}),
          ...(interview ? { interview } : {}),
        },
      }),
    onSuccess: (ticket) => {
      queryClient.setQueryData(walkInKeys.ticket(ticket.id), ticket)
      return queryClient.invalidateQueries({ queryKey: walkInKeys.board(slug) })
    },
  })
}
