import { useIntl } from 'react-intl'
import { Link, useParams, useSearchParams } from 'react-router'
import { questionStatuses } from '../../../shared/schemas/questions'
import { useAreas, useCentre } from '../../features/centres/api'
import { languageName } from '../../features/centres/localized-fields'
import { useLocalized } from '../../features/centres/use-localized'
import { questionAnswererRoles, useQuestionQueue } from '../../features/questions/api'
import { staffQuestionsPath } from '../../features/questions/code'
import { useT } from '../../i18n/i18n-provider'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { StaffPage } from '../staff/staff-shell'
import './questions.css'

const ALL = 'all'

/**
 * The questions asked online, the longest waiting first, per area and status (kept in the address),
 * refreshed every 30 seconds; those past their two working days are flagged.
 */
export function QueuePage() {
  const t = useT()
  return (
    <StaffPage title={t('questions.staff.title')} roles={questionAnswererRoles}>
      {() => <Queue />}
    </StaffPage>
  )
}

function Queue() {
  const t = useT()
  const intl = useIntl()
  const text = useLocalized()
  const { centre: slug = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const status = questionStatuses.find((s) => s === params.get('status')) ?? 'waiting'
  const area = params.get('area') ?? undefined
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const queue = useQuestionQueue(slug, { status, area })
  const timeZone = centre.data?.timezone ?? 'Europe/Paris'
  const setParam = (key: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current)
      if (value) next.set(key, value)
      else next.delete(key)
      return next
    })
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone })

  return (
    <div className="stack">
      <p className="muted">{t('questions.staff.intro')}</p>
      <div className="cluster questions-filters">
        <SelectField
          label={t('questions.staff.areaFilter')}
          value={area ?? ALL}
          onChange={(value) => setParam('area', value === ALL ? null : value)}
          options={[
            { id: ALL, label: t('questions.staff.allAreas') },
            ...(areas.data ?? []).map((a) => ({ id: a.slug, label: text(a.name) })),
          ]}
        />
        <SelectField
          label={t('questions.staff.statusFilter')}
          value={status}
          onChange={(value) => setParam('status', value === 'waiting' ? null : value)}
          options={questionStatuses.map((s) => ({ id: s, label: t(`questions.status.${s}`) }))}
        />
      </div>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorMessage error={queue.error} />
      ) : (
        <section aria-labelledby="questions-queue-title">
          <h2 id="questions-queue-title" aria-live="polite">
            {t('questions.staff.count', { count: queue.data.length })}
          </h2>
          {queue.data.length === 0 ? (
            <EmptyState title={t('questions.staff.emptyTitle')}>
              <p>{t('questions.staff.emptyText')}</p>
            </EmptyState>
          ) : (
            <ol className="plain-list stack questions-queue">
              {queue.data.map((item) => (
                <li
                  key={item.id}
                  className="card questions-queue__item"
                  data-overdue={item.overdue || undefined}
                >
                  <p className="questions-queue__preview">
                    <Link to={staffQuestionsPath(slug, item.id)}>
                      {item.preview || t('questions.staff.hiddenPreview')}
                    </Link>
                  </p>
                  <p className="cluster questions-queue__meta">
                    {item.overdue && (
                      <span className="questions-overdue">{t('questions.staff.overdue')}</span>
                    )}
                    <span className="questions-queue__area">
                      {item.area ? text(item.area.name) : t('questions.staff.noArea')}
                    </span>
                    <span>{languageName(item.language, intl.locale)}</span>
                    <span>{t('questions.staff.askedAt', { date: when(item.askedAt) })}</span>
                    {item.status === 'waiting' && (
                      <span>{t('questions.staff.due', { date: when(item.answerBy) })}</span>
                    )}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  )
}
