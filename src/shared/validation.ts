import { z } from 'zod'

/**
 * Every validation message is a key of the message catalogues, so the same schema gives a French
 * message to a French visitor and an English one to an English visitor, on the server and in forms.
 */
z.config({
  // No `new Function` probing: the Content-Security-Policy forbids eval, in browsers and everywhere.
  jitless: true,
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null
          ? 'validation.required'
          : 'validation.invalidType'
      case 'too_small':
        if (issue.origin === 'string' && issue.minimum === 1) return 'validation.required'
        return issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'number'
          ? `validation.tooSmall.${issue.origin}`
          : 'validation.invalid'
      case 'too_big':
        return issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'number'
          ? `validation.tooBig.${issue.origin}`
          : 'validation.invalid'
      case 'invalid_format':
        return issue.format === 'email' || issue.format === 'url' || issue.format === 'uuid'
          ? `validation.format.${issue.format}`
          : 'validation.format'
      case 'invalid_value':
        return issue.input === undefined ? 'validation.required' : 'validation.invalidValue'
      case 'unrecognized_keys':
        return 'validation.unrecognizedKeys'
      default:
        return 'validation.invalid'
    }
  },
})

export type IssueLike = { message: string; minimum?: unknown; maximum?: unknown; keys?: unknown }

/** The catalogue key and ICU values for one validation issue. */
export function describeIssue(issue: IssueLike): { key: string; values: Record<string, string | number> } {
  const values: Record<string, string | number> = {}
  if (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint')
    values.minimum = Number(issue.minimum)
  if (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint')
    values.maximum = Number(issue.maximum)
  if (Array.isArray(issue.keys)) values.keys = issue.keys.join(', ')
  const key = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid'
  return { key, values }
}

export { z }
