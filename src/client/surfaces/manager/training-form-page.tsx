import { type FormEvent, useEffect, useState } from 'react'
import { Form } from 'react-aria-components'
import { useNavigate, useParams } from 'react-router'
import type { Taxonomy } from '../../../shared/schemas/occupations'
import { type TrainingDetail, trainingInputSchema, trainingLevels } from '../../../shared/schemas/trainings'
import { useCentre } from '../../features/centres/api'
import { MIN_QUERY, useOccupationSearch } from '../../features/occupations/api'
import { useSaveTraining, useTraining, useTrainingOccupation } from '../../features/trainings/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button, ButtonLink } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { levelName } from '../trainings/training-words'
import { ManagerPage } from './manager-layout'

const FIELDS = [
  'code',
  'title',
  'kind',
  'kindAcronym',
  'durationText',
  'rncpCode',
  'authority',
  'url',
  'place',
] as const
type Draft = Record<(typeof FIELDS)[number] | 'level' | 'durationMonths' | 'domains' | 'description', string>

const empty: Draft = {
  code: '',
  title: '',
  kind: '',
  kindAcronym: '',
  level: '',
  durationMonths: '',
  durationText: '',
  rncpCode: '',
  authority: '',
  url: '',
  place: '',
  domains: '',
  description: '',
}

const draftOf = (c: TrainingDetail): Draft => ({
  code: c.code,
  title: c.title,
  kind: c.kind,
  kindAcronym: c.kindAcronym ?? '',
  level: c.level ? String(c.level) : '',
  durationMonths: c.durationMonths ? String(c.durationMonths) : '',
  durationText: c.durationText,
  rncpCode: c.rncpCode ?? '',
  authority: c.authority,
  url: c.url ?? '',
  place: c.place ?? '',
  domains: c.domains.join('\n'),
  description: c.description,
})

/** One of the centre's own courses, to enter or change, and the occupations it leads to. */
export function TrainingFormPage() {
  const t = useT()
  const navigate = useNavigate()
  const { locale } = useLocale()
  const { centre: slug = '', id = 'new' } = useParams()
  const isNew = id === 'new'
  const centre = useCentre(slug)
  const existing = useTraining(slug, isNew ? '' : id, locale)
  const save = useSaveTraining(slug)
  const [draft, setDraft] = useState<Draft>(empty)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)

  useEffect(() => {
    if (existing.data) setDraft(draftOf(existing.data))
  }, [existing.data])

  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const field = (
    key: (typeof FIELDS)[number],
    label: string,
    extra: { hint?: string; isRequired?: boolean } = {},
  ) => (
    <TextField
      label={label}
      value={draft[key]}
      onChange={set(key)}
      error={fieldError(errors, key)}
      type={key === 'url' ? 'url' : 'text'}
      {...extra}
    />
  )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    setSaved(false)
    const input = {
      ...draft,
      language: existing.data?.language ?? centre.data?.defaultLanguage ?? 'fr',
      level: draft.level ? Number(draft.level) : null,
      durationMonths: draft.durationMonths ? Number(draft.durationMonths) : null,
      domains: draft.domains
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    }
    const checked = validate(trainingInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setMessage(t('error.validation'))
    save.mutate(
      { id: isNew ? undefined : id, input: checked.data },
      {
        onSuccess: (course) => {
          setSaved(true)
          if (isNew) navigate(`/staff/c/${slug}/manager/trainings/${course.id}`, { replace: true })
        },
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setMessage(failure.message)
        },
      },
    )
  }

  const title = isNew ? t('trainings.add') : t('trainings.edit')
  if (centre.isPending || (!isNew && existing.isPending))
    return (
      <ManagerPage title={title} alsoFor={['partner_coordinator']}>
        <Loading />
      </ManagerPage>
    )
  const failure = centre.error ?? existing.error
  if (failure)
    return (
      <ManagerPage title={title} alsoFor={['partner_coordinator']}>
        <ErrorMessage error={failure} />
      </ManagerPage>
    )

  return (
    <ManagerPage title={title} alsoFor={['partner_coordinator']}>
      <div className="stack">
        {message && <Alert tone="error">{message}</Alert>}
        {saved && <Alert tone="success">{t('trainings.saved')}</Alert>}
        <Form onSubmit={submit} className="card">
          <div className="field-row">
            {field('title', t('trainings.title'), { isRequired: true })}
            {field('code', t('trainings.code'), { hint: t('trainings.codeHint'), isRequired: true })}
          </div>
          <div className="field-row">
            {field('kind', t('trainings.kind'), { hint: t('trainings.kindHint') })}
            {field('kindAcronym', t('trainings.acronym'))}
            <SelectField
              label={t('trainings.level')}
              value={draft.level || 'none'}
              onChange={(value) => set('level')(value === 'none' ? '' : value)}
              error={fieldError(errors, 'level')}
              options={[
                { id: 'none', label: t('trainings.noLevelOption') },
                ...trainingLevels.map((level) => ({ id: String(level), label: levelName(t, level) })),
              ]}
            />
          </div>
          <div className="field-row">
            <TextField
              label={t('trainings.durationMonths')}
              inputMode="numeric"
              value={draft.durationMonths}
              onChange={(value) => set('durationMonths')(value.replace(/\D/g, ''))}
              error={fieldError(errors, 'durationMonths')}
            />
            {field('durationText', t('trainings.durationText'), { hint: t('trainings.durationTextHint') })}
            {field('place', t('trainings.place'), { hint: t('trainings.placeHint') })}
          </div>
          <div className="field-row">
            {field('rncpCode', t('trainings.rncp'))}
            {field('authority', t('trainings.authority'))}
            {field('url', t('trainings.url'))}
          </div>
          <TextField
            label={t('trainings.about')}
            multiline
            value={draft.description}
            onChange={set('description')}
            error={fieldError(errors, 'description')}
          />
          <TextField
            label={t('trainings.domains')}
            hint={t('trainings.domainsHint')}
            multiline
            value={draft.domains}
            onChange={set('domains')}
            error={fieldError(errors, 'domains')}
          />
          <div className="cluster">
            <Button type="submit" isDisabled={save.isPending}>
              {t('manager.save')}
            </Button>
            <ButtonLink variant="secondary" to={`/staff/c/${slug}/manager/trainings`}>
              {t('manager.cancel')}
            </ButtonLink>
          </div>
        </Form>
        {existing.data ? (
          <LinkedOccupations slug={slug} course={existing.data} />
        ) : (
          <p className="muted">{t('trainings.saveFirst')}</p>
        )}
      </div>
    </ManagerPage>
  )
}

