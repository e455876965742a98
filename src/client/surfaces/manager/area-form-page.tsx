import { type FormEvent, useEffect, useState } from 'react'
import { Form } from 'react-aria-components'
import { useNavigate, useParams } from 'react-router'
import { type Pictogram as PictogramName, pictograms } from '../../../shared/constants'
import type { MessageKey } from '../../../shared/i18n/messages'
import { areaInputSchema } from '../../../shared/schemas/centres'
import { useAreas, useCentre, useSaveArea } from '../../features/centres/api'
import { compactText, LocalizedFields } from '../../features/centres/localized-fields'
import { useLocalized } from '../../features/centres/use-localized'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button, ButtonLink } from '../../ui/button'
import { Pictogram } from '../../ui/pictogram'
import { SelectField } from '../../ui/select-field'
import { ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { ManagerPage } from './manager-layout'

type Draft = {
  slug: string
  name: Record<string, string>
  description: Record<string, string>
  colour: string
  pictogram: PictogramName
  ticketLetter: string
  position: string
}

/** How the area will look on the portal home, updated as the manager types. */
function AreaPreview({ draft }: { draft: Draft }) {
  const t = useT()
  const text = useLocalized()
  const colour = /^#[0-9a-fA-F]{6}$/.test(draft.colour) ? draft.colour : '#1d4e89'
  return (
    <section className="preview" aria-label={t('manager.preview')}>
      <p className="preview__label" aria-hidden="true">
        {t('manager.preview')}
      </p>
      <div className="card concern" style={{ ['--area-colour' as string]: colour }}>
        <span className="concern__icon">
          <Pictogram name={draft.pictogram} />
        </span>
        <div>
          <p className="concern__title">{text(draft.name) || t('manager.name')}</p>
          {text(draft.description) && <p>{text(draft.description)}</p>}
        </div>
      </div>
    </section>
  )
}

const empty: Draft = {
  slug: '',
  name: {},
  description: {},
  colour: '#1d4e89',
  pictogram: 'compass',
  ticketLetter: '',
  position: '0',
}

export function AreaFormPage() {
  const t = useT()
  const navigate = useNavigate()
  const { centre: slug = '', area: areaId } = useParams()
  const isNew = !areaId || areaId === 'new'
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const save = useSaveArea(slug)
  const [draft, setDraft] = useState<Draft>(empty)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const existing = isNew ? undefined : areas.data?.find((a) => a.id === areaId)

  useEffect(() => {
    if (existing) {
      setDraft({ ...existing, position: String(existing.position) })
    }
  }, [existing])

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    const input = {
      ...draft,
      name: compactText(draft.name),
      description: compactText(draft.description),
      position: Number(draft.position || 0),
    }
    const checked = validate(areaInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setMessage(t('error.validation'))
    save.mutate(
      { id: isNew ? undefined : areaId, input: checked.data },
      {
        onSuccess: () => navigate(`/staff/c/${slug}/manager/areas`),
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setMessage(failure.message)
        },
      },
    )
  }

  const title = isNew ? t('manager.addArea') : t('manager.editArea')
  if (centre.isPending || areas.isPending)
    return (
      <ManagerPage title={title}>
        <Loading />
      </ManagerPage>
    )
  if (centre.isError)
    return (
      <ManagerPage title={title}>
        <ErrorMessage error={centre.error} />
      </ManagerPage>
    )
  const languages = centre.data.languages

  return (
    <ManagerPage title={title}>
      {message && <Alert tone="error">{message}</Alert>}
      <Form onSubmit={submit} className="card">
        <LocalizedFields
          label={t('manager.name')}
          languages={languages}
          value={draft.name}
          onChange={(v) => set('name', v)}
          errors={errors}
          path="name"
        />
        <LocalizedFields
          label={t('manager.description')}
          languages={languages}
          value={draft.description}
          onChange={(v) => set('description', v)}
          errors={errors}
          path="description"
          multiline
        />
        <div className="field-row">
          <TextField
            label={t('manager.slug')}
            hint={t('manager.slugHint')}
            value={draft.slug}
            onChange={(v) => set('slug', v)}
            error={fieldError(errors, 'slug')}
            isRequired
          />
          <TextField
            label={t('manager.ticketLetter')}
            hint={t('manager.ticketLetterHint')}
            value={draft.ticketLetter}
            onChange={(v) => set('ticketLetter', v.toUpperCase())}
            error={fieldError(errors, 'ticketLetter')}
            maxLength={1}
            isRequired
          />
          <TextField
            label={t('manager.position')}
            hint={t('manager.positionHint')}
            inputMode="numeric"
            value={draft.position}
            onChange={(v) => set('position', v.replace(/\D/g, ''))}
            error={fieldError(errors, 'position')}
          />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="area-colour">{t('manager.colour')}</label>
            <input
              id="area-colour"
              type="color"
              value={draft.colour}
              onChange={(e) => set('colour', e.target.value)}
              aria-invalid={Boolean(errors.colour)}
              aria-describedby={errors.colour ? 'area-colour-error' : undefined}
            />
            {errors.colour && (
              <span id="area-colour-error" className="field__error">
                {errors.colour}
              </span>
            )}
          </div>
          <SelectField
            label={t('manager.pictogram')}
            value={draft.pictogram}
            onChange={(v) => set('pictogram', v as PictogramName)}
            error={fieldError(errors, 'pictogram')}
            options={pictograms.map((id) => ({
              id,
              label: t(`pictogram.${id}` as MessageKey),
              icon: (
                <span className="option-icon">
                  <Pictogram name={id} />
                </span>
              ),
            }))}
          />
        </div>
        <AreaPreview draft={draft} />
        <div className="cluster">
          <Button type="submit" isDisabled={save.isPending}>
            {t('manager.save')}
          </Button>
          <ButtonLink variant="secondary" to={`/staff/c/${slug}/manager/areas`}>
            {t('manager.cancel')}
          </ButtonLink>
        </div>
      </Form>
    </ManagerPage>
  )
}
