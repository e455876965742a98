import { useIntl } from 'react-intl'
import { Link, useNavigate, useParams } from 'react-router'
import { knowledgeReaderRoles, knowledgeWriterRoles } from '../../../shared/schemas/knowledge'
import { useDeleteNote, useNote } from '../../features/knowledge/api'
import { useKnowledgeLabels } from '../../features/knowledge/labels'
import { useT } from '../../i18n/i18n-provider'
import { Button, ButtonLink } from '../../ui/button'
import { MarkdownText } from '../../ui/markdown'
import { ErrorMessage, Loading } from '../../ui/states'
import { hasCentreRole, StaffPage } from '../staff/staff-shell'
import './knowledge.css'

/** One note: its text, what it is about, who wrote and changed it when, and what may be done with it. */
export function NotePage() {
  const t = useT()
  const intl = useIntl()
  const navigate = useNavigate()
  const { centre: slug = '', id = '' } = useParams()
  const note = useNote(slug, id)
  const remove = useDeleteNote(slug)
  const labels = useKnowledgeLabels()
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeStyle: 'short' })
  const base = `/staff/c/${slug}/knowledge`

  return (
    <StaffPage title={note.data?.title ?? t('knowledge.title')} roles={knowledgeReaderRoles}>
      {(me) =>
        note.isPending ? (
          <Loading />
        ) : note.isError ? (
          <ErrorMessage error={note.error} />
        ) : (
          <article className="stack note">
            <nav aria-label={t('ui.breadcrumb')} className="breadcrumb no-print">
              <Link to={base}>{t('knowledge.title')}</Link>
            </nav>
            <p className="cluster">
              <span className={`tag tag--${note.data.kind}`}>{labels.kind(note.data.kind)}</span>
              {note.data.tags.map((tag) => (
                <Link key={tag} to={`${base}?tag=${encodeURIComponent(tag)}`}>
                  #{tag}
                </Link>
              ))}
            </p>
            <p className="muted">
              {t('knowledge.writtenBy', {
                name: note.data.author?.name ?? t('knowledge.formerStaff'),
                date: when(note.data.createdAt),
              })}
              {note.data.version > 1 && (
                <>
                  {' · '}
                  {t('knowledge.lastChangedBy', {
                    name: note.data.editor?.name ?? t('knowledge.formerStaff'),
                    date: when(note.data.updatedAt),
                  })}
                </>
              )}
            </p>
            <MarkdownText>{note.data.body}</MarkdownText>
            {(note.data.services.length > 0 ||
              note.data.areas.length > 0 ||
              note.data.occupations.length > 0) && (
              <section className="card" aria-labelledby="note-links">
                <h2 id="note-links">{t('knowledge.linkedTo')}</h2>
                {note.data.services.length > 0 && (
                  <>
                    <h3>{t('knowledge.field.services')}</h3>
                    <ul>
                      {note.data.services.map((service) => (
                        <li key={service.id}>
                          <Link to={`${base}?service=${service.id}`}>{service.name}</Link>{' '}
                          <span className="muted">— {service.organisation}</span>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {note.data.areas.length > 0 && (
                  <>
                    <h3>{t('knowledge.field.areas')}</h3>
                    <ul className="area-tags">
                      {note.data.areas.map((area) => (
                        <li key={area.id} className="area-tag" style={{ borderColor: area.colour }}>
                          <Link to={`${base}?area=${area.id}`}>{area.name}</Link>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {note.data.occupations.length > 0 && (
                  <>
                    <h3>{t('knowledge.field.occupations')}</h3>
                    <ul>
                      {note.data.occupations.map((o) => (
                        <li key={`${o.taxonomy}:${o.code}`}>
                          <Link to={`/c/${slug}/occupations/${o.taxonomy}/${encodeURIComponent(o.code)}`}>
                            {o.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            )}
            {remove.isError && <ErrorMessage error={remove.error} />}
            <div className="cluster no-print">
              {hasCentreRole(me, slug, knowledgeWriterRoles) && (
                <ButtonLink to={`${base}/${id}/edit`}>{t('manager.edit')}</ButtonLink>
              )}
              <ButtonLink variant="secondary" to={`${base}/${id}/history`}>
                {t('knowledge.history', { count: note.data.version })}
              </ButtonLink>
              <Button variant="secondary" onPress={() => window.print()}>
                {t('ui.print')}
              </Button>
              {note.data.canDelete && (
                <Button
                  variant="quiet"
                  isDisabled={remove.isPending}
                  onPress={() => {
                    if (window.confirm(t('knowledge.confirmRemove', { title: note.data.title })))
                      remove.mutate(id, { onSuccess: () => navigate(base) })
                  }}
                >
                  {t('manager.remove')}
                </Button>
              )}
            </div>
          </article>
        )
      }
    </StaffPage>
  )
}
