import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { z } from 'zod'
import type { OccupationRef, TrainingInput } from '../../../shared/schemas/trainings'
import { trainingDetailSchema, trainingSearchResultSchema } from '../../../shared/schemas/trainings'
import { api } from '../../lib/api-client'

/** Filters as the address holds them: `?q=…&level=5&maxMonths=12&place=…&domain=…&domain=…`. */
export type TrainingFilters = {
  q: string
  level?: string
  maxMonths?: string
  place?: string
  domain: string[]
  source?: 'centre'
}
export const filterKeys = ['q', 'level', 'maxMonths', 'place', 'domain'] as const

/** The shortest query worth sending while typing: one letter matches half the catalogue. */
export const MIN_QUERY = 2
const PAGE = 20

export function filtersFrom(params: URLSearchParams): TrainingFilters {
  const one = (key: string) => params.get(key) || undefined
  return {
    q: params.get('q') ?? '',
    level: one('level'),
    maxMonths: one('maxMonths'),
    place: one('place'),
    domain: params.getAll('domain').filter(Boolean),
  }
}

/** The address's query for some filters (empty ones left out). */
export function searchOf(filters: TrainingFilters, extra: Record<string, string> = {}) {
  const params = new URLSearchParams()
  const q = filters.q.trim()
  if (q.length >= MIN_QUERY) params.set('q', q)
  for (const key of ['level', 'maxMonths', 'place', 'source'] as const) {
    const value = filters[key]
    if (value) params.set(key, value)
  }
  for (const domain of filters.domain) params.append('domain', domain)
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  return params.toString()
}

export const trainingKeys = { centre: (slug: string) => ['trainings', slug] as const }

/** Courses matching the filters, a page at a time; the previous results stay while the next ones come. */
export function useTrainingSearch(slug: string, filters: TrainingFilters, language: string) {
  const search = searchOf(filters)
  return useInfiniteQuery({
    queryKey: [...trainingKeys.centre(slug), 'search', language, search],
    queryFn: ({ pageParam }) =>
      api(
        `/centres/${slug}/trainings?${searchOf(filters, {
          limit: String(PAGE),
          ...(pageParam ? { cursor: pageParam } : {}),
        })}`,
        trainingSearchResultSchema,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}

export function useTraining(slug: string, id: string, language: string) {
  return useQuery({
    queryKey: [...trainingKeys.centre(slug), 'detail', id, language],
    queryFn: () => api(`/centres/${slug}/trainings/${id}`, trainingDetailSchema),
    enabled: Boolean(id),
    staleTime: 60_000,
  })
}

/** Where a course's page is, within a centre's portal. */
export const trainingPath = (slug: string, id: string) => `/c/${slug}/trainings/${id}`

/** The training search, filtered as given. */
export const trainingSearchPath = (slug: string, filters: Partial<TrainingFilters>) => {
  const search = searchOf({ q: '', domain: [], ...filters })
  return `/c/${slug}/trainings${search ? `?${search}` : ''}`
}

function useInvalidate(slug: string) {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: trainingKeys.centre(slug) })
}

export function useSaveTraining(slug: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: ({ id, input }: { id?: string | undefined; input: TrainingInput }) =>
      id
        ? api(`/centres/${slug}/trainings/${id}`, trainingDetailSchema, { method: 'PUT', body: input })
        : api(`/centres/${slug}/trainings`, trainingDetailSchema, { method: 'POST', body: input }),
    onSuccess: invalidate,
  })
}

export function useDeleteTraining(slug: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: (id: string) => api(`/centres/${slug}/trainings/${id}`, z.undefined(), { method: 'DELETE' }),
    onSuccess: invalidate,
  })
}

/** Links or unlinks one of the centre's own courses and an occupation. */
export function useTrainingOccupation(slug: string, id: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: ({ occupation, linked }: { occupation: OccupationRef; linked: boolean }) =>
      linked
        ? api(`/centres/${slug}/trainings/${id}/occupations`, trainingDetailSchema, {
            method: 'POST',
            body: occupation,
          })
        : api(
            `/centres/${slug}/trainings/${id}/occupations/${occupation.taxonomy}/${encodeURIComponent(occupation.code)}`,
            trainingDetailSchema,
            { method: 'DELETE' },
          ),
    onSuccess: invalidate,
  })
}
