import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  type AreaInput,
  areaSchema,
  type CentreInput,
  type ClosureInput,
  centreSchema,
  closureSchema,
  type DeskInput,
  deskSchema,
  portalHomeSchema,
  type WeeklyHoursInput,
  weeklyHoursSchema,
} from '../../../shared/schemas/centres'
import { api } from '../../lib/api-client'

const none = z.undefined()

export const centreKeys = {
  all: ['centres'] as const,
  centre: (slug: string) => ['centres', slug] as const,
}

export function useCentres() {
  return useQuery({ queryKey: centreKeys.all, queryFn: () => api('/centres', z.array(centreSchema)) })
}

export function useCentre(slug: string) {
  return useQuery({
    queryKey: [...centreKeys.centre(slug), 'info'],
    queryFn: () => api(`/centres/${slug}`, centreSchema),
  })
}

export function usePortalHome(slug: string) {
  return useQuery({
    queryKey: [...centreKeys.centre(slug), 'portal'],
    queryFn: () => api(`/centres/${slug}/portal`, portalHomeSchema),
    enabled: slug !== '',
    // "Open now" changes with the clock: refresh every minute while the page is open.
    refetchInterval: 60_000,
  })
}

export function useAreas(slug: string) {
  return useQuery({
    queryKey: [...centreKeys.centre(slug), 'areas'],
    queryFn: () => api(`/centres/${slug}/areas`, z.array(areaSchema)),
  })
}

export function useDesks(slug: string) {
  return useQuery({
    queryKey: [...centreKeys.centre(slug), 'desks'],
    queryFn: () => api(`/centres/${slug}/desks`, z.array(deskSchema)),
  })
}

export function useWeeklyHours(slug: string, areaId: string | null) {
  return useQuery({
    queryKey: [...centreKeys.centre(slug), 'hours', areaId],
    queryFn: () => api(`/centres/${slug}/hours${areaId ? `?area=${areaId}` : ''}`, weeklyHoursSchema),
  })
}

export function useClosures(slug: string) {
  return useQuery({
    queryKey: [...centreKeys.centre(slug), 'closures'],
    queryFn: () => api(`/centres/${slug}/closures`, z.array(closureSchema)),
  })
}

/** Every change to a centre's set-up invalidates what was read about it, portal home included. */
function useCentreMutation<I, O>(slug: string, run: (input: I) => Promise<O>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: centreKeys.centre(slug) }),
  })
}

export function useSaveCentre(slug: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CentreInput) => api(`/centres/${slug}`, centreSchema, { method: 'PUT', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: centreKeys.all }),
  })
}

export function useCreateCentre() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CentreInput) => api('/centres', centreSchema, { method: 'POST', body: input }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: centreKeys.all }),
        client.invalidateQueries({ queryKey: ['me'] }),
      ]),
  })
}

export function useSaveArea(slug: string) {
  return useCentreMutation(slug, ({ id, input }: { id?: string | undefined; input: AreaInput }) =>
    id
      ? api(`/centres/${slug}/areas/${id}`, areaSchema, { method: 'PUT', body: input })
      : api(`/centres/${slug}/areas`, areaSchema, { method: 'POST', body: input }),
  )
}

export function useDeleteArea(slug: string) {
  return useCentreMutation(slug, (id: string) =>
    api(`/centres/${slug}/areas/${id}`, none, { method: 'DELETE' }),
  )
}

export function useSaveDesk(slug: string) {
  return useCentreMutation(slug, ({ id, input }: { id?: string | undefined; input: DeskInput }) =>
    id
      ? api(`/centres/${slug}/desks/${id}`, deskSchema, { method: 'PUT', body: input })
      : api(`/centres/${slug}/desks`, deskSchema, { method: 'POST', body: input }),
  )
}

export function useDeleteDesk(slug: string) {
  return useCentreMutation(slug, (id: string) =>
    api(`/centres/${slug}/desks/${id}`, none, { method: 'DELETE' }),
  )
}

export function useSaveHours(slug: string) {
  return useCentreMutation(slug, (input: WeeklyHoursInput) =>
    api(`/centres/${slug}/hours`, weeklyHoursSchema, { method: 'PUT', body: input }),
  )
}

export function useAddClosure(slug: string) {
  return useCentreMutation(slug, (input: ClosureInput) =>
    api(`/centres/${slug}/closures`, closureSchema, { method: 'POST', body: input }),
  )
}

export function useDeleteClosure(slug: string) {
  return useCentreMutation(slug, (id: string) =>
    api(`/centres/${slug}/closures/${id}`, none, { method: 'DELETE' }),
  )
}
