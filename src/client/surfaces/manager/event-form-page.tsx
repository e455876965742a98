import { type FormEvent, useEffect, useState } from 'react'
import { Form } from 'react-aria-components'
import { Link, useNavigate, useParams } from 'react-router'
import { contentLanguages } from '../../../shared/i18n/locales'
import {
  accessibilityFeatures,
  type EventType,
  eventInputSchema,
  eventTypes,
  type StaffEvent,
} from '../../../shared/schemas/events'
import { audiences } from '../../../shared/schemas/resources'
import { useAreas, usePortalHome } from '../../features/centres/api'
import { compactText, LocalizedFields } from '../../features/centres/localized-fields'
import { useLocalized } from '../../features/centres/use-localized'
import { eventPath, usePartners, useSaveEvent, useStaffEvent } from '../../features/events/api'
import { useEventLabels } from '../../features/events/labels'
import { useResourceThemes } from '../../features/resources/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button, ButtonLink } from '../../ui/button'
import { Checkbox } from '../../ui/checkbox'
import { CheckboxGroup } from '../../ui/checkbox-group'
import { SelectField } from '../../ui/select-field'
import { ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import {
  newSession,
  type SessionDraft,
  SessionsEditor,
  sessionDraftOf,
  sessionInputOf,
} from './event-sessions'
import { ManagerPage } from './manager-layout'
import '../events/events.css'

type Draft = {
  type: EventType
  title: Record<string, string>
  description: Record<string, string>
  audiences: string[]
  language: string
  accessibility: string[]
  place: string
  offSite: boolean
  coOrganisers: string
  partnerIds: string[]
  areaIds: string[]
  themeIds: string[]
  sessions: SessionDraft[]
}

function draftOf(found: StaffEvent, timeZone: string): Draft {
  return {
    ...found,
    coOrganisers: found.coOrganisers.join('\n'),
    sessions: found.sessions.map((session) => sessionDraftOf(session, timeZone)),
  }
}

/** An event and its sessions, to add or change: every field checked with the server's own schema. */
export function EventFormPage() {
  const t = useT()
  const navigate = useNavigate()
  const { centre: slug = '', id } = useParams()
  const isNew = !id || id === 'new'
  const home = usePortalHome(slug)
  const areas = useAreas(slug)
  const themes = useResourceThemes(slug)
  const partners = usePartners(slug)
  const existing = useStaffEvent(slug, isNew ? undefined : id)
  const save = useSaveEvent(slug)
  const labels = useEventLabels()
  const centre = home.data?.centre
  const text = useLocalized(centre?.defaultLanguage)
  const timeZone = centre?.timezone ?? 'Europe/Paris'
  const [draft, setDraft] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)

  useEffect(() => {
    if (!home.data) return
    if (existing.data) setDraft(draftOf(existing.data, home.data.centre.timezone))
    else if (isNew)
      setDraft(
        (current) =>
          current ?? {
            type: 'workshop',
            title: {},
            description: {},
            audiences: [],
            language: home.data.centre.defaultLanguage,
            accessibility: [],
            place: '',
            offSite: false,
            coOrganisers: '',
            partnerIds: [],
            areaIds: [],
            themeIds: [],
            sessions: [newSession(home.data.localDate)],
          },
      )
  }, [existing.data, home.data, isNew])

  const title = isNew ? t('events.add') : t('events.edit')
  const pending = home.isPending || areas.isPending || themes.isPending || partners.isPending
  const failed = home.error ?? areas.error ?? themes.error ?? partners.error ?? existing.error
  if (failed || pending || !draft || !centre)
    return (
      <ManagerPage title={title} alsoFor={['partner_coordinator']}>
        {failed ? <ErrorMessage error={failed} /> : <Loading />}
      </ManagerPage>
    )
  const readOnly = existing.data !== undefined && !existing.data.canEdit
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    setSaved(false)
    const input = {
      ...draft,
      title: compactText(draft.title),
      description: compactText(draft.description),
      coOrganisers: draft.coOrganisers
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      sessions: draft.sessions.map((session) => sessionInputOf(session, timeZone)),
    }
    const checked = validate(eventInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setMessage(t('error.validation'))
    save.mutate(
      { id: isNew ? undefined : id, input: checked.data },
      {
        onSuccess: (result) => {
          setSaved(true)
          setDraft(draftOf(result, timeZone))
          if (isNew) navigate(`/staff/c/${slug}/manager/events/${result.id}`, { replace: true })
        },
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setMessage(failure.message)
        },
      },
    )
  }

  return (
    <ManagerPage title={title} alsoFor={['partner_coordinator']}>
      {message && <Alert tone="error">{message}</Alert>}
      {saved && (
        <Alert tone="success">
          {t('events.saved')}{' '}
          <Link to={eventPath(slug, existing.data?.id ?? id ?? '')}>{t('events.seePage')}</Link>
        </Alert>
      )}
      {readOnly && <Alert tone="info">{t('events.readOnly')}</Alert>}
      {existing.data?.cancelled && <Alert tone="info">{t('events.eventCancelled')}</Alert>}
      <Form onSubmit={submit} className="card">
        <fieldset disabled={readOnly} className="plain-fieldset">
          <div className="field-row">
            <SelectField
              label={t('events.field.type')}
              value={draft.type}
              onChange={(v) => set('type', v as EventType)}
              options={eventTypes.map((type) => ({ id: type, label: labels.type(type) }))}
              isRequired
            />
            <SelectField
              label={t('events.field.language')}
              value={draft.language}
              onChange={(v) => set('language', v)}
              error={fieldError(errors, 'language')}
              options={[...new Set([...centre.languages, ...contentLanguages])].map((code) => ({
                id: code,
                label: labels.language(code),
              }))}
            />
          </div>
          <LocalizedFields
            label={t('events.field.title')}
            languages={centre.languages}
            value={draft.title}
            onChange={(v) => set('title', v)}
            errors={errors}
            path="title"
          />
          <LocalizedFields
            label={t('events.field.description')}
            languages={centre.languages}
            value={draft.description}
            onChange={(v) => set('description', v)}
            errors={errors}
            path="description"
            multiline
          />
          <div className="field-row">
            <TextField
              label={t('events.field.place')}
              hint={t('events.field.placeHint')}
              value={draft.place}
              onChange={(v) => set('place', v)}
              error={fieldError(errors, 'place')}
              maxLength={300}
              isRequired
            />
            <div className="field">
              <Checkbox isSelected={draft.offSite} onChange={(v) => set('offSite', v)}>
                {t('events.field.offSite')}
              </Checkbox>
            </div>
          </div>
          <CheckboxGroup
            label={t('events.field.partners')}
            options={(partners.data ?? []).map((p) => ({ id: p.id, label: p.name }))}
            value={draft.partnerIds}
            onChange={(v) => set('partnerIds', v)}
            error={fieldError(errors, 'partnerIds')}
          />
          <TextField
            label={t('events.field.coOrganisers')}
            hint={t('events.field.coOrganisersHint')}
            multiline
            value={draft.coOrganisers}
            onChange={(v) => set('coOrganisers', v)}
            error={fieldError(errors, 'coOrganisers')}
          />
          <CheckboxGroup
            label={t('events.field.areas')}
            options={(areas.data ?? []).map((area) => ({ id: area.id, label: text(area.name) }))}
            value={draft.areaIds}
            onChange={(v) => set('areaIds', v)}
            error={fieldError(errors, 'areaIds')}
          />
          <CheckboxGroup
            label={t('events.field.themes')}
            options={(themes.data ?? []).map((theme) => ({ id: theme.id, label: text(theme.name) }))}
            value={draft.themeIds}
            onChange={(v) => set('themeIds', v)}
            error={fieldError(errors, 'themeIds')}
          />
          <CheckboxGroup
            label={t('events.field.audiences')}
            options={audiences.map((audience) => ({ id: audience, label: labels.audience(audience) }))}
            value={draft.audiences}
            onChange={(v) => set('audiences', v)}
            error={fieldError(errors, 'audiences')}
          />
          <CheckboxGroup
            label={t('events.field.accessibility')}
            options={accessibilityFeatures.map((feature) => ({ id: feature, label: labels.access(feature) }))}
            value={draft.accessibility}
            onChange={(v) => set('accessibility', v)}
            error={fieldError(errors, 'accessibility')}
          />
          <SessionsEditor
            sessions={draft.sessions}
            onChange={(v) => set('sessions', v)}
            errors={errors}
            readOnly={readOnly}
          />
        </fieldset>
        <div className="cluster">
          {!readOnly && (
            <Button type="submit" isDisabled={save.isPending}>
              {t('manager.save')}
            </Button>
          )}
          <ButtonLink variant="secondary" to={`/staff/c/${slug}/manager/events`}>
            {readOnly ? t('events.backToList') : t('manager.cancel')}
          </ButtonLink>
        </div>
      </Form>
    </ManagerPage>
  )
}
