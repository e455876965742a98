import type { z } from 'zod'
import type { MessageKey } from '../../shared/i18n/messages'
import { describeIssue } from '../../shared/validation'
import type { Translate } from '../i18n/i18n-provider'
import { ApiError } from './api-client'

export type FieldErrors = Record<string, string>

/** Validates with the same schema as the server and returns translated messages per field path. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, t: Translate) {
  const result = schema.safeParse(value)
  if (result.success) return { data: result.data as z.output<S>, errors: null }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_'
    if (errors[path]) continue
    const { key, values } = describeIssue(issue)
    errors[path] = t(key as MessageKey, values)
  }
  return { data: null, errors }
}

/** Field messages from a failed request (already translated by the server), or a general message. */
export function errorsFromApi(error: unknown, t: Translate): { fields: FieldErrors; message: string } {
  if (error instanceof ApiError) return { fields: error.fields, message: error.message }
  return { fields: {}, message: t('error.internal') }
}

/** The first message found for a field or any of its children (e.g. `name.fr` for `name`). */
export function fieldError(errors: FieldErrors, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1]
}
