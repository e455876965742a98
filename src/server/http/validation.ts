import { describeIssue, type IssueLike } from '../../shared/validation'
import { AppError } from './errors'

type Issue = IssueLike & { path: PropertyKey[] }

/** Turns Zod issues into one AppError carrying a message key per field (first issue per field wins). */
export function validationError(issues: readonly Issue[]): AppError {
  const fields: Record<string, { key: string; values: Record<string, string | number> }> = {}
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_'
    fields[path] ??= describeIssue(issue)
  }
  return new AppError('validation', 'error.validation', {}, fields)
}
