import { useQuery } from '@tanstack/react-query'
import { interestMatchesSchema } from '../../../shared/schemas/interests'
import { api } from '../../lib/api-client'

/** How many occupations the result suggests. */
const SUGGESTED = 12

/**
 * Occupations that suit the explorer's code. Only the code is sent — never the answers — and the
 * server keeps nothing of it.
 */
export function useOccupationsByInterests(code: string, language: string) {
  return useQuery({
    queryKey: ['occupations', 'by-interests', language, code],
    queryFn: () =>
      api(
        `/occupations/by-interests?${new URLSearchParams({ code, lang: language, limit: String(SUGGESTED) })}`,
        interestMatchesSchema,
      ),
    enabled: code.length > 0,
    staleTime: 5 * 60_000,
  })
}
