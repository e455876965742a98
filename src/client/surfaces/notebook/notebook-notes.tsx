import { useState } from 'react'
import { useIntl } from 'react-intl'
import { NOTEBOOK_LIMITS, notebookNotesInputSchema } from '../../../shared/schemas/notebooks'
import { useSaveNotes } from '../../features/notebooks/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { TextField } from '../../ui/text-field'

/**
 * The visitor's own notes: plain text, kept as typed and always shown as text, saved when they say so.
 * The count says how much room is left; the printed page shows the saved text, not the field.
 */
export function NotebookNotes({ code, saved }: { code: string; saved: string }) {
  const t = useT()
  const intl = useIntl()
  const save = useSaveNotes(code)
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | undefined>()
  const value = draft ?? saved
  const changed = draft !== null && draft !== saved

  const submit = () => {
    const checked = validate(notebookNotesInputSchema, { notes: value }, t)
    setError(checked.errors ? fieldError(checked.errors, 'notes') : undefined)
    if (!checked.data) return
    save.mutate(checked.data.notes, {
      onSuccess: () => setDraft(null),
      onError: (failure) => {
        const { fields, message } = errorsFromApi(failure, t)
        setError(fieldError(fields, 'notes') ?? message)
      },
    })
  }

  return (
    <section className="notebook-section" aria-labelledby="notebook-notes-title">
      <h2 id="notebook-notes-title">{t('notebook.notes.title')}</h2>
      <form
        className="no-print"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <TextField
          label={t('notebook.notes.label')}
          hint={t('notebook.notes.count', {
            count: intl.formatNumber(value.length),
            max: intl.formatNumber(NOTEBOOK_LIMITS.notes),
          })}
          multiline
          value={value}
          onChange={(next) => {
            setDraft(next)
            save.reset()
          }}
          error={error}
          autoComplete="off"
        />
        <div className="cluster">
          <Button type="submit" variant={changed ? 'primary' : 'secondary'} isDisabled={save.isPending}>
            {t('notebook.notes.save')}
          </Button>
          {changed && <span className="muted">{t('notebook.notes.unsaved')}</span>}
        </div>
      </form>
      {save.isSuccess && !changed && (
        <div className="no-print">
          <Alert tone="success">{t('notebook.notes.saved')}</Alert>
        </div>
      )}
      <div className="print-only notebook-notes__print">{saved || t('notebook.notes.none')}</div>
    </section>
  )
}
