import { Navigate, Route, Routes } from 'react-router'
import { NotFoundPage } from './not-found-page'
import { DeskPage } from './surfaces/desk/desk-page'
import { KioskPage } from './surfaces/kiosk/kiosk-page'
import { AreaFormPage } from './surfaces/manager/area-form-page'
import { AreasPage } from './surfaces/manager/areas-page'
import { CentrePage } from './surfaces/manager/centre-page'
import { ClosuresPage } from './surfaces/manager/closures-page'
import { DesksPage } from './surfaces/manager/desks-page'
import { HoursPage } from './surfaces/manager/hours-page'
import { StaffPage } from './surfaces/manager/staff-page'
import { NetworkPage } from './surfaces/network/network-page'
import { PartnersPage } from './surfaces/partners/partners-page'
import { CentrePicker } from './surfaces/portal/centre-picker'
import { PortalHome } from './surfaces/portal/portal-home'
import { ReceptionPage } from './surfaces/reception/reception-page'
import { ScreenPage } from './surfaces/screen/screen-page'
import { LoginPage } from './surfaces/staff/login-page'
import { ResetPasswordPage } from './surfaces/staff/reset-password-page'
import { StaffHome } from './surfaces/staff/staff-home'

/** Every surface of the product, public first, then staff. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<CentrePicker />} />
      <Route path="/c/:centre" element={<PortalHome />} />
      <Route path="/c/:centre/kiosk" element={<KioskPage />} />
      <Route path="/c/:centre/screen" element={<ScreenPage />} />
      <Route path="/staff" element={<StaffHome />} />
      <Route path="/staff/login" element={<LoginPage />} />
      <Route path="/staff/reset-password" element={<ResetPasswordPage />} />
      <Route path="/staff/network" element={<NetworkPage />} />
      <Route path="/staff/c/:centre/reception" element={<ReceptionPage />} />
      <Route path="/staff/c/:centre/desk" element={<DeskPage />} />
      <Route path="/staff/c/:centre/partners" element={<PartnersPage />} />
      <Route path="/staff/c/:centre/manager" element={<Navigate to="areas" replace />} />
      <Route path="/staff/c/:centre/manager/areas" element={<AreasPage />} />
      <Route path="/staff/c/:centre/manager/areas/:area" element={<AreaFormPage />} />
      <Route path="/staff/c/:centre/manager/desks" element={<DesksPage />} />
      <Route path="/staff/c/:centre/manager/hours" element={<HoursPage />} />
      <Route path="/staff/c/:centre/manager/closures" element={<ClosuresPage />} />
      <Route path="/staff/c/:centre/manager/staff" element={<StaffPage />} />
      <Route path="/staff/c/:centre/manager/centre" element={<CentrePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
