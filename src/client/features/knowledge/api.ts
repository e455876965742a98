import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  type KnowledgeNoteInput,
  type KnowledgeQuery,
  knowledgeListSchema,
  knowledgeNoteSchema,
  knowledgeRevisionSchema,
} from '../../../shared/schemas/knowledge'
import { api } from '../../lib/api-client'

const keys = {
  all: (slug: string) => ['knowledge', slug] as const,
  note: (slug: string, id: string) => ['knowledge', slug, 'note', id] as const,
}

/** Notes matching a search; the previous answer stays on screen while the next one comes. */
export function useNotes(slug: string, query: KnowledgeQuery) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
  return useQuery({
    queryKey: [...keys.all(slug), 'list', params.toString()],
    queryFn: () => api(`/centres/${slug}/knowledge?${params}`, knowledgeListSchema),
    placeholderData: keepPreviousData,
  })
}

export function useNote(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: keys.note(slug, id ?? ''),
    queryFn: () => api(`/centres/${slug}/knowledge/${id}`, knowledgeNoteSchema),
    enabled: Boolean(id),
  })
}

export function useNoteHistory(slug: string, id: string) {
  return useQuery({
    queryKey: [...keys.note(slug, id), 'history'],
    queryFn: () =>
      api(
        `/centres/${slug}/knowledge/${id}/history`,
        z.object({ items: z.array(knowledgeRevisionSchema) }),
      ).then((answer) => answer.items),
  })
}

export function useSaveNote(slug: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id?: string | undefined; input: KnowledgeNoteInput }) =>
      id
        ? api(`/centres/${slug}/knowledge/${id}`, knowledgeNoteSchema, { method: 'PUT', body: input })
        : api(`/centres/${slug}/knowledge`, knowledgeNoteSchema, { method: 'POST', body: input }),
    onSuccess: async (note) => {
      client.setQueryData(keys.note(slug, note.id), note)
      await client.invalidateQueries({ queryKey: keys.all(slug) })
      // The directory counts the notes about each service.
      await client.invalidateQueries({ queryKey: ['directory', slug] })
    },
  })
}

export function useDeleteNote(slug: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api(`/centres/${slug}/knowledge/${id}`, z.undefined(), { method: 'DELETE' }),
    onSuccess: async (_, id) => {
      client.removeQueries({ queryKey: keys.note(slug, id) })
      await client.invalidateQueries({ queryKey: keys.all(slug) })
      await client.invalidateQueries({ queryKey: ['directory', slug] })
    },
  })
}
