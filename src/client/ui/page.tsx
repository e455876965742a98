import { type ReactNode, useEffect, useRef } from 'react'
import { Link, useLocation } from 'react-router'
import { useT } from '../i18n/i18n-provider'
import { EasyReadSwitch } from './easy-read-switch'
import { LanguageSwitcher } from './language-switcher'

type Props = {
  title: string
  brand?: string
  brandTo?: string
  nav?: ReactNode
  children: ReactNode
  heading?: boolean
}

// The first page of a visit keeps the browser's own focus; after that, each navigation moves focus to the
// new page's content so that screen readers announce it and keyboard users start from the top of it.
let firstPath: string | null = null

/** Every page: skip link, header with the language switcher, one main landmark, a document title. */
export function Page({ title, brand, brandTo = '/', nav, children, heading = true }: Props) {
  const t = useT()
  const { pathname } = useLocation()
  // Staff pages are read by trained people at work: the easy-read switch is for visitors' pages.
  const staff = pathname.startsWith('/staff')
  const main = useRef<HTMLElement>(null)
  useEffect(() => {
    document.title = brand ? `${title} · ${brand}` : title
  }, [title, brand])
  useEffect(() => {
    if (firstPath === null || firstPath === pathname) {
      firstPath ??= pathname
      return
    }
    firstPath = ''
    main.current?.focus()
  }, [pathname])
  return (
    <>
      <a className="skip-link" href="#main">
        {t('ui.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link className="app-header__brand" to={brandTo}>
            {brand ?? t('app.name')}
          </Link>
          {nav}
          {!staff && <EasyReadSwitch />}
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" ref={main} className="app-main" tabIndex={-1}>
        {heading && <h1>{title}</h1>}
        {children}
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </>
  )
}
