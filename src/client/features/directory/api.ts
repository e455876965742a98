import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { z } from 'zod'
import { directoryServiceSchema } from '../../../shared/schemas/directory'
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
