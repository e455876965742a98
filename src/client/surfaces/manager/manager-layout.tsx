import type { ReactNode } from 'react'
import { NavLink, useParams } from 'react-router'
import type { StaffRole } from '../../../shared/constants'
import type { MessageKey } from '../../../shared/i18n/messages'
import { useT } from '../../i18n/i18n-provider'
import { hasCentreRole, StaffPage } from '../staff/staff-shell'

/** The sections, and who opens each besides managers; `inCentre` ones live beside the manager surface. */
const sections: { path: string; label: MessageKey; alsoFor?: readonly StaffRole[]; inCentre?: boolean }[] = [
  { path: 'areas', label: 'manager.areas' },
  { path: 'desks', label: 'manager.desks' },
  { path: 'hours', label: 'manager.hours' },
  { path: 'closures', label: 'manager.closures' },
  { path: 'staff', label: 'manager.staff' },
  { path: 'centre', label: 'manager.centre' },
  { path: 'trainings', label: 'manager.trainings', alsoFor: ['partner_coordinator'] },
  { path: 'resources', label: 'resources.nav.catalogue', alsoFor: ['partner_coordinator'] },
  { path: 'resource-themes', label: 'resources.nav.themes' },
  { path: 'resources-import', label: 'resources.nav.import', alsoFor: ['partner_coordinator'] },
  { path: 'events', label: 'surface.events', alsoFor: ['partner_coordinator'] },
  { path: 'interview-themes', label: 'interviewThemes.title' },
  { path: 'guide', label: 'guideSettings.title' },
  { path: 'statistics', label: 'statistics.title', alsoFor: ['partner_coordinator'], inCentre: true },
  { path: 'audit', label: 'audit.title' },
]

/**
 * The manager surface: a side navigation over the centre's set-up, each section a page of its own. A
 * section open to other roles (`alsoFor`) shows them only the sections they may open.
 */
export function ManagerPage({
  title,
  children,
  alsoFor = [],
}: {
  title: string
  children: ReactNode
  alsoFor?: readonly StaffRole[]
}) {
  const t = useT()
  const { centre = '' } = useParams()
  return (
    <StaffPage title={title} roles={['manager', ...alsoFor]}>
      {(me) => (
        <div className="layout-manager">
          <nav className="side-nav" aria-label={t('manager.navLabel')}>
            <ul>
              {sections
                .filter((section) => hasCentreRole(me, centre, ['manager', ...(section.alsoFor ?? [])]))
                .map((section) => (
                  <li key={section.path}>
                    <NavLink to={`/staff/c/${centre}/${section.inCentre ? '' : 'manager/'}${section.path}`}>
                      {t(section.label)}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </nav>
          <div>{children}</div>
        </div>
      )}
    </StaffPage>
  )
}
