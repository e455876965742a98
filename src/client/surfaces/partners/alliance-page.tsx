import { useParams } from 'react-router'
import type { MessageKey } from '../../../shared/i18n/messages'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { usePublicPartners } from '../../features/partners/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { hostOf } from '../../lib/host'
import { Page } from '../../ui/page'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import './partners.css'

/**
 * The institutions behind the centre, for visitors: one card each, all alike — no logo, no ranking —
 * in the order the centre chose (alphabetical, or a new order every day).
 */
export function AlliancePage() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const { locale } = useLocale()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const partners = usePublicPartners(slug, locale)
  return (
    <Page
      title={t('partners.publicTitle')}
      brand={home.data ? text(home.data.centre.name) : undefined}
      brandTo={`/c/${slug}`}
    >
      <p className="lead">{t('partners.publicIntro')}</p>
      {partners.isPending ? (
        <Loading />
      ) : partners.isError ? (
        <ErrorMessage error={partners.error} />
      ) : partners.data.length === 0 ? (
        <EmptyState title={t('partners.noneTitle')}>
          <p>{t('partners.noneText')}</p>
        </EmptyState>
      ) : (
        <ul className="plain-list partner-cards">
          {partners.data.map((partner) => (
            <li key={partner.id} className="card partner-card">
              <h2 className="partner-card__name">{partner.name}</h2>
              <p className="partner-card__type">{t(`partners.type.${partner.type}` as MessageKey)}</p>
              {partner.description && <p>{partner.description}</p>}
              {partner.areas.length > 0 && (
                <ul className="plain-list area-tags" aria-label={t('partners.field.areas')}>
                  {partner.areas.map((area) => (
                    <li
                      key={area.slug}
                      className="area-tag"
                      style={{ ['--area-colour' as string]: area.colour }}
                    >
                      {text(area.name)}
                    </li>
                  ))}
                </ul>
              )}
              {partner.website && (
                <p>
                  <a href={partner.website} rel="noopener noreferrer">
                    {t('partners.website', { host: hostOf(partner.website) })}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  )
}
