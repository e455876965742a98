import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import {
  type ExportTable,
  eventStatisticsSchema,
  interviewStatisticsSchema,
  networkStatisticsSchema,
  profileStatisticsSchema,
  type StatisticsSettings,
  selfServiceStatisticsSchema,
  statisticsSettingsSchema,
  visitStatisticsSchema,
} from '../../../shared/schemas/statistics'
import { api } from '../../lib/api-client'

/** A period (`YYYY-MM-DD`, both days included), narrowed to an area or a partner where that applies. */
export type StatisticsFilters = { from: string; to: string; area?: string; partner?: string }

type Scope = 'period' | 'area' | 'partner'

const keys = {
  centre: (slug: string) => ['centres', slug, 'statistics'] as const,
  network: ['network', 'statistics'] as const,
}

/** Only the filters a figure can be narrowed by: visits by area, interviews by area and partner. */
function narrow(filters: StatisticsFilters, scope: Scope): StatisticsFilters {
  const { from, to, area, partner } = filters
  return {
    from,
    to,
    ...(scope !== 'period' && area ? { area } : {}),
    ...(scope === 'partner' && partner ? { partner } : {}),
  }
}

function search(filters: StatisticsFilters, extra: Record<string, string> = {}) {
  return new URLSearchParams({ ...extra, ...filters }).toString()
}

function useFigures<S extends z.ZodType>(
  slug: string,
  kind: string,
  schema: S,
  filters: StatisticsFilters,
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...keys.centre(slug), kind, filters],
    queryFn: () => api(`/centres/${slug}/statistics/${kind}?${search(filters)}`, schema),
    enabled: enabled && slug !== '',
    // A new period keeps the last figures on screen until its own arrive, rather than a blank page.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}

export function useVisitStatistics(slug: string, filters: StatisticsFilters, enabled = true) {
  return useFigures(slug, 'visits', visitStatisticsSchema, narrow(filters, 'area'), enabled)
}

export function useInterviewStatistics(slug: string, filters: StatisticsFilters, enabled = true) {
  return useFigures(slug, 'interviews', interviewStatisticsSchema, narrow(filters, 'partner'), enabled)
}

export function useProfileStatistics(slug: string, filters: StatisticsFilters, enabled = true) {
  return useFigures(slug, 'profiles', profileStatisticsSchema, narrow(filters, 'period'), enabled)
}

export function useEventStatistics(slug: string, filters: StatisticsFilters, enabled = true) {
  return useFigures(slug, 'events', eventStatisticsSchema, narrow(filters, 'period'), enabled)
}

export function useSelfServiceStatistics(slug: string, filters: StatisticsFilters, enabled = true) {
  return useFigures(slug, 'self-service', selfServiceStatisticsSchema, narrow(filters, 'period'), enabled)
}

/** What each export can be narrowed by, as on the dashboard it comes from. */
function scopeOf(table: ExportTable): Scope {
  if (table.startsWith('visits-') || table === 'waiting-times' || table === 'service-times') return 'area'
  if (table.startsWith('interviews-') || table === 'referrals') return 'partner'
  return 'period'
}

/** The address of one table as a CSV file, with the filters it is shown with, headed in `language`. */
export function exportUrl(slug: string, table: ExportTable, filters: StatisticsFilters, language: string) {
  const query = search(narrow(filters, scopeOf(table)), { table, lang: language })
  return `/api/v1/centres/${slug}/statistics/export.csv?${query}`
}

export function useStatisticsSettings(slug: string) {
  return useQuery({
    queryKey: [...keys.centre(slug), 'settings'],
    queryFn: () => api(`/centres/${slug}/statistics-settings`, statisticsSettingsSchema),
    enabled: slug !== '',
  })
}

export function useSaveStatisticsSettings(slug: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: StatisticsSettings) =>
      api(`/centres/${slug}/statistics-settings`, statisticsSettingsSchema, { method: 'PUT', body: input }),
    // A new threshold changes every published figure.
    onSuccess: () => client.invalidateQueries({ queryKey: keys.centre(slug) }),
  })
}

/** Every centre of the network side by side (network administrators). */
export function useNetworkStatistics(filters: StatisticsFilters, enabled = true) {
  const period = narrow(filters, 'period')
  return useQuery({
    queryKey: [...keys.network, period],
    queryFn: () => api(`/network/statistics?${search(period)}`, networkStatisticsSchema),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}
