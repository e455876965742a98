import { Navigate } from 'react-router'
import { useCentres } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useT } from '../../i18n/i18n-provider'
import { ButtonLink } from '../../ui/button'
import { Page } from '../../ui/page'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'

/** A deployment running one centre goes straight to it; a network lists its centres alphabetically. */
export function CentrePicker() {
  const t = useT()
  const centres = useCentres()
  const text = useLocalized()
  if (centres.isPending)
    return (
      <Page title={t('app.name')}>
        <Loading />
      </Page>
    )
  if (centres.isError)
    return (
      <Page title={t('app.name')}>
        <ErrorMessage error={centres.error} />
      </Page>
    )
  const [only] = centres.data
  if (centres.data.length === 1 && only) return <Navigate to={`/c/${only.slug}`} replace />
  return (
    <Page title={t('portal.chooseCentre')}>
      {centres.data.length === 0 ? (
        <EmptyState title={t('portal.noCentresTitle')}>
          <p>{t('portal.noCentresText')}</p>
          <ButtonLink to="/staff/login">{t('auth.signIn')}</ButtonLink>
        </EmptyState>
      ) : (
        <ul className="grid plain-list">
          {centres.data.map((centre) => (
            <li key={centre.id} className="card">
              <h2>{text(centre.name)}</h2>
              <p className="muted">{centre.address}</p>
              <ButtonLink to={`/c/${centre.slug}`}>{t('portal.enter')}</ButtonLink>
            </li>
          ))}
        </ul>
      )}
    </Page>
  )
}
