import { type FormEvent, useEffect, useState } from 'react'
import { Form } from 'react-aria-components'
import { useNavigate, useParams } from 'react-router'
import { contentLanguages } from '../../../shared/i18n/locales'
import {
  audiences,
  type ResourceType,
  resourceInputSchema,
  resourceTypes,
  type StaffResource,
} from '../../../shared/schemas/resources'
import { useAreas, useCentre } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { OccupationPicker, type PickedOccupation } from '../../features/occupations/occupation-picker'
import { useCatalogueResource, useResourceThemes, useSaveResource } from '../../features/resources/api'
import { useResourceLabels } from '../../features/resources/labels'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button, ButtonLink } from '../../ui/button'
import { Checkbox } from '../../ui/checkbox'
import { CheckboxGroup } from '../../ui/checkbox-group'
import { SelectField } from '../../ui/select-field'
import { ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import './catalogue.css'
import { ManagerPage } from './manager-layout'

type Draft = {
  type: ResourceType
  title: string
  summary: string
  languages: string[]
  audiences: string[]
  easyRead: boolean
  shelf: string
  copies: string
  url: string
  publisher: string
  lastReviewed: string
  areaIds: string[]
  themeIds: string[]
  occupations: PickedOccupation[]
}

const empty: Draft = {
  type: 'guide',
  title: '',
  summary: '',
  languages: [],
  audiences: [],
  easyRead: false,
  shelf: '',
  copies: '',
  url: '',
  publisher: '',
  lastReviewed: '',
  areaIds: [],
  themeIds: [],
  occupations: [],
}

function draftOf(resource: StaffResource): Draft {
  return {
    ...resource,
    shelf: resource.shelf ?? '',
    copies: resource.copies === null ? '' : String(resource.copies),
    url: resource.url ?? '',
    lastReviewed: resource.lastReviewed ?? '',
  }
}

/** What the form sends: blanks become "none", as the shared schema expects. */
function inputOf(draft: Draft) {
  const blank = (value: string) => (value.trim() === '' ? null : value)
  return {
    ...draft,
    shelf: blank(draft.shelf),
    url: blank(draft.url),
    lastReviewed: blank(draft.lastReviewed),
    copies: draft.copies.trim() === '' ? null : Number(draft.copies),
    occupations: draft.occupations.map(({ taxonomy, code }) => ({ taxonomy, code })),
  }
}

/** Adds or changes a resource: every field of the catalogue, checked with the server's own schema. */
export function ResourceFormPage() {
  const t = useT()
  const navigate = useNavigate()
  const { centre: slug = '', id } = useParams()
  const isNew = !id || id === 'new'
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const themes = useResourceThemes(slug)
  const existing = useCatalogueResource(slug, isNew ? undefined : id)
  const save = useSaveResource(slug)
  const labels = useResourceLabels()
  const text = useLocalized(centre.data?.defaultLanguage)
  const [draft, setDraft] = useState<Draft>(empty)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    if (existing.data) setDraft(draftOf(existing.data))
  }, [existing.data])
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const listPath = `/staff/c/${slug}/manager/resources`

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    const checked = validate(resourceInputSchema, inputOf(draft), t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setMessage(t('error.validation'))
    save.mutate(
      { id: isNew ? undefined : id, input: checked.data },
      {
        onSuccess: (saved) => navigate(listPath, { state: { saved: saved.title } }),
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setMessage(failure.message)
        },
      },
    )
  }

  const title = isNew ? t('resources.add') : t('resources.edit')
  const pending = centre.isPending || areas.isPending || themes.isPending || (!isNew && existing.isPending)
  const failed = centre.error ?? areas.error ?? themes.error ?? existing.error
  if (pending || failed)
    return (
      <ManagerPage title={title} alsoFor={['partner_coordinator']}>
        {failed ? <ErrorMessage error={failed} /> : <Loading />}
      </ManagerPage>
    )
  const readOnly = existing.data !== undefined && !existing.data.canEdit

  return (
    <ManagerPage title={title} alsoFor={['partner_coordinator']}>
      {message && <Alert tone="error">{message}</Alert>}
      {existing.data?.partner && (
        <p className="muted">{t('resources.partnerNote', { partner: existing.data.partner.name })}</p>
      )}
      {readOnly && <Alert tone="info">{t('resources.readOnly')}</Alert>}
      <Form onSubmit={submit} className="card">
        <div>
          <div className="field-row">
            <SelectField
              label={t('resources.field.type')}
              value={draft.type}
              onChange={(v) => set('type', v as ResourceType)}
              error={fieldError(errors, 'type')}
              options={resourceTypes.map((type) => ({ id: type, label: labels.type(type) }))}
              isRequired
            />
            <TextField
              label={t('resources.field.title')}
              value={draft.title}
              onChange={(v) => set('title', v)}
              error={fieldError(errors, 'title')}
              maxLength={200}
              isRequired
            />
          </div>
          <TextField
            label={t('resources.field.summary')}
            value={draft.summary}
            onChange={(v) => set('summary', v)}
            error={fieldError(errors, 'summary')}
            maxLength={2000}
            multiline
          />
          <div className="field-row">
            <TextField
              label={t('resources.field.shelf')}
              hint={t('resources.field.shelfHint')}
              value={draft.shelf}
              onChange={(v) => set('shelf', v)}
              error={fieldError(errors, 'shelf')}
              maxLength={80}
            />
            <TextField
              label={t('resources.field.copies')}
              inputMode="numeric"
              value={draft.copies}
              onChange={(v) => set('copies', v.replace(/\D/g, ''))}
              error={fieldError(errors, 'copies')}
              maxLength={4}
            />
          </div>
          <TextField
            label={t('resources.field.url')}
            hint={t('resources.field.urlHint')}
            type="url"
            value={draft.url}
            onChange={(v) => set('url', v)}
            error={fieldError(errors, 'url')}
            maxLength={500}
          />
          <CheckboxGroup
            label={t('resources.field.areas')}
            options={(areas.data ?? []).map((area) => ({ id: area.id, label: text(area.name) }))}
            value={draft.areaIds}
            onChange={(v) => set('areaIds', v)}
            error={fieldError(errors, 'areaIds')}
          />
          <CheckboxGroup
            label={t('resources.field.themes')}
            options={(themes.data ?? []).map((theme) => ({ id: theme.id, label: text(theme.name) }))}
            value={draft.themeIds}
            onChange={(v) => set('themeIds', v)}
            error={fieldError(errors, 'themeIds')}
          />
          <CheckboxGroup
            label={t('resources.field.languages')}
            options={contentLanguages.map((code) => ({ id: code, label: labels.language(code) }))}
            value={draft.languages}
            onChange={(v) => set('languages', v)}
            error={fieldError(errors, 'languages')}
          />
          <CheckboxGroup
            label={t('resources.field.audiences')}
            options={audiences.map((audience) => ({ id: audience, label: labels.audience(audience) }))}
            value={draft.audiences}
            onChange={(v) => set('audiences', v)}
            error={fieldError(errors, 'audiences')}
          />
          <div className="field">
            <Checkbox isSelected={draft.easyRead} onChange={(v) => set('easyRead', v)}>
              {t('resources.field.easyRead')}
            </Checkbox>
          </div>
          <div className="field-row">
            <TextField
              label={t('resources.field.publisher')}
              value={draft.publisher}
              onChange={(v) => set('publisher', v)}
              error={fieldError(errors, 'publisher')}
              maxLength={200}
            />
            <TextField
              label={t('resources.field.lastReviewed')}
              type="date"
              value={draft.lastReviewed}
              onChange={(v) => set('lastReviewed', v)}
              error={fieldError(errors, 'lastReviewed')}
            />
          </div>
          <OccupationPicker
            legend={t('resources.field.occupations')}
            value={draft.occupations}
            onChange={(v) => set('occupations', v)}
            error={fieldError(errors, 'occupations')}
          />
        </div>
        <div className="cluster">
          {!readOnly && (
            <Button type="submit" isDisabled={save.isPending}>
              {t('manager.save')}
            </Button>
          )}
          <ButtonLink variant="secondary" to={listPath}>
            {t('manager.cancel')}
          </ButtonLink>
        </div>
      </Form>
    </ManagerPage>
  )
}
