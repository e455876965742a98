import { diffWords } from 'diff'
import { useIntl } from 'react-intl'
import { Link, useNavigate, useParams } from 'react-router'
import {
  type KnowledgeNote,
  type KnowledgeRevision,
  knowledgeReaderRoles,
  knowledgeWriterRoles,
} from '../../../shared/schemas/knowledge'
import { useNote, useNoteHistory, useSaveNote } from '../../features/knowledge/api'
import { useKnowledgeLabels } from '../../features/knowledge/labels'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { MarkdownText } from '../../ui/markdown'
import { ErrorMessage, Loading } from '../../ui/states'
import { hasCentreRole, StaffPage } from '../staff/staff-shell'
import './knowledge.css'

/**
 * Every version of a note, the latest first: who made it when, what changed from the one before
 * (words struck out and added), the version as it read, and a way to bring an earlier one back.
 */
export function NoteHistoryPage() {
  const t = useT()
  const { centre: slug = '', id = '' } = useParams()
  const note = useNote(slug, id)
  const history = useNoteHistory(slug, id)
  const base = `/staff/c/${slug}/knowledge`
  return (
    <StaffPage
      title={t('knowledge.historyTitle', { title: note.data?.title ?? '' })}
      roles={knowledgeReaderRoles}
    >
      {(me) => (
        <div className="stack">
          <nav aria-label={t('ui.breadcrumb')} className="breadcrumb">
            <Link to={base}>{t('knowledge.title')}</Link> ›{' '}
            <Link to={`${base}/${id}`}>{note.data?.title}</Link>
          </nav>
          {history.isPending || note.isPending ? (
            <Loading />
          ) : history.isError ? (
            <ErrorMessage error={history.error} />
          ) : note.isError ? (
            <ErrorMessage error={note.error} />
          ) : (
            <ol className="plain-list stack">
              {history.data.map((revision, index) => (
                <Version
                  key={revision.version}
                  slug={slug}
                  note={note.data}
                  revision={revision}
                  previous={history.data[index + 1]}
                  mayRestore={hasCentreRole(me, slug, knowledgeWriterRoles) && index > 0}
                />
              ))}
            </ol>
          )}
        </div>
      )}
    </StaffPage>
  )
}

function Version({
  slug,
  note,
  revision,
  previous,
  mayRestore,
}: {
  slug: string
  note: KnowledgeNote
  revision: KnowledgeRevision
  previous: KnowledgeRevision | undefined
  mayRestore: boolean
}) {
  const t = useT()
  const intl = useIntl()
  const navigate = useNavigate()
  const labels = useKnowledgeLabels()
  const save = useSaveNote(slug)
  const restore = () =>
    save.mutate(
      {
        id: note.id,
        input: {
          kind: revision.kind,
          title: revision.title,
          body: revision.body,
          tags: revision.tags,
          serviceIds: note.services.map((s) => s.id),
          areaIds: note.areas.map((a) => a.id),
          occupations: note.occupations.map(({ taxonomy, code }) => ({ taxonomy, code })),
          version: note.version,
        },
      },
      { onSuccess: () => navigate(`/staff/c/${slug}/knowledge/${note.id}`) },
    )
  const heading = `version-${revision.version}`
  return (
    <li className="card stack">
      <h2 id={heading}>
        {t('knowledge.versionBy', {
          version: revision.version,
          name: revision.editor?.name ?? t('knowledge.formerStaff'),
          date: intl.formatDate(revision.editedAt, { dateStyle: 'long', timeStyle: 'short' }),
        })}
      </h2>
      {previous ? (
        <div className="stack-tight">
          {previous.title !== revision.title && (
            <p>{t('knowledge.titleChanged', { before: previous.title, after: revision.title })}</p>
          )}
          {previous.kind !== revision.kind && (
            <p>
              {t('knowledge.kindChanged', {
                before: labels.kind(previous.kind),
                after: labels.kind(revision.kind),
              })}
            </p>
          )}
          {previous.tags.join(',') !== revision.tags.join(',') && (
            <p>{t('knowledge.tagsNow', { tags: revision.tags.map((tag) => `#${tag}`).join(' ') || '—' })}</p>
          )}
          <Changes before={previous.body} after={revision.body} />
        </div>
      ) : (
        <p className="muted">{t('knowledge.firstVersion')}</p>
      )}
      <details>
        <summary>{t('knowledge.showVersion', { version: revision.version })}</summary>
        <h3>{revision.title}</h3>
        <MarkdownText>{revision.body}</MarkdownText>
      </details>
      {save.isError && <ErrorMessage error={save.error} />}
      {mayRestore && (
        <div>
          <Button variant="secondary" isDisabled={save.isPending} onPress={restore}>
            {t('knowledge.restore', { version: revision.version })}
          </Button>
        </div>
      )}
    </li>
  )
}

/** What changed in a body between two versions, word by word: struck-out words went, underlined came. */
function Changes({ before, after }: { before: string; after: string }) {
  const t = useT()
  if (before === after) return <p className="muted">{t('knowledge.bodyUnchanged')}</p>
  return (
    <figure className="note-diff">
      <figcaption className="visually-hidden">{t('knowledge.changes')}</figcaption>
      <pre>
        {diffWords(before, after).map((part, index) =>
          part.added ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
            <ins key={index}>{part.value}</ins>
          ) : part.removed ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
            <del key={index}>{part.value}</del>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff never move
            <span key={index}>{part.value}</span>
          ),
        )}
      </pre>
    </figure>
  )
}
