import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { type InterviewThemeInput, interviewThemeSchema } from '../../../shared/schemas/interviews'
import { api } from '../../lib/api-client'

/** The interview themes of a centre; with an area, that area's and the common ones. */
export function useInterviewThemes(slug: string, areaId?: string) {
  return useQuery({
    queryKey: ['interview-themes', slug, areaId ?? 'all'],
    queryFn: () =>
      api(
        `/centres/${slug}/interview-themes${areaId ? `?area=${areaId}` : ''}`,
        z.object({ items: z.array(interviewThemeSchema) }),
      ).then((answer) => answer.items),
    staleTime: 5 * 60_000,
  })
}

/** Services to offer first when referring someone from an area. */
export function useReferralSuggestions(slug: string, areaId: string | undefined) {
  return useQuery({
    queryKey: ['referral-suggestions', slug, areaId],
    queryFn: () =>
      api(
        `/centres/${slug}/referral-suggestions?area=${areaId}`,
        z.object({ items: z.array(z.object({ id: z.uuid(), label: z.string() })) }),
      ).then((answer) => answer.items),
    enabled: Boolean(areaId),
    staleTime: 5 * 60_000,
  })
}

export function useSaveInterviewTheme(slug: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id?: string | undefined; input: InterviewThemeInput }) =>
      id
        ? api(`/centres/${slug}/interview-themes/${id}`, interviewThemeSchema, { method: 'PUT', body: input })
        : api(`/centres/${slug}/interview-themes`, interviewThemeSchema, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['interview-themes', slug] }),
  })
}
