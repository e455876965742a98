import type { MessageKey } from '../../../shared/i18n/messages'
import type { Audience, ResourceType } from '../../../shared/schemas/resources'
import { useLocale, useT } from '../../i18n/i18n-provider'

/** Words for a resource's type, audiences and languages, in the interface language. */
export function useResourceLabels() {
  const t = useT()
  const { locale } = useLocale()
  const languages = new Intl.DisplayNames([locale], { type: 'language' })
  return {
    type: (type: ResourceType | string) => t(`resources.type.${type}` as MessageKey),
    audience: (audience: Audience | string) => t(`resources.audience.${audience}` as MessageKey),
    /** A language named in the interface language, with a capital: "Français", "Anglais". */
    language: (code: string) => {
      const name = languages.of(code) ?? code
      return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1)
    },
  }
}