/** The occupations a course leads to, said by hand: those linked, and a search to link more. */
function LinkedOccupations({ slug, course }: { slug: string; course: TrainingDetail }) {
  const t = useT()
  const { locale } = useLocale()
  const [query, setQuery] = useState('')
  const found = useOccupationSearch(query, locale)
  const change = useTrainingOccupation(slug, course.id)
  const linked = course.occupations.filter((o) => o.linked)
  const isLinked = (taxonomy: string, code: string) =>
    linked.some((o) => o.taxonomy === taxonomy && o.code === code)
  const source = (taxonomy: Taxonomy) => t(`occupations.source.${taxonomy}`)
  return (
    <section className="card stack" aria-labelledby="linked-occupations">
      <h2 id="linked-occupations">{t('trainings.occupations')}</h2>
      {change.isError && <ErrorMessage error={change.error} />}
      {linked.length > 0 && (
        <ul className="plain-list stack">
          {linked.map((o) => (
            <li key={`${o.taxonomy}:${o.code}`} className="cluster">
              <span>
                {o.title} <span className="muted">· {source(o.taxonomy)}</span>
              </span>
              <Button
                variant="secondary"
                isDisabled={change.isPending}
                aria-label={t('trainings.unlinkNamed', { title: o.title, source: source(o.taxonomy) })}
                onPress={() => change.mutate({ occupation: o, linked: false })}
              >
                {t('trainings.unlink')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <TextField label={t('trainings.findOccupation')} value={query} onChange={setQuery} maxLength={200} />
      {query.trim().length >= MIN_QUERY && (
        <ul className="plain-list stack" aria-busy={found.isFetching}>
          {(found.data?.items ?? [])
            .filter((hit) => !isLinked(hit.taxonomy, hit.code))
            .slice(0, 8)
            .map((hit) => (
              <li key={`${hit.taxonomy}:${hit.code}`} className="cluster">
                <span>
                  <span lang={hit.titleLanguage}>{hit.title}</span>{' '}
                  <span className="muted">· {source(hit.taxonomy)}</span>
                </span>
                <Button
                  variant="secondary"
                  isDisabled={change.isPending}
                  aria-label={t('trainings.linkNamed', { title: hit.title, source: source(hit.taxonomy) })}
                  onPress={() =>
                    change.mutate({ occupation: { taxonomy: hit.taxonomy, code: hit.code }, linked: true })
                  }
                >
                  {t('trainings.link')}
                </Button>
              </li>
            ))}
        </ul>
      )}
    </section>
  )
}
