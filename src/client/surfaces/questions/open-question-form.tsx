import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { useNavigate } from 'react-router'
import { canonicalQuestionCode, questionPath } from '../../features/questions/code'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { TextField } from '../../ui/text-field'

/** "I already have a code": the way back to a question and its answer, the code typed as it comes. */
export function OpenQuestionForm() {
  const t = useT()
  const navigate = useNavigate()
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | undefined>()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const code = canonicalQuestionCode(typed)
    if (!code) return setError(t('questions.open.codeFormat'))
    setError(undefined)
    navigate(questionPath(code))
  }

  return (
    <section className="card stack" aria-labelledby="question-open-title">
      <h2 id="question-open-title">{t('questions.open.title')}</h2>
      <Form onSubmit={submit} className="questions-open">
        <TextField
          label={t('questions.open.codeLabel')}
          hint={t('questions.open.codeHint')}
          value={typed}
          onChange={setTyped}
          error={error}
          maxLength={40}
          autoComplete="off"
        />
        <Button type="submit" variant="secondary">
          {t('questions.open.submit')}
        </Button>
      </Form>
    </section>
  )
}
