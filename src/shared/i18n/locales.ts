/** Languages the interface is fully translated into. */
export const uiLocales = ['fr', 'en'] as const
export type UiLocale = (typeof uiLocales)[number]
export const defaultUiLocale: UiLocale = 'fr'

/** Languages a centre may offer content in (names, descriptions, resources). */
export const contentLanguages = ['fr', 'en', 'es', 'it', 'pt', 'de', 'nl', 'ar'] as const
export type ContentLanguage = (typeof contentLanguages)[number]

export function isUiLocale(value: string): value is UiLocale {
  return (uiLocales as readonly string[]).includes(value)
}

/**
 * Picks the first supported locale from a list of preferences ("fr-BE", "en-GB;q=0.8"…),
 * matching on the primary language subtag.
 */
export function negotiateLocale(
  preferences: readonly string[],
  fallback: UiLocale = defaultUiLocale,
): UiLocale {
  for (const preference of preferences) {
    const primary = preference.trim().split(/[-_;]/)[0]?.toLowerCase() ?? ''
    if (isUiLocale(primary)) return primary
  }
  return fallback
}

/** Parses an Accept-Language header into tags ordered by quality. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return []
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag: tag.trim(), quality: q ? Number(q.slice(2)) || 0 : 1, index }
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag)
}

/** Picks the text for `language` from a localized value, falling back to the given languages in order. */
export function pickText(text: Record<string, string> | undefined, ...languages: string[]): string {
  if (!text) return ''
  for (const language of languages) {
    const value = text[language]
    if (value) return value
  }
  return Object.values(text).find(Boolean) ?? ''
}
