import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { questionReplyInputSchema } from '../../../shared/schemas/questions'
import { useReplyToQuestion } from '../../features/questions/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { QuestionTextField } from './question-text-field'

/** The visitor's one reply, after the first answer; once sent, the question waits for a counsellor again. */
export function ReplyForm({ code, onSent }: { code: string; onSent: () => void }) {
  const t = useT()
  const reply = useReplyToQuestion(code)
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    const checked = validate(questionReplyInputSchema, { text }, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setMessage(t('error.validation'))
    reply.mutate(checked.data.text, {
      onSuccess: onSent,
      onError: (error) => {
        const failure = errorsFromApi(error, t)
        setErrors(failure.fields)
        setMessage(failure.message)
      },
    })
  }

  return (
    <section className="card no-print" aria-labelledby="question-reply-title">
      <h2 id="question-reply-title">{t('questions.reply.title')}</h2>
      <Form onSubmit={submit} className="questions-form">
        <p className="questions-privacy">{t('questions.reply.intro')}</p>
        {message && <Alert tone="error">{message}</Alert>}
        <QuestionTextField
          label={t('questions.reply.label')}
          value={text}
          onChange={setText}
          error={fieldError(errors, 'text')}
        />
        <Button type="submit" isDisabled={reply.isPending}>
          {t('questions.reply.send')}
        </Button>
      </Form>
    </section>
  )
}
