import { useEffect, useMemo } from 'react'
import { IntlProvider } from 'react-intl'
import { useParams, useSearchParams } from 'react-router'
import { isUiLocale } from '../../../shared/i18n/locales'
import { messages } from '../../../shared/i18n/messages'
import { usePortalHome } from '../../features/centres/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { ErrorMessage, Loading } from '../../ui/states'
import { parseAreaFilter } from './calls'
import { ScreenBoard } from './screen-board'
import './screen.css'

/**
 * The television in the waiting space: the tickets called (shown and spoken), the waiting per area and
 * today's hours, for the areas in `?areas=` (all if absent). It speaks the centre's default language,
 * whatever the browser's, and runs for days with nobody to press reload: the live stream reconnects by
 * itself and the hours are read again every minute.
 */
export function ScreenPage() {
  const { centre: slug = '' } = useParams()
  const [search] = useSearchParams()
  const { locale: browserLocale } = useLocale()
  const home = usePortalHome(slug)
  const defaultLanguage = home.data?.centre.defaultLanguage ?? ''
  const locale = isUiLocale(defaultLanguage) ? defaultLanguage : browserLocale
  const areasParam = search.get('areas')
  const areas = useMemo(() => parseAreaFilter(areasParam), [areasParam])

  return (
    <IntlProvider locale={locale} messages={messages[locale]} defaultLocale="fr">
      <div className="screen" lang={locale}>
        {home.data ? (
          <ScreenBoard slug={slug} home={home.data} locale={locale} areas={areas} />
        ) : (
          <ScreenWaiting error={home.isError ? home.error : null} />
        )}
      </div>
    </IntlProvider>
  )
}

function ScreenWaiting({ error }: { error: unknown }) {
  const t = useT()
  useEffect(() => {
    document.title = t('surface.screen')
  }, [t])
  return (
    <main className="screen__main screen__main--waiting">
      <h1>{t('surface.screen')}</h1>
      {error ? <ErrorMessage error={error} /> : <Loading />}
    </main>
  )
}
