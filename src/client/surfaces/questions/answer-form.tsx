import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { questionAnswerInputSchema, type StaffQuestion } from '../../../shared/schemas/questions'
import { languageName } from '../../features/centres/localized-fields'
import { type PickedService, ServicePicker } from '../../features/directory/service-picker'
import { EventPicker, type PickedEvent } from '../../features/events/event-picker'
import { useAnswerQuestion } from '../../features/questions/api'
import { type PickedResource, ResourcePicker } from '../../features/resources/resource-picker'
import { useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { QuestionTextField } from './question-text-field'

/**
 * A counsellor's answer, in the visitor's language, with what to look at: resources of the centre's
 * catalogue, services of the directory, events to come. Never signed: the visitor reads "a counsellor".
 * A colleague who answered first (409) is said above, and their answer shows in the thread.
 */
export function AnswerForm({
  slug,
  question,
  onAnswered,
  onColleague,
}: {
  slug: string
  question: StaffQuestion
  onAnswered: () => void
  onColleague: (message: string) => void
}) {
  const t = useT()
  const intl = useIntl()
  const answer = useAnswerQuestion(slug, question.id)
  const [text, setText] = useState('')
  const [resources, setResources] = useState<PickedResource[]>([])
  const [services, setServices] = useState<PickedService[]>([])
  const [events, setEvents] = useState<PickedEvent[]>([])
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    const input = {
      text,
      attachments: [
        ...resources.map((r) => ({ kind: 'resource' as const, ref: r.id })),
        ...services.map((s) => ({ kind: 'service' as const, ref: s.id })),
        ...events.map((e) => ({ kind: 'event' as const, ref: e.id })),
      ],
    }
    const checked = validate(questionAnswerInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data)
      return setMessage(fieldError(checked.errors ?? {}, 'attachments') ?? t('error.validation'))
    answer.mutate(checked.data, {
      onSuccess: onAnswered,
      onError: (error) => {
        const failure = errorsFromApi(error, t)
        if (error instanceof ApiError && error.status === 409) return onColleague(failure.message)
        setErrors(failure.fields)
        setMessage(fieldError(failure.fields, 'attachments') ?? failure.message)
      },
    })
  }

  return (
    <section className="card no-print" aria-labelledby="question-answer-title">
      <h2 id="question-answer-title">{t('questions.answer.title')}</h2>
      <Form onSubmit={submit} className="questions-form">
        <p className="muted">
          {t('questions.answer.intro', { language: languageName(question.language, intl.locale) })}
        </p>
        {message && <Alert tone="error">{message}</Alert>}
        <QuestionTextField
          label={t('questions.answer.label')}
          value={text}
          onChange={setText}
          error={fieldError(errors, 'text')}
        />
        <ResourcePicker
          slug={slug}
          legend={t('questions.answer.resources')}
          emptyText={t('questions.answer.noResource')}
          value={resources}
          onChange={setResources}
        />
        <ServicePicker
          slug={slug}
          legend={t('questions.answer.services')}
          value={services}
          onChange={setServices}
        />
        <EventPicker
          slug={slug}
          legend={t('questions.answer.events')}
          emptyText={t('questions.answer.noEvent')}
          searchLabel={t('questions.answer.eventSearch')}
          value={events}
          onChange={setEvents}
        />
        <Button type="submit" isDisabled={answer.isPending}>
          {t('questions.answer.send')}
        </Button>
      </Form>
    </section>
  )
}
