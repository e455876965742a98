import type { ReactNode } from 'react'
import { NavLink, useParams } from 'react-router'
import type { MessageKey } from '../../../shared/i18n/messages'
import { useT } from '../../i18n/i18n-provider'
import { StaffPage } from '../staff/staff-shell'

const sections: { path: string; label: MessageKey }[] = [
  { path: 'areas', label: 'manager.areas' },
  { path: 'desks', label: 'manager.desks' },
  { path: 'hours', label: 'manager.hours' },
  { path: 'closures', label: 'manager.closures' },
  { path: 'staff', label: 'manager.staff' },
  { path: 'centre', label: 'manager.centre' },
]

/** The manager surface: a side navigation over the centre's set-up, each section a page of its own. */
export function ManagerPage({ title, children }: { title: string; children: ReactNode }) {
  const t = useT()
  const { centre = '' } = useParams()
  return (
    <StaffPage title={title} roles={['manager']}>
      {() => (
        <div className="layout-manager">
          <nav className="side-nav" aria-label={t('manager.navLabel')}>
            <ul>
              {sections.map((section) => (
                <li key={section.path}>
                  <NavLink to={`/staff/c/${centre}/manager/${section.path}`}>{t(section.label)}</NavLink>
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
