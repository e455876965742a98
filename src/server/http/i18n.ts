import type { Context } from 'hono'
import { IntlMessageFormat } from 'intl-messageformat'
import { negotiateLocale, parseAcceptLanguage, type UiLocale } from '../../shared/i18n/locales'
import { messages } from '../../shared/i18n/messages'

const cache = new Map<string, IntlMessageFormat>()

/** Formats a catalogue message for the server side (errors, CLI); the client uses the same catalogues. */
export function translate(
  locale: UiLocale,
  key: string,
  values: Record<string, string | number> = {},
): string {
  const catalogue = messages[locale] as Record<string, string>
  const source = catalogue[key] ?? (messages.en as Record<string, string>)[key] ?? key
  const cacheKey = `${locale}\u0000${key}`
  let format = cache.get(cacheKey)
  if (!format) {
    format = new IntlMessageFormat(source, locale)
    cache.set(cacheKey, format)
  }
  return String(format.format(values))
}

/** The request's language: an explicit `?lang=` wins, then Accept-Language, then French. */
export function requestLocale(c: Context): UiLocale {
  const explicit = c.req.query('lang')
  return negotiateLocale([
    ...(explicit ? [explicit] : []),
    ...parseAcceptLanguage(c.req.header('accept-language')),
  ])
}
