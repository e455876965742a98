import { type FormEvent, useEffect, useRef, useState } from 'react'
import { Form } from 'react-aria-components'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import {
  type KnowledgeKind,
  type KnowledgeNote,
  knowledgeKinds,
  knowledgeNoteInputSchema,
  knowledgeWriterRoles,
} from '../../../shared/schemas/knowledge'
import { useAreas } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useStaffServices } from '../../features/directory/api'
import { type PickedService, ServicePicker } from '../../features/directory/service-picker'
import { useNote, useSaveNote } from '../../features/knowledge/api'
import { useKnowledgeLabels } from '../../features/knowledge/labels'
import { OccupationPicker, type PickedOccupation } from '../../features/occupations/occupation-picker'
import { useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button, ButtonLink } from '../../ui/button'
import { CheckboxGroup } from '../../ui/checkbox-group'
import { MarkdownText } from '../../ui/markdown'
import { SelectField } from '../../ui/select-field'
import { ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { StaffPage } from '../staff/staff-shell'
import './knowledge.css'

type Draft = {
  kind: KnowledgeKind
  title: string
  body: string
  /** Tags as typed, separated by commas. */
  tags: string
  services: PickedService[]
  areaIds: string[]
  occupations: PickedOccupation[]
}

const blank: Draft = {
  kind: 'practice',
  title: '',
  body: '',
  tags: '',
  services: [],
  areaIds: [],
  occupations: [],
}

const draftOf = (note: KnowledgeNote): Draft => ({
  kind: note.kind,
  title: note.title,
  body: note.body,
  tags: note.tags.join(', '),
  services: note.services.map((s) => ({ id: s.id, label: `${s.name} — ${s.organisation}` })),
  areaIds: note.areas.map((a) => a.id),
  occupations: note.occupations,
})

/**
 * Writes a new note or changes one: Markdown with its preview beside it, tags, and links to services of
 * the directory, areas and occupations. A new note may start linked to a service (`?service=`), as the
 * directory's "write a note" does. If someone saved the note meanwhile, nothing is overwritten: the
 * writer is told, keeps their text on screen, and may load the other version.
 */
export function NoteFormPage() {
  const t = useT()
  const { centre: slug = '', id } = useParams()
  const note = useNote(slug, id)
  const title = id ? t('knowledge.editTitle') : t('knowledge.newTitle')
  return (
    <StaffPage title={title} roles={knowledgeWriterRoles}>
      {() =>
        id && note.isPending ? (
          <Loading />
        ) : id && note.isError ? (
          <ErrorMessage error={note.error} />
        ) : (
          <NoteForm key={note.data?.id ?? 'new'} slug={slug} note={note.data} />
        )
      }
    </StaffPage>
  )
}

function NoteForm({ slug, note }: { slug: string; note: KnowledgeNote | undefined }) {
  const t = useT()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const labels = useKnowledgeLabels()
  const text = useLocalized()
  const areas = useAreas(slug)
  const save = useSaveNote(slug)
  const [draft, setDraft] = useState<Draft>(note ? draftOf(note) : blank)
  // The version this draft started from, whatever a later refresh of the note brings: saving says it,
  // so that a change someone made meanwhile is never overwritten unknowingly.
  const [baseVersion] = useState(note?.version)

  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [stale, setStale] = useState(false)
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  // "Write a note about this service": the new note starts linked to it.
  const fromService = note ? undefined : (params.get('service') ?? undefined)
  const services = useStaffServices(slug, {}, Boolean(fromService))
  const prefilled = useRef(false)
  useEffect(() => {
    const service = services.data?.find((s) => s.id === fromService)
    if (!service || prefilled.current) return
    prefilled.current = true
    const label = `${text(service.name)} — ${service.organisation}`
    setDraft((d) => ({ ...d, kind: 'referral', services: [{ id: service.id, label }] }))
  }, [services.data, fromService, text])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    const input = {
      kind: draft.kind,
      title: draft.title,
      body: draft.body,
      tags: draft.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      serviceIds: draft.services.map((s) => s.id),
      areaIds: draft.areaIds,
      occupations: draft.occupations.map(({ taxonomy, code }) => ({ taxonomy, code })),
      version: baseVersion,
    }
    const checked = validate(knowledgeNoteInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setMessage(t('error.validation'))
    save.mutate(
      { id: note?.id, input: checked.data },
      {
        onSuccess: (saved) => navigate(`/staff/c/${slug}/knowledge/${saved.id}`),
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setMessage(failure.message)
          setStale(error instanceof ApiError && error.status === 409)
        },
      },
    )
  }

  const cancelTo = note ? `/staff/c/${slug}/knowledge/${note.id}` : `/staff/c/${slug}/knowledge`
  return (
    <Form
      onSubmit={submit}
      className="stack note-form"
      aria-label={note ? t('knowledge.editTitle') : t('knowledge.newTitle')}
    >
      {message && (
        <Alert tone="error">
          {message}
          {stale && note && (
            <>
              {' '}
              <ButtonLink variant="secondary" to={`/staff/c/${slug}/knowledge/${note.id}`}>
                {t('knowledge.seeTheirVersion')}
              </ButtonLink>
            </>
          )}
        </Alert>
      )}
      <div className="field-row">
        <SelectField
          label={t('knowledge.field.kind')}
          options={knowledgeKinds.map((kind) => ({ id: kind, label: labels.kind(kind) }))}
          value={draft.kind}
          onChange={(v) => set('kind', v as KnowledgeKind)}
          error={fieldError(errors, 'kind')}
        />
        <TextField
          label={t('knowledge.field.title')}
          value={draft.title}
          onChange={(v) => set('title', v)}
          error={fieldError(errors, 'title')}
          maxLength={200}
          isRequired
        />
      </div>
      <div className="note-editor">
        <TextField
          label={t('knowledge.field.body')}
          hint={t('knowledge.bodyHint')}
          value={draft.body}
          onChange={(v) => set('body', v)}
          error={fieldError(errors, 'body')}
          maxLength={20_000}
          multiline
          isRequired
        />
        <section className="note-preview card" aria-labelledby="note-preview">
          <h2 id="note-preview">{t('knowledge.preview')}</h2>
          {draft.body.trim() ? (
            <MarkdownText>{draft.body}</MarkdownText>
          ) : (
            <p className="muted">{t('knowledge.previewEmpty')}</p>
          )}
        </section>
      </div>
      <TextField
        label={t('knowledge.field.tags')}
        hint={t('knowledge.tagsHint')}
        value={draft.tags}
        onChange={(v) => set('tags', v)}
        error={fieldError(errors, 'tags')}
        maxLength={500}
      />
      <ServicePicker
        slug={slug}
        legend={t('knowledge.field.services')}
        value={draft.services}
        onChange={(v) => set('services', v)}
        error={fieldError(errors, 'serviceIds')}
      />
      <CheckboxGroup
        label={t('knowledge.field.areas')}
        options={(areas.data ?? []).map((area) => ({ id: area.id, label: text(area.name) }))}
        value={draft.areaIds}
        onChange={(v) => set('areaIds', v)}
        error={fieldError(errors, 'areaIds')}
      />
      <OccupationPicker
        legend={t('knowledge.field.occupations')}
        value={draft.occupations}
        onChange={(v) => set('occupations', v)}
        error={fieldError(errors, 'occupations')}
      />
      <div className="cluster">
        <Button type="submit" isDisabled={save.isPending}>
          {t('manager.save')}
        </Button>
        <ButtonLink variant="secondary" to={cancelTo}>
          {t('manager.cancel')}
        </ButtonLink>
      </div>
    </Form>
  )
}
