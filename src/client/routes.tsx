import { lazy, Suspense } from 'react'
import { Navigate, Route, Routes } from 'react-router'
import { NotFoundPage } from './not-found-page'
import { CentrePicker } from './surfaces/portal/centre-picker'
import { PortalHome } from './surfaces/portal/portal-home'
import { Loading } from './ui/states'

// Staff surfaces and placeholders load on demand: a visitor's phone downloads only the portal.
const OccupationSearchPage = lazy(() =>
  import('./surfaces/occupations/occupation-search-page').then((m) => ({ default: m.OccupationSearchPage })),
)
const OccupationPage = lazy(() =>
  import('./surfaces/occupations/occupation-page').then((m) => ({ default: m.OccupationPage })),
)
const InterestsPage = lazy(() =>
  import('./surfaces/interests/interests-page').then((m) => ({ default: m.InterestsPage })),
)
const GuidePage = lazy(() => import('./surfaces/guide/guide-page').then((m) => ({ default: m.GuidePage })))
const SearchPage = lazy(() =>
  import('./surfaces/search/search-page').then((m) => ({ default: m.SearchPage })),
)
const DeskPage = lazy(() => import('./surfaces/desk/desk-page').then((m) => ({ default: m.DeskPage })))
const KioskPage = lazy(() => import('./surfaces/kiosk/kiosk-page').then((m) => ({ default: m.KioskPage })))
const AreaFormPage = lazy(() =>
  import('./surfaces/manager/area-form-page').then((m) => ({ default: m.AreaFormPage })),
)
const AreasPage = lazy(() => import('./surfaces/manager/areas-page').then((m) => ({ default: m.AreasPage })))
const CentrePage = lazy(() =>
  import('./surfaces/manager/centre-page').then((m) => ({ default: m.CentrePage })),
)
const ClosuresPage = lazy(() =>
  import('./surfaces/manager/closures-page').then((m) => ({ default: m.ClosuresPage })),
)
const DesksPage = lazy(() => import('./surfaces/manager/desks-page').then((m) => ({ default: m.DesksPage })))
const HoursPage = lazy(() => import('./surfaces/manager/hours-page').then((m) => ({ default: m.HoursPage })))
const StaffPage = lazy(() => import('./surfaces/manager/staff-page').then((m) => ({ default: m.StaffPage })))
const NetworkPage = lazy(() =>
  import('./surfaces/network/network-page').then((m) => ({ default: m.NetworkPage })),
)
const PartnersPage = lazy(() =>
  import('./surfaces/partners/partners-page').then((m) => ({ default: m.PartnersPage })),
)
const ReceptionPage = lazy(() =>
  import('./surfaces/reception/reception-page').then((m) => ({ default: m.ReceptionPage })),
)
const ScreenPage = lazy(() =>
  import('./surfaces/screen/screen-page').then((m) => ({ default: m.ScreenPage })),
)
const LoginPage = lazy(() => import('./surfaces/staff/login-page').then((m) => ({ default: m.LoginPage })))
const ResetPasswordPage = lazy(() =>
  import('./surfaces/staff/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })),
)
const StaffHome = lazy(() => import('./surfaces/staff/staff-home').then((m) => ({ default: m.StaffHome })))
const TicketPage = lazy(() =>
  import('./surfaces/ticket/ticket-page').then((m) => ({ default: m.TicketPage })),
)
const TrainingSearchPage = lazy(() =>
  import('./surfaces/trainings/training-search-page').then((m) => ({ default: m.TrainingSearchPage })),
)
const TrainingPage = lazy(() =>
  import('./surfaces/trainings/training-page').then((m) => ({ default: m.TrainingPage })),
)
const OwnTrainingsPage = lazy(() =>
  import('./surfaces/manager/trainings-page').then((m) => ({ default: m.OwnTrainingsPage })),
)
const TrainingFormPage = lazy(() =>
  import('./surfaces/manager/training-form-page').then((m) => ({ default: m.TrainingFormPage })),
)
const ResourcesPage = lazy(() =>
  import('./surfaces/resources/resources-page').then((m) => ({ default: m.ResourcesPage })),
)
const ResourcePage = lazy(() =>
  import('./surfaces/resources/resource-page').then((m) => ({ default: m.ResourcePage })),
)
const CataloguePage = lazy(() =>
  import('./surfaces/manager/catalogue-page').then((m) => ({ default: m.CataloguePage })),
)
const ResourceFormPage = lazy(() =>
  import('./surfaces/manager/resource-form-page').then((m) => ({ default: m.ResourceFormPage })),
)
const ResourceThemesPage = lazy(() =>
  import('./surfaces/manager/resource-themes-page').then((m) => ({ default: m.ResourceThemesPage })),
)
const CatalogueImportPage = lazy(() =>
  import('./surfaces/manager/catalogue-import-page').then((m) => ({ default: m.CatalogueImportPage })),
)

const ProgrammePage = lazy(() =>
  import('./surfaces/events/programme-page').then((m) => ({ default: m.ProgrammePage })),
)
const EventPage = lazy(() => import('./surfaces/events/event-page').then((m) => ({ default: m.EventPage })))
const WeekPage = lazy(() => import('./surfaces/events/week-page').then((m) => ({ default: m.WeekPage })))
const BookingPage = lazy(() =>
  import('./surfaces/events/booking-page').then((m) => ({ default: m.BookingPage })),
)
const NotebookPage = lazy(() =>
  import('./surfaces/notebook/notebook-page').then((m) => ({ default: m.NotebookPage })),
)
const OpenNotebookPage = lazy(() =>
  import('./surfaces/notebook/open-notebook-page').then((m) => ({ default: m.OpenNotebookPage })),
)
const AskQuestionPage = lazy(() =>
  import('./surfaces/questions/ask-page').then((m) => ({ default: m.AskQuestionPage })),
)
const QuestionPage = lazy(() =>
  import('./surfaces/questions/question-page').then((m) => ({ default: m.QuestionPage })),
)
const QuestionQueuePage = lazy(() =>
  import('./surfaces/questions/queue-page').then((m) => ({ default: m.QueuePage })),
)
const StaffQuestionPage = lazy(() =>
  import('./surfaces/questions/staff-question-page').then((m) => ({ default: m.StaffQuestionPage })),
)
const CheckInPage = lazy(() =>
  import('./surfaces/events/check-in-page').then((m) => ({ default: m.CheckInPage })),
)
const AlliancePage = lazy(() =>
  import('./surfaces/partners/alliance-page').then((m) => ({ default: m.AlliancePage })),
)
const PartnerFormPage = lazy(() =>
  import('./surfaces/partners/partner-form-page').then((m) => ({ default: m.PartnerFormPage })),
)
const RotaPage = lazy(() => import('./surfaces/rota/rota-page').then((m) => ({ default: m.RotaPage })))
const AdviceWeekPage = lazy(() =>
  import('./surfaces/rota/advice-week-page').then((m) => ({ default: m.AdviceWeekPage })),
)
const ServicesPage = lazy(() =>
  import('./surfaces/directory/services-page').then((m) => ({ default: m.ServicesPage })),
)
const KnowledgePage = lazy(() =>
  import('./surfaces/knowledge/knowledge-page').then((m) => ({ default: m.KnowledgePage })),
)
const NotePage = lazy(() => import('./surfaces/knowledge/note-page').then((m) => ({ default: m.NotePage })))
const NoteFormPage = lazy(() =>
  import('./surfaces/knowledge/note-form-page').then((m) => ({ default: m.NoteFormPage })),
)
const NoteHistoryPage = lazy(() =>
  import('./surfaces/knowledge/note-history-page').then((m) => ({ default: m.NoteHistoryPage })),
)
const InterviewThemesPage = lazy(() =>
  import('./surfaces/manager/interview-themes-page').then((m) => ({ default: m.InterviewThemesPage })),
)
const AuditPage = lazy(() => import('./surfaces/manager/audit-page').then((m) => ({ default: m.AuditPage })))
const GuideSettingsPage = lazy(() =>
  import('./surfaces/manager/guide-settings-page').then((m) => ({ default: m.GuideSettingsPage })),
)
const StaffDirectoryPage = lazy(() =>
  import('./surfaces/directory/staff-directory-page').then((m) => ({ default: m.StaffDirectoryPage })),
)
const EventsPage = lazy(() =>
  import('./surfaces/manager/events-page').then((m) => ({ default: m.EventsPage })),
)
const EventFormPage = lazy(() =>
  import('./surfaces/manager/event-form-page').then((m) => ({ default: m.EventFormPage })),
)
const StatisticsPage = lazy(() =>
  import('./surfaces/statistics/statistics-page').then((m) => ({ default: m.StatisticsPage })),
)
const StatisticsReportPage = lazy(() =>
  import('./surfaces/statistics/report-page').then((m) => ({ default: m.ReportPage })),
)
const NetworkStatisticsPage = lazy(() =>
  import('./surfaces/statistics/network-statistics-page').then((m) => ({ default: m.NetworkStatisticsPage })),
)

/** Every surface of the product, public first, then staff. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/" element={<CentrePicker />} />
        <Route path="/c/:centre" element={<PortalHome />} />
        <Route path="/c/:centre/start" element={<GuidePage />} />
        <Route path="/c/:centre/search" element={<SearchPage />} />
        <Route path="/c/:centre/resources" element={<ResourcesPage />} />
        <Route path="/c/:centre/resources/:id" element={<ResourcePage />} />
        <Route path="/c/:centre/occupations" element={<OccupationSearchPage />} />
        <Route path="/c/:centre/occupations/:taxonomy/:code" element={<OccupationPage />} />
        <Route path="/c/:centre/interests" element={<InterestsPage />} />
        <Route path="/c/:centre/kiosk" element={<KioskPage />} />
        <Route path="/c/:centre/screen" element={<ScreenPage />} />
        <Route path="/c/:centre/trainings" element={<TrainingSearchPage />} />
        <Route path="/c/:centre/trainings/:id" element={<TrainingPage />} />
        <Route path="/c/:centre/partners" element={<AlliancePage />} />
        <Route path="/c/:centre/advice" element={<AdviceWeekPage />} />
        <Route path="/c/:centre/services" element={<ServicesPage />} />
        <Route path="/c/:centre/events" element={<ProgrammePage />} />
        <Route path="/c/:centre/events/week" element={<WeekPage />} />
        <Route path="/c/:centre/events/:id" element={<EventPage />} />
        <Route path="/c/:centre/notebook" element={<OpenNotebookPage />} />
        <Route path="/c/:centre/ask" element={<AskQuestionPage />} />
        <Route path="/t/:token" element={<TicketPage />} />
        <Route path="/b/:code" element={<BookingPage />} />
        <Route path="/q/:code" element={<QuestionPage />} />
        <Route path="/n/:code" element={<NotebookPage />} />
        <Route path="/staff" element={<StaffHome />} />
        <Route path="/staff/login" element={<LoginPage />} />
        <Route path="/staff/reset-password" element={<ResetPasswordPage />} />
        <Route path="/staff/network" element={<NetworkPage />} />
        <Route path="/staff/network/statistics" element={<NetworkStatisticsPage />} />
        <Route path="/staff/c/:centre/reception" element={<ReceptionPage />} />
        <Route path="/staff/c/:centre/desk" element={<DeskPage />} />
        <Route path="/staff/c/:centre/partners" element={<PartnersPage />} />
        <Route path="/staff/c/:centre/partners/:id" element={<PartnerFormPage />} />
        <Route path="/staff/c/:centre/check-in" element={<CheckInPage />} />
        <Route path="/staff/c/:centre/questions" element={<QuestionQueuePage />} />
        <Route path="/staff/c/:centre/questions/:id" element={<StaffQuestionPage />} />
        <Route path="/staff/c/:centre/rota" element={<RotaPage />} />
        <Route path="/staff/c/:centre/directory" element={<StaffDirectoryPage />} />
        <Route path="/staff/c/:centre/knowledge" element={<KnowledgePage />} />
        <Route path="/staff/c/:centre/knowledge/new" element={<NoteFormPage />} />
        <Route path="/staff/c/:centre/knowledge/:id" element={<NotePage />} />
        <Route path="/staff/c/:centre/knowledge/:id/edit" element={<NoteFormPage />} />
        <Route path="/staff/c/:centre/knowledge/:id/history" element={<NoteHistoryPage />} />
        <Route path="/staff/c/:centre/statistics" element={<StatisticsPage />} />
        <Route path="/staff/c/:centre/statistics/report" element={<StatisticsReportPage />} />
        <Route path="/staff/c/:centre/manager" element={<Navigate to="areas" replace />} />
        <Route path="/staff/c/:centre/manager/areas" element={<AreasPage />} />
        <Route path="/staff/c/:centre/manager/areas/:area" element={<AreaFormPage />} />
        <Route path="/staff/c/:centre/manager/desks" element={<DesksPage />} />
        <Route path="/staff/c/:centre/manager/hours" element={<HoursPage />} />
        <Route path="/staff/c/:centre/manager/closures" element={<ClosuresPage />} />
        <Route path="/staff/c/:centre/manager/staff" element={<StaffPage />} />
        <Route path="/staff/c/:centre/manager/centre" element={<CentrePage />} />
        <Route path="/staff/c/:centre/manager/resources" element={<CataloguePage />} />
        <Route path="/staff/c/:centre/manager/resources/:id" element={<ResourceFormPage />} />
        <Route path="/staff/c/:centre/manager/resource-themes" element={<ResourceThemesPage />} />
        <Route path="/staff/c/:centre/manager/resources-import" element={<CatalogueImportPage />} />
        <Route path="/staff/c/:centre/manager/trainings" element={<OwnTrainingsPage />} />
        <Route path="/staff/c/:centre/manager/trainings/:id" element={<TrainingFormPage />} />
        <Route path="/staff/c/:centre/manager/events" element={<EventsPage />} />
        <Route path="/staff/c/:centre/manager/interview-themes" element={<InterviewThemesPage />} />
        <Route path="/staff/c/:centre/manager/guide" element={<GuideSettingsPage />} />
        <Route path="/staff/c/:centre/manager/audit" element={<AuditPage />} />
        <Route path="/staff/c/:centre/manager/events/:id" element={<EventFormPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  )
}
