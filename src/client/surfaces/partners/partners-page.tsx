import { useEffect, useState } from 'react'
import { Link, useParams } from 'react-router'
import { type PartnerSettings, partnerOrders } from '../../../shared/schemas/partners'
import { usePartners } from '../../features/events/api'
import { usePartnerSettings, useSavePartnerSettings } from '../../features/partners/api'
import { useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button, ButtonLink } from '../../ui/button'
import { Checkbox } from '../../ui/checkbox'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { hasCentreRole, StaffPage } from '../staff/staff-shell'
import './partners.css'

/**
 * The centre's alliance for its staff: every partner (a coordinator opens their own to change it and
 * invite counsellors), and for managers, adding partners and choosing how visitors see them.
 */
export function PartnersPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const partners = usePartners(slug)
  return (
    <StaffPage title={t('surface.partners')} roles={['partner_coordinator', 'manager']}>
      {(me) => {
        const isManager = hasCentreRole(me, slug, ['manager'])
        return (
          <div className="stack">
            <p className="muted">{t('partners.staffIntro')}</p>
            <div className="cluster">
              {isManager && <ButtonLink to="new">{t('partners.add')}</ButtonLink>}
              <ButtonLink variant="secondary" to={`/c/${slug}/partners`}>
                {t('partners.seePublic')}
              </ButtonLink>
            </div>
            {partners.isPending ? (
              <Loading />
            ) : partners.isError ? (
              <ErrorMessage error={partners.error} />
            ) : partners.data.length === 0 ? (
              <EmptyState title={t('partners.noneTitle')}>
                <p>{t('partners.noneStaffText')}</p>
              </EmptyState>
            ) : (
              <ul className="plain-list partner-cards">
                {partners.data.map((partner) => (
                  <li key={partner.id} className="card">
                    <Link to={partner.id}>{partner.name}</Link>
                  </li>
                ))}
              </ul>
            )}
            {isManager && <Settings slug={slug} />}
          </div>
        )
      }}
    </StaffPage>
  )
}

/** How visitors see the alliance: the order of its cards, and whether the rota names partners. */
function Settings({ slug }: { slug: string }) {
  const t = useT()
  const current = usePartnerSettings(slug)
  const save = useSavePartnerSettings(slug)
  const [draft, setDraft] = useState<PartnerSettings | null>(null)
  useEffect(() => {
    if (current.data) setDraft(current.data)
  }, [current.data])
  if (!draft) return current.isError ? <ErrorMessage error={current.error} /> : null
  return (
    <section className="card stack" aria-labelledby="partner-settings">
      <h2 id="partner-settings">{t('partners.settings')}</h2>
      {save.isSuccess && <Alert tone="success">{t('partners.settingsSaved')}</Alert>}
      {save.isError && <ErrorMessage error={save.error} />}
      <div className="partner-settings">
        <SelectField
          label={t('partners.order')}
          value={draft.partnerOrder}
          onChange={(v) => setDraft({ ...draft, partnerOrder: v as PartnerSettings['partnerOrder'] })}
          options={partnerOrders.map((order) => ({ id: order, label: t(`partners.order.${order}`) }))}
        />
        <div className="field">
          <Checkbox
            isSelected={draft.showPartnerOnRota}
            onChange={(v) => setDraft({ ...draft, showPartnerOnRota: v })}
          >
            {t('partners.showOnRota')}
          </Checkbox>
        </div>
        <Button isDisabled={save.isPending} onPress={() => save.mutate(draft)}>
          {t('manager.save')}
        </Button>
      </div>
    </section>
  )
}
