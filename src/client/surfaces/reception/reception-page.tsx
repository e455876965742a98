import { useT } from '../../i18n/i18n-provider'
import { ComingSoon } from '../../ui/coming-soon'
import { StaffPage } from '../staff/staff-shell'

export function ReceptionPage() {
  const t = useT()
  return (
    <StaffPage title={t('surface.reception')} roles={['reception', 'manager']}>
      {() => <ComingSoon what={t('comingSoon.reception')} />}
    </StaffPage>
  )
}
