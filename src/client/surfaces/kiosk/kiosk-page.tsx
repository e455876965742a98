import { useT } from '../../i18n/i18n-provider'
import { ComingSoon } from '../../ui/coming-soon'
import { Page } from '../../ui/page'

export function KioskPage() {
  const t = useT()
  return (
    <Page title={t('surface.kiosk')}>
      <ComingSoon what={t('comingSoon.kiosk')} />
    </Page>
  )
}
