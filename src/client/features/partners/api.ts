import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  type InviteCounsellor,
  invitationSchema,
  type PartnerInput,
  type PartnerSettings,
  partnerSettingsSchema,
  publicPartnerSchema,
  staffPartnerSchema,
} from '../../../shared/schemas/partners'
import { api } from '../../lib/api-client'

const keys = { centre: (slug: string) => ['centres', slug, 'partners'] as const }

/** The alliance for visitors, in the centre's neutral order. */
export function usePublicPartners(slug: string, language: string) {
  return useQuery({
    queryKey: [...keys.centre(slug), 'public', language],
    queryFn: () =>
      api(
        `/centres/${slug}/alliance?lang=${encodeURIComponent(language)}`,
        z.object({ items: z.array(publicPartnerSchema) }),
      ).then((answer) => answer.items),
  })
}

export function useStaffPartner(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: [...keys.centre(slug), 'staff', id],
    queryFn: () => api(`/centres/${slug}/partners/${id}`, staffPartnerSchema),
    enabled: Boolean(id),
  })
}

export function usePartnerSettings(slug: string) {
  return useQuery({
    queryKey: [...keys.centre(slug), 'settings'],
    queryFn: () => api(`/centres/${slug}/partner-settings`, partnerSettingsSchema),
  })
}

function useInvalidate(slug: string) {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: keys.centre(slug) })
}

export function useSavePartner(slug: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: ({ id, input }: { id?: string | undefined; input: PartnerInput }) =>
      id
        ? api(`/centres/${slug}/partners/${id}`, staffPartnerSchema, { method: 'PUT', body: input })
        : api(`/centres/${slug}/partners`, staffPartnerSchema, { method: 'POST', body: input }),
    onSuccess: invalidate,
  })
}

export function useDeletePartner(slug: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: (id: string) => api(`/centres/${slug}/partners/${id}`, z.undefined(), { method: 'DELETE' }),
    onSuccess: invalidate,
  })
}

export function useInviteCounsellor(slug: string, id: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: (input: InviteCounsellor) =>
      api(`/centres/${slug}/partners/${id}/counsellors`, invitationSchema, { method: 'POST', body: input }),
    onSuccess: invalidate,
  })
}

export function useSavePartnerSettings(slug: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: (input: PartnerSettings) =>
      api(`/centres/${slug}/partner-settings`, partnerSettingsSchema, { method: 'PUT', body: input }),
    onSuccess: invalidate,
  })
}
