import { keepPreviousData, useQuery } from '@tanstack/react-query'
import {
  occupationDetailSchema,
  occupationSearchResultSchema,
  type Taxonomy,
} from '../../../shared/schemas/occupations'
import { api } from '../../lib/api-client'

/** The shortest query worth sending: one letter matches half the catalogue. */
export const MIN_QUERY = 2

/** Occupations matching what the visitor types; the previous results stay while the next ones come. */
export function useOccupationSearch(query: string, language: string) {
  const q = query.trim()
  return useQuery({
    queryKey: ['occupations', 'search', language, q],
    queryFn: () =>
      api(
        `/occupations/search?${new URLSearchParams({ q, lang: language, limit: '20' })}`,
        occupationSearchResultSchema,
      ),
    enabled: q.length >= MIN_QUERY,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  })
}

/** An occupation's page; within a centre, the trainings that lead to it include the centre's own. */
export function useOccupation(taxonomy: Taxonomy, code: string, language: string, centre?: string) {
  const query = new URLSearchParams({ lang: language, ...(centre ? { centre } : {}) })
  return useQuery({
    queryKey: ['occupations', taxonomy, code, language, centre],
    queryFn: () =>
      api(`/occupations/${taxonomy}/${encodeURIComponent(code)}?${query}`, occupationDetailSchema),
    staleTime: 5 * 60_000,
  })
}

/** Where an occupation's page is, within a centre's portal. */
export const occupationPath = (centre: string, taxonomy: string, code: string) =>
  `/c/${centre}/occupations/${taxonomy}/${encodeURIComponent(code)}`
