import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { IntlProvider, useIntl } from 'react-intl'
import { isUiLocale, negotiateLocale, type UiLocale } from '../../shared/i18n/locales'
import { type MessageKey, messages } from '../../shared/i18n/messages'
import { setApiLocale } from '../lib/api-client'

const STORAGE_KEY = 'cite.locale'

function initialLocale(): UiLocale {
  const stored = localStorage.getItem(STORAGE_KEY)
  if (stored && isUiLocale(stored)) return stored
  return negotiateLocale(navigator.languages)
}

const LocaleContext = createContext<{ locale: UiLocale; setLocale: (locale: UiLocale) => void }>({
  locale: 'fr',
  setLocale: () => {},
})

/** The interface language: the visitor's explicit choice, else the browser's preference, else French. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<UiLocale>(initialLocale)
  setApiLocale(locale)
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  const setLocale = useCallback((next: UiLocale) => {
    localStorage.setItem(STORAGE_KEY, next)
    setLocaleState(next)
  }, [])
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale])
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} messages={messages[locale]} defaultLocale="fr">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  )
}

export function useLocale() {
  return useContext(LocaleContext)
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

/** `t('portal.openNow')`: typed keys, so a missing translation is a compile error. */
export function useT(): Translate {
  const intl = useIntl()
  return useCallback((key, values) => intl.formatMessage({ id: key }, values), [intl])
}
