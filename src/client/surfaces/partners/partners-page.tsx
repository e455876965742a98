import { useT } from '../../i18n/i18n-provider'
import { ComingSoon } from '../../ui/coming-soon'
import { StaffPage } from '../staff/staff-shell'

export function PartnersPage() {
  const t = useT()
  return (
    <StaffPage title={t('surface.partners')} roles={['partner_coordinator', 'manager']}>
      {() => <ComingSoon what={t('comingSoon.partners')} />}
    </StaffPage>
  )
}
