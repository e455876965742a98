import { createIntl, createIntlCache, type IntlShape } from 'react-intl'
import { isUiLocale, type UiLocale } from '../../../shared/i18n/locales'
import { messages } from '../../../shared/i18n/messages'
import type { Utterance } from './announcer'

/** "E-042" → "E 0 4 2": a speech engine reads each character, not "E minus forty-two". */
export function spokenCode(code: string): string {
  return [...code.replace(/[^\p{L}\p{N}]/gu, '')].join(' ')
}

/**
 * The languages calls are spoken in: the centre's default first, then its other languages, keeping
 * those the interface has messages for. A centre with none of them hears the screen's language.
 */
export function speechLocales(
  centre: { languages: readonly string[]; defaultLanguage: string },
  fallback: UiLocale,
): UiLocale[] {
  const ordered = [centre.defaultLanguage, ...centre.languages].filter(isUiLocale)
  const locales = [...new Set(ordered)]
  return locales.length ? locales : [fallback]
}

const cache = createIntlCache()
const intls = new Map<UiLocale, IntlShape>()

function intlFor(locale: UiLocale): IntlShape {
  let intl = intls.get(locale)
  if (!intl) {
    intl = createIntl({ locale, messages: messages[locale], defaultLocale: 'fr' }, cache)
    intls.set(locale, intl)
  }
  return intl
}

/** What a screen says for a call, in each language: the ticket code and the desk, nothing else. */
export function callUtterances(
  call: { code: string; desk: string },
  locales: readonly UiLocale[],
): Utterance[] {
  const desk = call.desk.trim()
  return locales.map((locale) => ({
    lang: locale,
    text: intlFor(locale).formatMessage(
      { id: 'screen.announce' },
      { code: spokenCode(call.code), desk, numbered: /^\d+$/.test(desk) ? 'yes' : 'no' },
    ),
  }))
}
