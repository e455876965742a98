import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { NOTEBOOK_LIMITS, notebookSummaryInputSchema } from '../../../shared/schemas/notebooks'
import { type PickedService, ServicePicker } from '../../features/directory/service-picker'
import { useAddSummary } from '../../features/notebooks/api'
import { canonicalNotebookCode } from '../../features/notebooks/code'
import { type PickedResource, ResourcePicker } from '../../features/resources/resource-picker'
import { useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { TextField } from '../../ui/text-field'

/**
 * The visitor's notebook, with the code they show: a summary of the interview and resources or
 * services to come back to, added to it. The counsellor never sees the notebook — only that it was
 * added to. Folded away: most interviews have none.
 */
export function NotebookPanel({ slug }: { slug: string }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  // Each notebook added to starts a fresh form: nothing of the previous visitor stays on the screen.
  const [added, setAdded] = useState(0)
  return (
    <details
      className="card profile-panel notebook-panel"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t('notebook.desk.title')}</summary>
      {open && (
        <div className="stack notebook-panel__body">
          <p className="muted">{t('notebook.desk.intro')}</p>
          {added > 0 && <Alert tone="success">{t('notebook.desk.added')}</Alert>}
          <SummaryForm key={added} slug={slug} onAdded={() => setAdded((count) => count + 1)} />
        </div>
      )}
    </details>
  )
}

function SummaryForm({ slug, onAdded }: { slug: string; onAdded: () => void }) {
  const t = useT()
  const add = useAddSummary(slug)
  const [code, setCode] = useState('')
  const [text, setText] = useState('')
  const [resources, setResources] = useState<PickedResource[]>([])
  const [services, setServices] = useState<PickedService[]>([])
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    const canonical = canonicalNotebookCode(code)
    const input = {
      text,
      items: [
        ...resources.map((resource) => ({ kind: 'resource' as const, ref: resource.id })),
        ...services.map((service) => ({ kind: 'service' as const, ref: service.id })),
      ],
    }
    const checked = validate(notebookSummaryInputSchema, input, t)
    const found: FieldErrors = { ...checked.errors }
    if (!canonical) found.code = t('notebook.open.codeFormat')
    setErrors(found)
    if (!checked.data || !canonical) return setMessage(t('error.validation'))
    add.mutate(
      { code: canonical, input: checked.data },
      {
        onSuccess: onAdded,
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          if (error instanceof ApiError && error.status === 404) {
            setErrors({ code: failure.message })
            return
          }
          setErrors(failure.fields)
          setMessage(failure.message)
        },
      },
    )
  }

  return (
    <Form onSubmit={submit} className="stack">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField
        label={t('notebook.desk.code')}
        hint={t('notebook.open.codeHint')}
        value={code}
        onChange={setCode}
        error={fieldError(errors, 'code')}
        maxLength={40}
        autoComplete="off"
      />
      <TextField
        label={t('notebook.desk.summary')}
        hint={t('notebook.desk.summaryHint', { max: NOTEBOOK_LIMITS.summary })}
        multiline
        value={text}
        onChange={setText}
        error={fieldError(errors, 'text')}
      />
      <ResourcePicker
        slug={slug}
        legend={t('notebook.desk.resources')}
        emptyText={t('notebook.desk.noResources')}
        value={resources}
        onChange={setResources}
      />
      <ServicePicker
        slug={slug}
        legend={t('notebook.desk.services')}
        value={services}
        onChange={setServices}
        error={fieldError(errors, 'items')}
      />
      <div>
        <Button type="submit" isDisabled={add.isPending}>
          {t('notebook.desk.add')}
        </Button>
      </div>
    </Form>
  )
}
