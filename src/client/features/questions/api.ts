import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  type QuestionAnswerInput,
  type QuestionInput,
  questionQueueSchema,
  type questionStatuses,
  questionViewSchema,
  staffQuestionSchema,
} from '../../../shared/schemas/questions'
import { api } from '../../lib/api-client'

export type QuestionStatus = (typeof questionStatuses)[number]

export const questionKeys = {
  one: (code: string) => ['question', code] as const,
  staff: (slug: string) => ['questions', slug] as const,
}

const askedSchema = z.object({ code: z.string(), question: questionViewSchema })

/** Asks a question: the answer holds its code, shown once — the only key to the answer. */
export function useAskQuestion(centre: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: QuestionInput) =>
      api(`/centres/${centre}/questions`, askedSchema, { method: 'POST', body: input }),
    onSuccess: (asked) => client.setQueryData(questionKeys.one(asked.code), asked.question),
  })
}

/**
 * A question by its code, refreshed now and then so that an answer shows by itself. Never retried:
 * a wrong code counts against this device's allowance.
 */
export function useQuestion(code: string) {
  return useQuery({
    queryKey: questionKeys.one(code),
    queryFn: () => api(`/questions/${encodeURIComponent(code)}`, questionViewSchema),
    refetchInterval: 60_000,
    retry: false,
  })
}

/** The visitor's one reply, after the first answer. */
export function useReplyToQuestion(code: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (text: string) =>
      api(`/questions/${encodeURIComponent(code)}/replies`, questionViewSchema, {
        method: 'POST',
        body: { text },
      }),
    onSuccess: (view) => client.setQueryData(questionKeys.one(code), view),
  })
}

// ——— Staff ———

export type QueueFilters = { area?: string | undefined; status: QuestionStatus }

/** The questions to answer, the longest waiting first; refreshed every 30 seconds while open. */
export function useQuestionQueue(slug: string, filters: QueueFilters) {
  const params = new URLSearchParams({ status: filters.status })
  if (filters.area) params.set('area', filters.area)
  return useQuery({
    queryKey: [...questionKeys.staff(slug), 'queue', params.toString()],
    queryFn: () => api(`/centres/${slug}/questions?${params}`, questionQueueSchema).then((a) => a.items),
    refetchInterval: 30_000,
  })
}

export function useStaffQuestion(slug: string, id: string) {
  return useQuery({
    queryKey: [...questionKeys.staff(slug), 'one', id],
    queryFn: () => api(`/centres/${slug}/questions/${id}`, staffQuestionSchema),
    refetchInterval: 30_000,
  })
}

/** Every change answers the whole question: the page shows it at once, and the queue is refreshed. */
function useStaffChange<I>(
  slug: string,
  id: string,
  path: (input: I) => string,
  body: (input: I) => unknown,
) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: I) =>
      api(`/centres/${slug}/questions/${id}${path(input)}`, staffQuestionSchema, {
        method: 'POST',
        body: body(input),
      }),
    onSuccess: (question) => {
      client.setQueryData([...questionKeys.staff(slug), 'one', id], question)
      return client.invalidateQueries({ queryKey: [...questionKeys.staff(slug), 'queue'] })
    },
    // A colleague answered first (409): what the page shows must be their answer.
    onError: () => client.invalidateQueries({ queryKey: questionKeys.staff(slug) }),
  })
}

export function useAnswerQuestion(slug: string, id: string) {
  return useStaffChange<QuestionAnswerInput>(
    slug,
    id,
    () => '/answers',
    (input) => input,
  )
}

export function useHideMessage(slug: string, id: string) {
  return useStaffChange<number>(
    slug,
    id,
    (message) => `/messages/${message}/hide`,
    () => undefined,
  )
}

/** Who answers online questions: the counsellors, and coordinators and managers who also counsel. */
export const questionAnswererRoles = ['counsellor', 'partner_coordinator', 'manager'] as const
