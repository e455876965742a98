import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  type GuidePhraseInput,
  type GuideSituation,
  guidePhraseSchema,
  guideSettingsSchema,
} from '../../../shared/schemas/guide'
import { api } from '../../lib/api-client'

const none = z.undefined()
const guideSettingsKey = (slug: string) => ['guide-settings', slug] as const

/** The areas proposed for each situation and the phrases linked to areas, as managers set them. */
export function useGuideSettings(slug: string) {
  return useQuery({
    queryKey: guideSettingsKey(slug),
    queryFn: () => api(`/centres/${slug}/guide/settings`, guideSettingsSchema),
  })
}

/** Every write re-reads the settings, so that the page shows what the server kept. */
function useGuideMutation<I, O>(slug: string, run: (input: I) => Promise<O>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: guideSettingsKey(slug) }),
  })
}

/** Replaces the areas proposed for a situation; their order is the order shown to visitors. */
export function useSaveSituationAreas(slug: string) {
  return useGuideMutation(slug, ({ situation, areaIds }: { situation: GuideSituation; areaIds: string[] }) =>
    api(`/centres/${slug}/guide/situations/${situation}`, z.object({ areaIds: z.array(z.uuid()) }), {
      method: 'PUT',
      body: { areaIds },
    }),
  )
}

export function useSavePhrase(slug: string) {
  return useGuideMutation(slug, ({ id, input }: { id?: string | undefined; input: GuidePhraseInput }) =>
    id
      ? api(`/centres/${slug}/guide/phrases/${id}`, guidePhraseSchema, { method: 'PUT', body: input })
      : api(`/centres/${slug}/guide/phrases`, guidePhraseSchema, { method: 'POST', body: input }),
  )
}

export function useDeletePhrase(slug: string) {
  return useGuideMutation(slug, (id: string) =>
    api(`/centres/${slug}/guide/phrases/${id}`, none, { method: 'DELETE' }),
  )
}
