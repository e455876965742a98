import { Link } from 'react-router'
import { useT } from './i18n/i18n-provider'
import { Page } from './ui/page'

export function NotFoundPage() {
  const t = useT()
  return (
    <Page title={t('error.notFound')}>
      <p>
        <Link to="/">{t('ui.backHome')}</Link>
      </p>
    </Page>
  )
}
