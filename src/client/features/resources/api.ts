import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { z } from 'zod'
import {
  type CatalogueImportInput,
  catalogueImportResultSchema,
  type ResourceInput,
  type ResourceThemeInput,
  resourceDetailSchema,
  resourcePageSchema,
  resourceThemeSchema,
  staffResourceListSchema,
  staffResourceSchema,
} from '../../../shared/schemas/resources'
import { api } from '../../lib/api-client'

const none = z.undefined()

/** Filters as they appear in the address (`?area=…&type=…`): slugs and values, never ids. */
export const filterKeys = ['q', 'area', 'theme', 'type', 'language', 'audience', 'easyRead'] as const
export type FilterKey = (typeof filterKeys)[number]
export type Filters = Partial<Record<FilterKey, string>>

/** The shortest query worth sending while typing. */
export const MIN_QUERY = 2
const PAGE = 20

export const resourceKeys = {
  centre: (slug: string) => ['resources', slug] as const,
}

function queryOf(filters: Filters, extra: Record<string, string> = {}) {
  const params = new URLSearchParams()
  for (const key of filterKeys) {
    const value = filters[key]?.trim()
    if (value && !(key === 'q' && value.length < MIN_QUERY)) params.set(key, value)
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  return params.toString()
}

/** The visitors' list, a page at a time; the previous results stay on screen while the next arrive. */
export function useResources(slug: string, filters: Filters, language: string, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: [...resourceKeys.centre(slug), 'list', language, queryOf(filters)],
    queryFn: ({ pageParam }) =>
      api(
        `/centres/${slug}/resources?${queryOf(filters, {
          lang: language,
          limit: String(PAGE),
          ...(pageParam ? { cursor: pageParam } : {}),
        })}`,
        resourcePageSchema,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}

export function useResource(slug: string, id: string, language: string) {
  return useQuery({
    queryKey: [...resourceKeys.centre(slug), 'one', id, language],
    queryFn: () => api(`/centres/${slug}/resources/${id}?lang=${language}`, resourceDetailSchema),
    // Whether its areas are open changes with the clock.
    refetchInterval: 60_000,
  })
}

export function useResourceThemes(slug: string) {
  return useQuery({
    queryKey: [...resourceKeys.centre(slug), 'themes'],
    queryFn: () => api(`/centres/${slug}/resource-themes`, z.array(resourceThemeSchema)),
  })
}

/** Where a resource's page is, within a centre's portal. */
export const resourcePath = (centre: string, id: string) => `/c/${centre}/resources/${id}`

// ——— Staff ———

export function useCatalogue(slug: string, filters: Filters) {
  return useInfiniteQuery({
    queryKey: [...resourceKeys.centre(slug), 'catalogue', queryOf(filters)],
    queryFn: ({ pageParam }) =>
      api(
        `/centres/${slug}/catalogue/resources?${queryOf(filters, {
          limit: '50',
          ...(pageParam ? { cursor: pageParam } : {}),
        })}`,
        staffResourceListSchema,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
}

export function useCatalogueResource(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: [...resourceKeys.centre(slug), 'catalogue', 'one', id],
    queryFn: () => api(`/centres/${slug}/catalogue/resources/${id}`, staffResourceSchema),
    enabled: Boolean(id),
  })
}

/** Every write to the catalogue invalidates what was read of it, visitor pages included. */
function useCatalogueMutation<I, O>(slug: string, run: (input: I) => Promise<O>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: resourceKeys.centre(slug) }),
  })
}

export function useSaveResource(slug: string) {
  return useCatalogueMutation(slug, ({ id, input }: { id?: string | undefined; input: ResourceInput }) =>
    id
      ? api(`/centres/${slug}/catalogue/resources/${id}`, staffResourceSchema, { method: 'PUT', body: input })
      : api(`/centres/${slug}/catalogue/resources`, staffResourceSchema, { method: 'POST', body: input }),
  )
}

export function useDeleteResource(slug: string) {
  return useCatalogueMutation(slug, (id: string) =>
    api(`/centres/${slug}/catalogue/resources/${id}`, none, { method: 'DELETE' }),
  )
}

export function useSaveTheme(slug: string) {
  return useCatalogueMutation(
    slug,
    ({ id, input }: { id?: string | undefined; input: ResourceThemeInput }) =>
      id
        ? api(`/centres/${slug}/catalogue/themes/${id}`, resourceThemeSchema, { method: 'PUT', body: input })
        : api(`/centres/${slug}/catalogue/themes`, resourceThemeSchema, { method: 'POST', body: input }),
  )
}

export function useDeleteTheme(slug: string) {
  return useCatalogueMutation(slug, (id: string) =>
    api(`/centres/${slug}/catalogue/themes/${id}`, none, { method: 'DELETE' }),
  )
}

export function useReorderThemes(slug: string) {
  return useCatalogueMutation(slug, (ids: string[]) =>
    api(`/centres/${slug}/catalogue/theme-order`, z.array(resourceThemeSchema), {
      method: 'PUT',
      body: { ids },
    }),
  )
}

export function useImportCatalogue(slug: string) {
  return useCatalogueMutation(slug, (input: CatalogueImportInput) =>
    api(`/centres/${slug}/catalogue/import`, catalogueImportResultSchema, { method: 'POST', body: input }),
  )
}

/** The export is a plain download: the browser sends the session cookie with it. */
export const catalogueExportUrl = (slug: string) => `/api/v1/centres/${slug}/catalogue/export`
