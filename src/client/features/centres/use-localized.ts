import { pickText } from '../../../shared/i18n/locales'
import { useLocale } from '../../i18n/i18n-provider'

/** Picks a centre's text in the interface language, else the centre's default, else any. */
export function useLocalized(defaultLanguage = 'fr') {
  const { locale } = useLocale()
  return (text: Record<string, string> | undefined) => pickText(text, locale, defaultLanguage)
}
