import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { partnerSummarySchema } from '../../../shared/schemas/centres'
import {
  type BookingInput,
  bookingViewSchema,
  type EventInput,
  programmeEventSchema,
  programmeSchema,
  staffEventSchema,
  staffEventSummarySchema,
} from '../../../shared/schemas/events'
import { api } from '../../lib/api-client'

/** The programme's filters as the address holds them: `?area=…&type=…&audience=…&language=…&from=…&to=…`. */
export const programmeFilterKeys = ['area', 'type', 'audience', 'language', 'from', 'to'] as const
export type ProgrammeQuery = Partial<Record<(typeof programmeFilterKeys)[number], string>>

export const eventKeys = {
  centre: (slug: string) => ['events', slug] as const,
  booking: (code: string) => ['booking', code] as const,
}

const queryOf = (filters: ProgrammeQuery, lang: string) => {
  const params = new URLSearchParams({ lang })
  for (const key of programmeFilterKeys) {
    const value = filters[key]
    if (value) params.set(key, value)
  }
  return params.toString()
}

/** Sessions between two days, with seats left; the previous answer stays while filters change. */
export function useProgramme(slug: string, filters: ProgrammeQuery, language: string, refresh?: number) {
  return useQuery({
    queryKey: [...eventKeys.centre(slug), 'programme', language, filters],
    queryFn: () => api(`/centres/${slug}/programme?${queryOf(filters, language)}`, programmeSchema),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    ...(refresh ? { refetchInterval: refresh } : {}),
  })
}

export function useProgrammeEvent(slug: string, id: string, language: string) {
  return useQuery({
    queryKey: [...eventKeys.centre(slug), 'event', id, language],
    queryFn: () =>
      api(`/centres/${slug}/programme/${id}?lang=${encodeURIComponent(language)}`, programmeEventSchema),
    // Seats go while the page is open: say so without a reload.
    refetchInterval: 30_000,
  })
}

/** Where an event's page is, within a centre's portal. */
export const eventPath = (slug: string, id: string) => `/c/${slug}/events/${id}`
/** Where a booking's own page is: its code is the whole key. */
export const bookingPath = (code: string) => `/b/${code.replace(/\s+/g, '-')}`
/** The programme as a calendar feed, for the whole centre or one area. */
export const feedUrl = (slug: string, language: string, area?: string) =>
  `/api/v1/centres/${slug}/programme.ics?lang=${language}${area ? `&area=${area}` : ''}`
export const sessionCalendarUrl = (sessionId: string, language: string) =>
  `/api/v1/sessions/${sessionId}/calendar.ics?lang=${language}`

const bookedSchema = z.object({ code: z.string(), booking: bookingViewSchema })

export function useBookSeats(slug: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ sessionId, input }: { sessionId: string; input: BookingInput }) =>
      api(`/sessions/${sessionId}/bookings`, bookedSchema, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: eventKeys.centre(slug) }),
  })
}

/** A booking by its code; refreshed so that a promotion from the waiting list shows by itself. */
export function useBooking(code: string) {
  return useQuery({
    queryKey: eventKeys.booking(code),
    queryFn: () => api(`/bookings/${encodeURIComponent(code)}`, bookingViewSchema),
    refetchInterval: 30_000,
    retry: false,
  })
}

export function useChangeBooking(code: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (change: { seats: number } | 'cancel') =>
      change === 'cancel'
        ? api(`/bookings/${encodeURIComponent(code)}`, bookingViewSchema, { method: 'DELETE' })
        : api(`/bookings/${encodeURIComponent(code)}`, bookingViewSchema, { method: 'PATCH', body: change }),
    onSuccess: (view) => client.setQueryData(eventKeys.booking(code), view),
  })
}

// ——— Staff ———

export function useStaffEvents(slug: string) {
  return useQuery({
    queryKey: [...eventKeys.centre(slug), 'staff'],
    queryFn: () =>
      api(`/centres/${slug}/events`, z.object({ items: z.array(staffEventSummarySchema) })).then(
        (answer) => answer.items,
      ),
  })
}

export function useStaffEvent(slug: string, id: string | undefined, refresh?: number) {
  return useQuery({
    queryKey: [...eventKeys.centre(slug), 'staff', id],
    queryFn: () => api(`/centres/${slug}/events/${id}`, staffEventSchema),
    enabled: Boolean(id),
    ...(refresh ? { refetchInterval: refresh } : {}),
  })
}

export function usePartners(slug: string) {
  return useQuery({
    queryKey: ['centres', slug, 'partners'],
    queryFn: () => api(`/centres/${slug}/partners`, z.array(partnerSummarySchema)),
  })
}

function useInvalidate(slug: string) {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: eventKeys.centre(slug) })
}

export function useSaveEvent(slug: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: ({ id, input }: { id?: string | undefined; input: EventInput }) =>
      id
        ? api(`/centres/${slug}/events/${id}`, staffEventSchema, { method: 'PUT', body: input })
        : api(`/centres/${slug}/events`, staffEventSchema, { method: 'POST', body: input }),
    onSuccess: invalidate,
  })
}

export function useCancelEvent(slug: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: (id: string) => api(`/centres/${slug}/events/${id}`, staffEventSchema, { method: 'DELETE' }),
    onSuccess: invalidate,
  })
}

export function useCheckIn(slug: string, sessionId: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: (input: { code: string; seats?: number }) =>
      api(`/centres/${slug}/sessions/${sessionId}/check-in`, bookingViewSchema, {
        method: 'POST',
        body: input,
      }),
    onSuccess: invalidate,
  })
}

export function useDropIns(slug: string, sessionId: string) {
  const invalidate = useInvalidate(slug)
  return useMutation({
    mutationFn: (change: number) =>
      api(`/centres/${slug}/sessions/${sessionId}/drop-ins`, z.object({ dropIns: z.number() }), {
        method: 'POST',
        body: { change },
      }),
    onSuccess: invalidate,
  })
}
