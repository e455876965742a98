import { useMutation, useQuery } from '@tanstack/react-query'
import {
  type GuideSituation,
  type GuideTextInput,
  guideSituationViewSchema,
  guideUnderstandingSchema,
} from '../../../shared/schemas/guide'
import { api } from '../../lib/api-client'

/** The areas the centre proposes for a situation. Asked once per choice: each ask is counted. */
export function useSituationAreas(slug: string, situation: GuideSituation | null) {
  return useQuery({
    queryKey: ['guide', slug, 'situation', situation],
    queryFn: () => api(`/centres/${slug}/guide/situations/${situation}`, guideSituationViewSchema),
    enabled: situation !== null,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** A sentence in the visitor's own words, sent in a request body (never in an address) and not kept. */
export function useUnderstand(slug: string) {
  return useMutation({
    mutationFn: (input: GuideTextInput) =>
      api(`/centres/${slug}/guide/understand`, guideUnderstandingSchema, { method: 'POST', body: input }),
  })
}
