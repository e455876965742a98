import { useT } from '../../i18n/i18n-provider'
import { ComingSoon } from '../../ui/coming-soon'
import { Page } from '../../ui/page'

export function ScreenPage() {
  const t = useT()
  return (
    <Page title={t('surface.screen')}>
      <ComingSoon what={t('comingSoon.screen')} />
    </Page>
  )
}
