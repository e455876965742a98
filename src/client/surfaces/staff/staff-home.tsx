import type { StaffRole } from '../../../shared/constants'
import { pickText } from '../../../shared/i18n/locales'
import type { MessageKey } from '../../../shared/i18n/messages'
import { knowledgeReaderRoles } from '../../../shared/schemas/knowledge'
import { questionAnswererRoles } from '../../features/questions/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { ButtonLink } from '../../ui/button'
import { EmptyState } from '../../ui/states'
import { StaffPage } from './staff-shell'

/** Which staff surfaces each role opens; a manager sees them all. */
export const surfaces: { path: string; label: MessageKey; roles: readonly StaffRole[] }[] = [
  { path: 'reception', label: 'surface.reception', roles: ['reception', 'manager'] },
  { path: 'desk', label: 'surface.desk', roles: ['counsellor', 'manager'] },
  { path: 'partners', label: 'surface.partners', roles: ['partner_coordinator', 'manager'] },
  { path: 'questions', label: 'questions.staff.title', roles: questionAnswererRoles },
  { path: 'rota', label: 'rota.title', roles: ['counsellor', 'partner_coordinator', 'manager'] },
  {
    path: 'directory',
    label: 'directory.staffTitle',
    roles: ['counsellor', 'partner_coordinator', 'manager'],
  },
  { path: 'knowledge', label: 'knowledge.title', roles: knowledgeReaderRoles },
  { path: 'manager', label: 'surface.manager', roles: ['manager'] },
  { path: 'statistics', label: 'statistics.title', roles: ['partner_coordinator', 'manager'] },
  {
    path: 'check-in',
    label: 'surface.checkIn',
    roles: ['reception', 'counsellor', 'partner_coordinator', 'manager'],
  },
  // A manager finds the centre's trainings in the manager surface.
  { path: 'manager/trainings', label: 'surface.trainings', roles: ['partner_coordinator'] },
  { path: 'manager/resources', label: 'resources.surface', roles: ['partner_coordinator'] },
  { path: 'manager/events', label: 'surface.events', roles: ['partner_coordinator'] },
]

export function StaffHome() {
  const t = useT()
  const { locale } = useLocale()
  return (
    <StaffPage title={t('staff.homeTitle')}>
      {(me) => (
        <div className="stack">
          {me.centres.length === 0 && (
            <EmptyState title={t('staff.noCentreTitle')}>
              <p>{t('staff.noCentreText')}</p>
            </EmptyState>
          )}
          {me.centres.map((centre) => (
            <section key={centre.slug} className="card" aria-labelledby={`centre-${centre.slug}`}>
              <h2 id={`centre-${centre.slug}`}>{pickText(centre.name, locale)}</h2>
              <div className="cluster">
                {surfaces
                  .filter(
                    (surface) =>
                      me.isNetworkAdmin || centre.roles.some((role) => surface.roles.includes(role)),
                  )
                  .map((surface) => (
                    <ButtonLink key={surface.path} to={`/staff/c/${centre.slug}/${surface.path}`}>
                      {t(surface.label)}
                    </ButtonLink>
                  ))}
                <ButtonLink variant="secondary" to={`/c/${centre.slug}`}>
                  {t('surface.portal')}
                </ButtonLink>
                <ButtonLink variant="secondary" to={`/c/${centre.slug}/kiosk`}>
                  {t('surface.kiosk')}
                </ButtonLink>
                <ButtonLink variant="secondary" to={`/c/${centre.slug}/screen`}>
                  {t('surface.screen')}
                </ButtonLink>
              </div>
            </section>
          ))}
          {me.isNetworkAdmin && (
            <section className="card">
              <h2>{t('surface.network')}</h2>
              <ButtonLink to="/staff/network">{t('surface.network')}</ButtonLink>
            </section>
          )}
        </div>
      )}
    </StaffPage>
  )
}
