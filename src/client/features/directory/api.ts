import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  type DirectoryServiceInput,
  directoryServiceSchema,
  staffDirectoryServiceSchema,
} from '../../../shared/schemas/directory'
import { api } from '../../lib/api-client'

/** Services a visitor may turn to, by words and audience; the previous answer stays while typing. */
export function useServices(slug: string, query: { q: string; audience?: string }, language: string) {
  const params = new URLSearchParams({ lang: language })
  if (query.q.trim()) params.set('q', query.q.trim())
  if (query.audience) params.set('audience', query.audience)
  return useQuery({
    queryKey: ['directory', slug, params.toString()],
    queryFn: () =>
      api(`/centres/${slug}/services?${params}`, z.object({ items: z.array(directoryServiceSchema) })).then(
        (answer) => answer.items,
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}

const staffKey = (slug: string) => ['directory', slug, 'staff'] as const

/** The directory for staff; `review` keeps the entries due for a check, `q` those matching words. */
export function useStaffServices(slug: string, query: { review?: boolean; q?: string }, enabled = true) {
  const params = new URLSearchParams()
  if (query.review) params.set('review', 'true')
  if (query.q?.trim()) params.set('q', query.q.trim())
  return useQuery({
    queryKey: [...staffKey(slug), params.toString()],
    queryFn: () =>
      api(
        `/centres/${slug}/directory?${params}`,
        z.object({ items: z.array(staffDirectoryServiceSchema) }),
      ).then((answer) => answer.items),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useDeleteService(slug: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api(`/centres/${slug}/directory/${id}`, z.undefined(), { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['directory', slug] }),
  })
}

export function useSaveService(slug: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id?: string | undefined; input: DirectoryServiceInput }) =>
      id
        ? api(`/centres/${slug}/directory/${id}`, staffDirectoryServiceSchema, { method: 'PUT', body: input })
        : api(`/centres/${slug}/directory`, staffDirectoryServiceSchema, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['directory', slug] }),
  })
}
