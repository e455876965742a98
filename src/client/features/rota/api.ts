import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import type { MessageKey } from '../../../shared/i18n/messages'
import { publicRotaSchema, type ShiftInput, shiftSchema } from '../../../shared/schemas/rota'
import { useT } from '../../i18n/i18n-provider'
import { api } from '../../lib/api-client'

const keys = { centre: (slug: string) => ['rota', slug] as const }

/** Which advice, in which languages, when: a week for visitors, from a day (today by default). */
export function usePublicRota(slug: string, from?: string) {
  return useQuery({
    queryKey: [...keys.centre(slug), 'public', from ?? 'today'],
    queryFn: () => api(`/centres/${slug}/duty-rota${from ? `?from=${from}` : ''}`, publicRotaSchema),
    staleTime: 60_000,
  })
}

export function useShifts(slug: string) {
  return useQuery({
    queryKey: [...keys.centre(slug), 'staff'],
    queryFn: () =>
      api(`/centres/${slug}/rota`, z.object({ items: z.array(shiftSchema) })).then((answer) => answer.items),
  })
}

function useInvalidate(slug: string) {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: keys.centre(slug) })
}

/** Adds a shift, or changes one when given its id. */
export function useSaveShift(slug: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: ({ id, input }: { id?: string | undefined; input: ShiftInput }) =>
      id
        ? api(`/centres/${slug}/rota/${id}`, shiftSchema, { method: 'PUT', body: input })
        : api(`/centres/${slug}/rota`, shiftSchema, { method: 'POST', body: input }),
    onSuccess: invalidate,
  })
}

export function useRemoveShift(slug: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: (id: string) => api(`/centres/${slug}/rota/${id}`, z.undefined(), { method: 'DELETE' }),
    onSuccess: invalidate,
  })
}

export function useShiftAbsence(slug: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: ({ id, date, absent }: { id: string; date: string; absent: boolean }) =>
      api(`/centres/${slug}/rota/${id}/absences/${date}`, z.undefined(), {
        method: absent ? 'PUT' : 'DELETE',
      }),
    onSuccess: invalidate,
  })
}

/** An expertise in the interface language: "Business creation advice". */
export function useExpertiseLabel() {
  const t = useT()
  return (expertise: string) => t(`rota.expertise.${expertise}` as MessageKey)
}
