import { useIntl } from 'react-intl'
import { Link, useParams, useSearchParams } from 'react-router'
import {
  type KnowledgeQuery,
  type KnowledgeSummary,
  knowledgeKinds,
  knowledgeReaderRoles,
  knowledgeWriterRoles,
} from '../../../shared/schemas/knowledge'
import { useAreas } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useStaffServices } from '../../features/directory/api'
import { useNotes } from '../../features/knowledge/api'
import { useKnowledgeLabels } from '../../features/knowledge/labels'
import { useT } from '../../i18n/i18n-provider'
import { Button, ButtonLink } from '../../ui/button'
import { SearchBox, useTypedQuery } from '../../ui/search-box'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { hasCentreRole, StaffPage } from '../staff/staff-shell'
import './knowledge.css'

/**
 * The staff knowledge base: notes searched by words, narrowed by kind, tag, service or area (all kept in
 * the address, so a link from the directory opens "the notes about this service"), newest first.
 */
export function KnowledgePage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const { typed, setTyped, query } = useTypedQuery()
  const labels = useKnowledgeLabels()
  const text = useLocalized()
  const areas = useAreas(slug)
  const filter: KnowledgeQuery = {
    q: query.trim() || undefined,
    kind: knowledgeKinds.find((kind) => kind === params.get('kind')),
    tag: params.get('tag') ?? undefined,
    service: params.get('service') ?? undefined,
    area: params.get('area') ?? undefined,
  }
  const notes = useNotes(slug, filter)
  const services = useStaffServices(slug, {}, Boolean(filter.service))
  const service = services.data?.find((s) => s.id === filter.service)
  const area = areas.data?.find((a) => a.id === filter.area)
  const setParam = (key: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current)
      if (value) next.set(key, value)
      else next.delete(key)
      return next
    })

  return (
    <StaffPage title={t('knowledge.title')} roles={knowledgeReaderRoles}>
      {(me) => (
        <div className="stack">
          <div className="cluster knowledge-intro">
            <p className="muted">{t('knowledge.intro')}</p>
            {hasCentreRole(me, slug, knowledgeWriterRoles) && (
              <ButtonLink to={`/staff/c/${slug}/knowledge/new`}>{t('knowledge.write')}</ButtonLink>
            )}
          </div>
          <div className="cluster knowledge-tools">
            <SearchBox
              label={t('knowledge.searchLabel')}
              hint={t('knowledge.searchHint')}
              value={typed}
              onChange={setTyped}
            />
            <SelectField
              label={t('knowledge.kindFilter')}
              options={[
                { id: 'all', label: t('knowledge.allKinds') },
                ...knowledgeKinds.map((kind) => ({ id: kind, label: labels.kind(kind) })),
              ]}
              value={filter.kind ?? 'all'}
              onChange={(value) => setParam('kind', value === 'all' ? null : value)}
            />
          </div>
          <ActiveFilters
            filters={[
              filter.service && {
                key: 'service',
                label: t('knowledge.aboutService', { name: service ? text(service.name) : '…' }),
              },
              filter.area && {
                key: 'area',
                label: t('knowledge.aboutArea', { name: area ? text(area.name) : '…' }),
              },
              filter.tag && { key: 'tag', label: `#${filter.tag}` },
            ]}
            onClear={(key) => setParam(key, null)}
          />
          {notes.isPending ? (
            <Loading />
          ) : notes.isError ? (
            <ErrorMessage error={notes.error} />
          ) : (
            <div className="knowledge-layout">
              <section aria-labelledby="knowledge-results">
                <h2 id="knowledge-results" className="visually-hidden">
                  {t('knowledge.results')}
                </h2>
                <p role="status" className="muted">
                  {notes.data.items.length < notes.data.total
                    ? t('knowledge.someOf', { shown: notes.data.items.length, total: notes.data.total })
                    : t('knowledge.count', { count: notes.data.total })}
                </p>
                {notes.data.items.length === 0 ? (
                  <EmptyState title={filter.q ? t('knowledge.noMatchTitle') : t('knowledge.emptyTitle')}>
                    <p>{filter.q ? t('knowledge.noMatchText') : t('knowledge.emptyText')}</p>
                  </EmptyState>
                ) : (
                  <ul className="plain-list stack">
                    {notes.data.items.map((note) => (
                      <NoteCard key={note.id} slug={slug} note={note} />
                    ))}
                  </ul>
                )}
              </section>
              {notes.data.tags.length > 0 && (
                <nav aria-label={t('knowledge.tags')} className="knowledge-tags">
                  <h2>{t('knowledge.tags')}</h2>
                  <ul className="plain-list cluster">
                    {notes.data.tags.map(({ tag, count }) => (
                      <li key={tag}>
                        <Link
                          className="tag"
                          to={`?${new URLSearchParams({ ...Object.fromEntries(params), tag })}`}
                          aria-current={filter.tag === tag ? 'true' : undefined}
                        >
                          #{tag} <span className="muted">({count})</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
              )}
            </div>
          )}
        </div>
      )}
    </StaffPage>
  )
}

function NoteCard({ slug, note }: { slug: string; note: KnowledgeSummary }) {
  const t = useT()
  const intl = useIntl()
  const labels = useKnowledgeLabels()
  return (
    <li className="card note-card">
      <p className="note-card__kind">
        <span className={`tag tag--${note.kind}`}>{labels.kind(note.kind)}</span>
      </p>
      <h3>
        <Link to={`/staff/c/${slug}/knowledge/${note.id}`}>{note.title}</Link>
      </h3>
      <p>{note.excerpt}</p>
      {note.tags.length > 0 && (
        <p className="cluster note-card__tags">
          {note.tags.map((tag) => (
            <span key={tag} className="muted">
              #{tag}
            </span>
          ))}
        </p>
      )}
      <p className="muted note-card__meta">
        {t('knowledge.changedBy', {
          name: note.editor?.name ?? t('knowledge.formerStaff'),
          date: intl.formatDate(note.updatedAt, { dateStyle: 'medium' }),
        })}
      </p>
    </li>
  )
}

/** The filters in force, each with a way to drop it. */
function ActiveFilters({
  filters,
  onClear,
}: {
  filters: (false | undefined | '' | { key: string; label: string })[]
  onClear: (key: string) => void
}) {
  const t = useT()
  const active = filters.filter((f): f is { key: string; label: string } => Boolean(f))
  if (active.length === 0) return null
  return (
    <ul className="cluster plain-list" aria-label={t('knowledge.activeFilters')}>
      {active.map(({ key, label }) => (
        <li key={key} className="cluster">
          <span className="tag">{label}</span>
          <Button
            variant="quiet"
            aria-label={t('knowledge.clearNamed', { name: label })}
            onPress={() => onClear(key)}
          >
            {t('knowledge.clearFilter')}
          </Button>
        </li>
      ))}
    </ul>
  )
}
