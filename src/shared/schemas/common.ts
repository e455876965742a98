import { contentLanguages } from '../i18n/locales'
import { z } from '../validation'

/** Half of a UTF-16 surrogate pair without its other half: no character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Free text as people type it: trimmed, without the NUL character, which PostgreSQL refuses in text, and
 * without a lone surrogate (`"\ud800"` in JSON), which it refuses in `jsonb` (audit entries, localized
 * texts): either would otherwise surface as a server error instead of a message.
 */
export function textSchema(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine(
      (value) => !value.includes('\u0000') && !LONE_SURROGATE.test(value),
      'validation.invalidCharacters',
    )
}

export const slugSchema = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'validation.slug')

export const contentLanguageSchema = z.enum(contentLanguages)

/** A text in one or more languages; at least one must be filled in. */
export function localizedTextSchema(options: { max: number; required: boolean }) {
  const schema = z.partialRecord(contentLanguageSchema, textSchema(options.max))
  return options.required
    ? schema.refine(
        (value) => Object.values(value).some((text) => text && text.length > 0),
        'validation.localizedRequired',
      )
    : schema
}

export const localizedTextOutput = z.record(z.string(), z.string()).meta({
  id: 'LocalizedText',
  description: 'Text keyed by language code, e.g. {"fr": "…", "en": "…"}',
})

export const isoDateSchema = z.iso
  .date({ error: 'validation.date' })
  .refine((value) => value >= '2000-01-01' && value <= '2999-12-31', 'validation.date')
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time')

export const idParamSchema = z.object({ id: z.uuid() })

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: 'Error' })
export type ErrorResponse = z.infer<typeof errorResponseSchema>

/**
 * A count as statistics publish it: the number; `small` when it is from 1 to k−1 (shown "<k"); `hidden`
 * when it is withheld so that a total cannot give a small one back.
 */
export const publishedCountSchema = z.union([z.number().int(), z.enum(['small', 'hidden'])])
