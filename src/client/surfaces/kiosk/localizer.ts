import { pickText } from '../../../shared/i18n/locales'

type Text = Record<string, string> | undefined

export type Localizer = { text: (value: Text) => string; lang: (value: Text) => string | undefined }

/**
 * Picks a centre's text in the first of `languages` it was written in, and says which one, so the
 * text can carry its own `lang` (a Dutch area name on an English screen is read out in Dutch).
 */
export function localizer(...languages: string[]): Localizer {
  return {
    text: (value) => pickText(value, ...languages),
    lang: (value) => languages.find((language) => value?.[language]),
  }
}
