import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { IntlProvider, useIntl } from 'react-intl'
import { isUiLocale, negotiateLocale, type UiLocale } from '../../shared/i18n/locales'
import { type MessageKey, messages } from '../../shared/i18n/messages'
import { setApiLocale } from '../lib/api-client'

const STORAGE_KEY = 'cite.locale'
const EASY_READ_KEY = 'cite.easyRead'

function initialLocale(): UiLocale {
  const stored = localStorage.getItem(STORAGE_KEY)
  if (stored && isUiLocale(stored)) return stored
  return negotiateLocale(navigator.languages)
}

type LocaleState = {
  locale: UiLocale
  setLocale: (locale: UiLocale) => void
  /** Easy-read mode: short sentences where a message has them (`key.easy`), and bigger type. */
  easyRead: boolean
  setEasyRead: (on: boolean) => void
}

const LocaleContext = createContext<LocaleState>({
  locale: 'fr',
  setLocale: () => {},
  easyRead: false,
  setEasyRead: () => {},
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
  const [easyRead, setEasyReadState] = useState(() => localStorage.getItem(EASY_READ_KEY) === 'on')
  useEffect(() => {
    if (easyRead) document.documentElement.dataset.easyRead = ''
    else delete document.documentElement.dataset.easyRead
  }, [easyRead])
  // A device's preference, like its language: nothing about the person, kept on the device only.
  const setEasyRead = useCallback((on: boolean) => {
    if (on) localStorage.setItem(EASY_READ_KEY, 'on')
    else localStorage.removeItem(EASY_READ_KEY)
    setEasyReadState(on)
  }, [])
  const value = useMemo(
    () => ({ locale, setLocale, easyRead, setEasyRead }),
    [locale, setLocale, easyRead, setEasyRead],
  )
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

/**
 * `t('portal.openNow')`: typed keys, so a missing translation is a compile error. In easy-read mode a
 * message's short version (`portal.openNow.easy`) is used where the catalogue has one.
 */
export function useT(): Translate {
  const intl = useIntl()
  const { easyRead } = useLocale()
  return useCallback(
    (key, values) => {
      const easy = `${key}.easy`
      return intl.formatMessage({ id: easyRead && easy in intl.messages ? easy : key }, values)
    },
    [intl, easyRead],
  )
}
