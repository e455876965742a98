import { useIntl } from 'react-intl'
import { useParams, useSearchParams } from 'react-router'
import { type AuditEntity, auditEntities } from '../../../shared/schemas/audit'
import { type AuditFilters, useAuditLog } from '../../features/audit/api'
import { useAuditLabels } from '../../features/audit/labels'
import { useCentre } from '../../features/centres/api'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import './audit.css'
import { ManagerPage } from './manager-layout'

const ANY = '*'
const isEntity = (value: string | null): value is AuditEntity =>
  (auditEntities as readonly string[]).includes(value ?? '')

/**
 * The change log: who changed what and when in the centre, newest first, narrowed by period and kind of
 * thing. It names staff (they are not visitors) and never shows what was written.
 */
export function AuditPage() {
  const t = useT()
  // The log is read inside the manager frame: someone else sees the refusal, and nothing is asked for.
  return (
    <ManagerPage title={t('audit.title')}>
      <AuditLog />
    </ManagerPage>
  )
}

function AuditLog() {
  const t = useT()
  const intl = useIntl()
  const { centre: slug = '' } = useParams()
  const centre = useCentre(slug)
  const labels = useAuditLabels()
  const [params, setParams] = useSearchParams()
  const entity = params.get('entity')
  const filters: AuditFilters = {
    ...(params.get('from') ? { from: params.get('from') ?? '' } : {}),
    ...(params.get('to') ? { to: params.get('to') ?? '' } : {}),
    ...(isEntity(entity) ? { entity } : {}),
  }
  const filtered = Object.keys(filters).length > 0
  const setFilter = (key: keyof AuditFilters, value: string) => {
    const next = new URLSearchParams(params)
    if (value && value !== ANY) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }
  const log = useAuditLog(slug, filters)
  const items = log.data?.pages.flatMap((page) => page.items) ?? []
  const timeZone = centre.data?.timezone
  const when = (iso: string) =>
    intl.formatDate(new Date(iso), {
      ...(timeZone ? { timeZone } : {}),
      dateStyle: 'medium',
      timeStyle: 'short',
    })
  const entityOptions = auditEntities
    .map((id) => ({ id, label: labels.entity(id) }))
    .sort((a, b) => a.label.localeCompare(b.label, intl.locale))

  return (
    <>
      <p className="muted">{t('audit.intro')}</p>
      <search className="card spaced audit-filters" aria-label={t('audit.filters')}>
        <form onSubmit={(event) => event.preventDefault()} className="field-row">
          <TextField
            label={t('audit.from')}
            type="date"
            value={filters.from ?? ''}
            onChange={(value) => setFilter('from', value)}
          />
          <TextField
            label={t('audit.to')}
            type="date"
            value={filters.to ?? ''}
            onChange={(value) => setFilter('to', value)}
          />
          <SelectField
            label={t('audit.entity')}
            value={filters.entity ?? ANY}
            onChange={(value) => setFilter('entity', value)}
            options={[{ id: ANY, label: t('audit.anyEntity') }, ...entityOptions]}
          />
          {filtered && (
            <Button variant="secondary" onPress={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('audit.clearFilters')}
            </Button>
          )}
        </form>
      </search>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <ErrorMessage error={log.error} />
      ) : items.length === 0 ? (
        <EmptyState title={filtered ? t('audit.noMatchTitle') : t('audit.emptyTitle')}>
          <p>{filtered ? t('audit.noMatchText') : t('audit.emptyText')}</p>
        </EmptyState>
      ) : (
        <>
          <table className="table spaced">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{when(entry.at)}</time>
                  </td>
                  <td>{entry.actor ?? <span className="muted">{t('audit.system')}</span>}</td>
                  <td>{labels.action(entry.action)}</td>
                  <td>{labels.entity(entry.entity)}</td>
                  <td>{entry.entityId && <code className="audit-reference">{entry.entityId}</code>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {log.hasNextPage && (
            <Button
              variant="secondary"
              onPress={() => log.fetchNextPage()}
              isDisabled={log.isFetchingNextPage}
            >
              {t('audit.showMore')}
            </Button>
          )}
        </>
      )}
    </>
  )
}
