import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  createdNotebookSchema,
  type Notebook,
  type NotebookItemInput,
  type NotebookItemKind,
  type NotebookPlanInput,
  type NotebookSummaryInput,
  notebookAdditionSchema,
  notebookItemKinds,
  notebookSchema,
} from '../../../shared/schemas/notebooks'
import { api } from '../../lib/api-client'

export const notebookKeys = { one: (code: string) => ['notebook', code] as const }

const path = (code: string) => `/notebooks/${encodeURIComponent(code)}`

/** What a "save to my notebook" link carries in `?save=`: `kind:ref` (an occupation's ref has a colon too). */
export const saveParam = (item: Pick<NotebookItemInput, 'kind' | 'ref'>) => `${item.kind}:${item.ref}`

export function parseSaveParam(value: string | null): { kind: NotebookItemKind; ref: string } | null {
  if (!value) return null
  const colon = value.indexOf(':')
  const kind = value.slice(0, colon)
  const ref = value.slice(colon + 1).trim()
  if (colon < 0 || !ref || !(notebookItemKinds as readonly string[]).includes(kind)) return null
  return { kind: kind as NotebookItemKind, ref }
}

/** A notebook by its code. Never retried: a wrong code counts against this device's allowance. */
export function useNotebook(code: string | null) {
  return useQuery({
    queryKey: notebookKeys.one(code ?? ''),
    queryFn: () => api(path(code ?? ''), notebookSchema),
    enabled: code !== null,
    retry: false,
  })
}

export const fetchNotebook = (code: string) => api(path(code), notebookSchema)

/**
 * A new notebook and its code. `shared`: on a kiosk, neither the code nor the notebook is kept in this
 * browser's memory once the step is gone (the next visitor must find nothing).
 */
export function useCreateNotebook(centre: string, options: { shared?: boolean } = {}) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api(`/centres/${centre}/notebooks`, createdNotebookSchema, { method: 'POST' }),
    onSuccess: (created) => {
      if (!options.shared) client.setQueryData(notebookKeys.one(created.code), created.notebook)
    },
    ...(options.shared ? { gcTime: 0 } : {}),
  })
}

/** Every change answers the whole notebook: the page shows the server's word at once. */
function useNotebookChange<I>(code: string, run: (input: I) => Promise<Notebook>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: (notebook) => client.setQueryData(notebookKeys.one(code), notebook),
  })
}

export const addNotebookItem = (code: string, input: NotebookItemInput) =>
  api(`${path(code)}/items`, notebookSchema, { method: 'POST', body: input })

export const removeNotebookItem = (code: string, id: string, keepalive = false) =>
  api(`${path(code)}/items/${id}`, notebookSchema, { method: 'DELETE', keepalive })

export function useAddItem(code: string) {
  return useNotebookChange(code, (input: NotebookItemInput) => addNotebookItem(code, input))
}

/** Adds to the notebook of the code given with each call (the door page does not know it beforehand). */
export function useAddItemTo() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ code, input }: { code: string; input: NotebookItemInput }) => addNotebookItem(code, input),
    onSuccess: (notebook, { code }) => client.setQueryData(notebookKeys.one(code), notebook),
  })
}

export function useRemoveItem(code: string) {
  return useNotebookChange(code, (id: string) => removeNotebookItem(code, id))
}

export function useSaveNotes(code: string) {
  return useNotebookChange(code, (notes: string) =>
    api(`${path(code)}/notes`, notebookSchema, { method: 'PUT', body: { notes } }),
  )
}

export function useSavePlan(code: string) {
  return useNotebookChange(code, (steps: NotebookPlanInput['steps']) =>
    api(`${path(code)}/plan`, notebookSchema, { method: 'PUT', body: { steps } }),
  )
}

export function useEraseNotebook(code: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api(path(code), z.undefined(), { method: 'DELETE' }),
    onSuccess: () => client.removeQueries({ queryKey: notebookKeys.one(code) }),
  })
}

/**
 * At the desk: a summary and things to come back to, added with the code the visitor shows. The server
 * answers only how much was added: the counsellor sees nothing of the notebook.
 */
export function useAddSummary(centre: string) {
  return useMutation({
    mutationFn: ({ code, input }: { code: string; input: NotebookSummaryInput }) =>
      api(`/centres/${centre}/notebooks/${encodeURIComponent(code)}/summaries`, notebookAdditionSchema, {
        method: 'POST',
        body: input,
      }),
    // Nor is the code kept in the desk browser's memory once the form is done with it.
    gcTime: 0,
  })
}
