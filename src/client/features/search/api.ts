import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type SearchType, searchResultSchema } from '../../../shared/schemas/search'
import { api } from '../../lib/api-client'
import { MIN_QUERY } from '../occupations/api'

export type SearchFilters = { types: SearchType[]; area: string; language: string; audience: string }

/** One search across occupations, trainings and the centre's resources; previous results stay meanwhile. */
export function useSearch(options: {
  centre: string
  query: string
  language: string
  filters: SearchFilters
}) {
  const q = options.query.trim()
  const { types, area, language, audience } = options.filters
  const params = new URLSearchParams({ q, lang: options.language, centre: options.centre, limit: '30' })
  if (types.length > 0) params.set('types', types.join(','))
  if (area) params.set('area', area)
  if (language) params.set('language', language)
  if (audience) params.set('audience', audience)
  return useQuery({
    queryKey: ['search', params.toString()],
    queryFn: () => api(`/search?${params}`, searchResultSchema),
    enabled: q.length >= MIN_QUERY,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}
