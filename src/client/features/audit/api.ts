import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { type AuditEntity, auditPageSchema } from '../../../shared/schemas/audit'
import { api } from '../../lib/api-client'

/** The change log's filters, as the page keeps them in its address. */
export type AuditFilters = { from?: string; to?: string; entity?: AuditEntity }

const PAGE = 50

/** The centre's change log, newest first, a page at a time; the rows shown stay while the next arrive. */
export function useAuditLog(slug: string, filters: AuditFilters) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  return useInfiniteQuery({
    queryKey: ['audit', slug, params.toString()],
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams(params)
      query.set('limit', String(PAGE))
      if (pageParam) query.set('cursor', pageParam)
      return api(`/centres/${slug}/audit?${query}`, auditPageSchema)
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
}
