import { uiLocales } from '../../shared/i18n/locales'
import { useLocale, useT } from '../i18n/i18n-provider'

const names = { fr: 'Français', en: 'English' } as const

/** Each language is named in itself, so anyone can find theirs whatever the page's language. */
export function LanguageSwitcher() {
  const { locale, setLocale } = useLocale()
  const t = useT()
  return (
    <fieldset className="lang-switch" aria-label={t('ui.language')}>
      {uiLocales.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={code === locale}
          onClick={() => setLocale(code)}
        >
          <span aria-hidden="true">{code.toUpperCase()}</span>
          <span className="visually-hidden">{names[code]}</span>
        </button>
      ))}
    </fieldset>
  )
}
