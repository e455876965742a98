import { useT } from '../../i18n/i18n-provider'
import { ComingSoon } from '../../ui/coming-soon'
import { StaffPage } from '../staff/staff-shell'

export function DeskPage() {
  const t = useT()
  return (
    <StaffPage title={t('surface.desk')} roles={['counsellor', 'manager']}>
      {() => <ComingSoon what={t('comingSoon.desk')} />}
    </StaffPage>
  )
}
