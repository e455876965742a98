import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { useCentre } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { eventPath, useCancelEvent, useStaffEvents } from '../../features/events/api'
import { useEventLabels, useWhen } from '../../features/events/labels'
import { useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button, ButtonLink } from '../../ui/button'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { ManagerPage } from './manager-layout'

/**
 * The events to come (and those of the last week), soonest first: managers change any, partner
 * coordinators their partner's; everyone sees seats booked at a glance.
 */
export function EventsPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const centre = useCentre(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const labels = useEventLabels()
  const when = useWhen(centre.data?.timezone ?? 'Europe/Paris')
  const list = useStaffEvents(slug)
  const cancel = useCancelEvent(slug)
  const [cancelled, setCancelled] = useState<string | null>(null)

  return (
    <ManagerPage title={t('surface.events')} alsoFor={['partner_coordinator']}>
      <p className="muted">{t('events.manageIntro')}</p>
      <div className="cluster">
        <ButtonLink to="new">{t('events.add')}</ButtonLink>
        <ButtonLink variant="secondary" to={`/staff/c/${slug}/check-in`}>
          {t('surface.checkIn')}
        </ButtonLink>
      </div>
      {cancelled && <Alert tone="success">{t('events.cancelledNamed', { title: cancelled })}</Alert>}
      {cancel.isError && <ErrorMessage error={cancel.error} />}
      {list.isPending || centre.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : list.data.length === 0 ? (
        <EmptyState title={t('events.noneTitle')}>
          <p>{t('events.noneText')}</p>
        </EmptyState>
      ) : (
        <table className="table spaced">
          <caption className="visually-hidden">{t('surface.events')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('events.field.title')}</th>
              <th scope="col">{t('events.field.type')}</th>
              <th scope="col">{t('events.next')}</th>
              <th scope="col">{t('events.bookedSeats')}</th>
              <th scope="col">{t('manager.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((item) => {
              const title = text(item.title)
              return (
                <tr key={item.id}>
                  <td>
                    <Link to={eventPath(slug, item.id)}>{title}</Link>
                    {item.cancelled && <span className="tag">{t('events.cancelled')}</span>}
                  </td>
                  <td>{labels.type(item.type)}</td>
                  <td>
                    {item.nextStartsAt
                      ? `${when.shortDay(item.nextStartsAt)} ${when.time(item.nextStartsAt)}`
                      : '—'}
                    <br />
                    <span className="muted">{t('events.sessionCount', { count: item.sessions })}</span>
                  </td>
                  <td>{item.bookedSeats}</td>
                  <td>
                    <span className="cluster">
                      <ButtonLink
                        variant="secondary"
                        to={item.id}
                        aria-label={t(item.canEdit ? 'manager.editNamed' : 'events.viewNamed', {
                          name: title,
                        })}
                      >
                        {item.canEdit ? t('manager.edit') : t('events.view')}
                      </ButtonLink>
                      {item.canEdit && !item.cancelled && (
                        <Button
                          variant="danger"
                          aria-label={t('events.cancelNamed', { name: title })}
                          onPress={() => {
                            if (window.confirm(t('events.confirmCancel', { title })))
                              cancel.mutate(item.id, { onSuccess: () => setCancelled(title) })
                          }}
                        >
                          {t('events.cancelEvent')}
                        </Button>
                      )}
                    </span>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </ManagerPage>
  )
}
