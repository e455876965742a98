import { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { useParams, useSearchParams } from 'react-router'
import { audiences } from '../../../shared/schemas/resources'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useServices } from '../../features/directory/api'
import { SaveToNotebook } from '../../features/notebooks/save-to-notebook'
import { useResourceLabels } from '../../features/resources/labels'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Page } from '../../ui/page'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import './directory.css'

const ANY = 'any'
/** Waits this long after the last key before asking. */
const TYPING_PAUSE_MS = 250

/**
 * Where else to turn: the services of the referral directory, searched by words in any language and by
 * audience — what they do, for whom, where, when, and how to reach them.
 */
export function ServicesPage() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const intl = useIntl()
  const { locale } = useLocale()
  const labels = useResourceLabels()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const [params, setParams] = useSearchParams()
  const [typed, setTyped] = useState(params.get('q') ?? '')
  const audience = params.get('audience') ?? undefined
  useEffect(() => {
    if (typed === (params.get('q') ?? '')) return
    const timer = setTimeout(() => {
      const next = new URLSearchParams(params)
      if (typed.trim()) next.set('q', typed)
      else next.delete('q')
      setParams(next, { replace: true })
    }, TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [typed, params, setParams])
  const services = useServices(slug, { q: params.get('q') ?? '', ...(audience ? { audience } : {}) }, locale)

  return (
    <Page
      title={t('directory.title')}
      brand={home.data ? text(home.data.centre.name) : undefined}
      brandTo={`/c/${slug}`}
    >
      <p className="lead">{t('directory.intro')}</p>
      <search className="directory-search">
        <form onSubmit={(event) => event.preventDefault()} className="field-row">
          <TextField
            label={t('directory.searchLabel')}
            hint={t('directory.searchHint')}
            value={typed}
            onChange={setTyped}
            maxLength={200}
            autoComplete="off"
          />
          <SelectField
            label={t('directory.audience')}
            value={audience ?? ANY}
            onChange={(value) => {
              const next = new URLSearchParams(params)
              if (value === ANY) next.delete('audience')
              else next.set('audience', value)
              setParams(next, { replace: true })
            }}
            options={[
              { id: ANY, label: t('events.filter.anyAudience') },
              ...audiences.map((value) => ({ id: value, label: labels.audience(value) })),
            ]}
          />
        </form>
      </search>
      {services.isPending ? (
        <Loading />
      ) : services.isError ? (
        <ErrorMessage error={services.error} />
      ) : services.data.length === 0 ? (
        <EmptyState title={t('directory.emptyTitle')}>
          <p>{t('directory.emptyText')}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="services-count" aria-busy={services.isFetching}>
          <h2 id="services-count" aria-live="polite">
            {t('directory.count', { count: services.data.length })}
          </h2>
          <ul className="plain-list stack">
            {services.data.map((service) => (
              <li key={service.id} className="card directory-service">
                <h3>{service.name}</h3>
                <p className="directory-service__organisation">{service.organisation}</p>
                {service.description && <p>{service.description}</p>}
                <dl className="directory-service__facts">
                  {service.eligibility && (
                    <div>
                      <dt>{t('directory.eligibility')}</dt>
                      <dd>{service.eligibility}</dd>
                    </div>
                  )}
                  {service.address && (
                    <div>
                      <dt>{t('directory.address')}</dt>
                      <dd>
                        {service.address}
                        {service.mapUrl && (
                          <>
                            {' '}
                            <a href={service.mapUrl} rel="noopener noreferrer">
                              {t('directory.map')}
                            </a>
                          </>
                        )}
                      </dd>
                    </div>
                  )}
                  {service.openingHours && (
                    <div>
                      <dt>{t('directory.hours')}</dt>
                      <dd>{service.openingHours}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('directory.reach')}</dt>
                    <dd>
                      <ul className="plain-list">
                        {service.walkIn && <li>{t('directory.walkIn')}</li>}
                        {service.phone && (
                          <li>
                            <a href={`tel:${service.phone.replace(/[^+0-9]/g, '')}`}>{service.phone}</a>
                          </li>
                        )}
                        {service.website && (
                          <li>
                            <a href={service.website} rel="noopener noreferrer">
                              {service.website}
                            </a>
                          </li>
                        )}
                      </ul>
                    </dd>
                  </div>
                  {service.languages.length > 0 && (
                    <div>
                      <dt>{t('directory.languages')}</dt>
                      <dd>{service.languages.map(labels.language).join(', ')}</dd>
                    </div>
                  )}
                </dl>
                <p className="muted">
                  {t('directory.verified', {
                    date: intl.formatDate(new Date(`${service.lastVerified}T12:00:00Z`), {
                      dateStyle: 'long',
                      timeZone: 'UTC',
                    }),
                  })}
                </p>
                <SaveToNotebook
                  centre={slug}
                  item={{ kind: 'service', ref: service.id }}
                  label={service.name}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  )
}
