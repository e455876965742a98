import { Link } from 'react-router'
import { useCentres } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useT } from '../../i18n/i18n-provider'
import { ButtonLink } from '../../ui/button'
import { ComingSoon } from '../../ui/coming-soon'
import { ErrorMessage, Loading } from '../../ui/states'
import { StaffPage } from '../staff/staff-shell'
import { CreateCentreForm } from './create-centre-form'

export function NetworkPage() {
  const t = useT()
  const centres = useCentres()
  const text = useLocalized()
  return (
    <StaffPage title={t('surface.network')}>
      {(me) =>
        !me.isNetworkAdmin ? (
          <p>{t('error.forbidden')}</p>
        ) : (
          <div className="stack">
            <section className="card">
              <h2>{t('network.centres')}</h2>
              {centres.isPending ? (
                <Loading />
              ) : centres.isError ? (
                <ErrorMessage error={centres.error} />
              ) : (
                <ul>
                  {centres.data.map((centre) => (
                    <li key={centre.id}>
                      <Link to={`/staff/c/${centre.slug}/manager/areas`}>{text(centre.name)}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card">
              <h2>{t('statistics.network.title')}</h2>
              <p>{t('statistics.network.linkText')}</p>
              <ButtonLink to="/staff/network/statistics">{t('statistics.network.open')}</ButtonLink>
            </section>
            <CreateCentreForm />
            <ComingSoon what={t('comingSoon.network')} />
          </div>
        )
      }
    </StaffPage>
  )
}
