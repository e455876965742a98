import { useState } from 'react'
import { useParams } from 'react-router'
import { useAreas, useCentre, useDeleteArea } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button, ButtonLink } from '../../ui/button'
import { Pictogram } from '../../ui/pictogram'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { ManagerPage } from './manager-layout'

export function AreasPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const remove = useDeleteArea(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const [removed, setRemoved] = useState<string | null>(null)

  return (
    <ManagerPage title={t('manager.areas')}>
      <p className="muted">{t('manager.areasIntro')}</p>
      <div className="cluster">
        <ButtonLink to="new">{t('manager.addArea')}</ButtonLink>
      </div>
      {removed && <Alert tone="success">{t('manager.areaRemoved', { name: removed })}</Alert>}
      {remove.isError && <ErrorMessage error={remove.error} />}
      {areas.isPending ? (
        <Loading />
      ) : areas.isError ? (
        <ErrorMessage error={areas.error} />
      ) : areas.data.length === 0 ? (
        <EmptyState title={t('manager.noAreasTitle')}>
          <p>{t('manager.noAreasText')}</p>
        </EmptyState>
      ) : (
        <table className="table spaced">
          <caption className="visually-hidden">{t('manager.areas')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('manager.ticketLetter')}</th>
              <th scope="col">{t('manager.name')}</th>
              <th scope="col">{t('manager.slug')}</th>
              <th scope="col">{t('manager.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {areas.data.map((area) => (
              <tr key={area.id}>
                <td>
                  <strong>{area.ticketLetter}</strong>
                </td>
                <td>
                  <span className="cluster">
                    <span className="swatch" style={{ background: area.colour }} aria-hidden="true" />
                    <span className="concern__icon concern__icon--small" style={{ background: area.colour }}>
                      <Pictogram name={area.pictogram} />
                    </span>
                    {text(area.name)}
                  </span>
                </td>
                <td>
                  <code>{area.slug}</code>
                </td>
                <td>
                  <span className="cluster">
                    <ButtonLink
                      variant="secondary"
                      to={area.id}
                      aria-label={t('manager.editNamed', { name: text(area.name) })}
                    >
                      {t('manager.edit')}
                    </ButtonLink>
                    <Button
                      variant="danger"
                      aria-label={t('manager.removeNamed', { name: text(area.name) })}
                      onPress={() => {
                        if (window.confirm(t('manager.confirmRemoveArea', { name: text(area.name) })))
                          remove.mutate(area.id, { onSuccess: () => setRemoved(text(area.name)) })
                      }}
                    >
                      {t('manager.remove')}
                    </Button>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ManagerPage>
  )
}
