import { useState } from 'react'
import { useParams } from 'react-router'
import { type TrainingFilters, useDeleteTraining, useTrainingSearch } from '../../features/trainings/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button, ButtonLink } from '../../ui/button'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { ManagerPage } from './manager-layout'

const own: TrainingFilters = { q: '', domain: [], source: 'centre' }

/** The courses the centre offers itself, beside ONISEP's: its managers and partner coordinators keep them. */
export function OwnTrainingsPage() {
  const t = useT()
  const { locale } = useLocale()
  const { centre: slug = '' } = useParams()
  const list = useTrainingSearch(slug, own, locale)
  const remove = useDeleteTraining(slug)
  const [removed, setRemoved] = useState<string | null>(null)
  const items = list.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <ManagerPage title={t('manager.trainings')} alsoFor={['partner_coordinator']}>
      <p className="muted">{t('trainings.manageIntro')}</p>
      <div className="cluster">
        <ButtonLink to="new">{t('trainings.add')}</ButtonLink>
      </div>
      {removed && <Alert tone="success">{t('trainings.removed', { title: removed })}</Alert>}
      {remove.isError && <ErrorMessage error={remove.error} />}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState title={t('trainings.noOwnTitle')}>
          <p>{t('trainings.noOwnText')}</p>
        </EmptyState>
      ) : (
        <table className="table spaced">
          <caption className="visually-hidden">{t('manager.trainings')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trainings.title')}</th>
              <th scope="col">{t('trainings.code')}</th>
              <th scope="col">{t('trainings.place')}</th>
              <th scope="col">{t('manager.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.title}</td>
                <td>
                  <code>{item.code}</code>
                </td>
                <td>{item.place}</td>
                <td>
                  <span className="cluster">
                    <ButtonLink
                      variant="secondary"
                      to={item.id}
                      aria-label={t('manager.editNamed', { name: item.title })}
                    >
                      {t('manager.edit')}
                    </ButtonLink>
                    <Button
                      variant="danger"
                      aria-label={t('manager.removeNamed', { name: item.title })}
                      onPress={() => {
                        if (window.confirm(t('trainings.confirmRemove', { title: item.title })))
                          remove.mutate(item.id, { onSuccess: () => setRemoved(item.title) })
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
      {list.hasNextPage && (
        <Button variant="secondary" onPress={() => list.fetchNextPage()}>
          {t('trainings.more')}
        </Button>
      )}
    </ManagerPage>
  )
}
