import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { useSearchParams } from 'react-router'
import type { Area, Centre } from '../../../shared/schemas/centres'
import { questionInputSchema } from '../../../shared/schemas/questions'
import { languageName } from '../../features/centres/localized-fields'
import { useLocalized } from '../../features/centres/use-localized'
import { useAskQuestion } from '../../features/questions/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { QuestionTextField } from './question-text-field'

const NO_AREA = 'none'

/**
 * The question itself: what it is about (optional, as a concern, never an institution), its language,
 * and the text — with the plain reminder that nobody will contact the asker, so nothing about them is
 * needed. `?area=` preselects an area, for a link from an area's page.
 */
export function AskForm({
  centre,
  areas,
  onAsked,
}: {
  centre: Centre
  areas: Area[]
  onAsked: (code: string) => void
}) {
  const t = useT()
  const intl = useIntl()
  const { locale } = useLocale()
  const text = useLocalized(centre.defaultLanguage)
  const [params] = useSearchParams()
  const ask = useAskQuestion(centre.slug)
  const [area, setArea] = useState(() => areas.find((a) => a.slug === params.get('area'))?.slug ?? NO_AREA)
  const [language, setLanguage] = useState(() =>
    centre.languages.includes(locale) ? locale : centre.defaultLanguage,
  )
  const [question, setQuestion] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    const input = { ...(area === NO_AREA ? {} : { area }), language, text: question }
    const checked = validate(questionInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setMessage(t('error.validation'))
    ask.mutate(checked.data, {
      onSuccess: (asked) => onAsked(asked.code),
      onError: (error) => {
        const failure = errorsFromApi(error, t)
        setErrors(failure.fields)
        setMessage(failure.message)
      },
    })
  }

  return (
    <section className="card" aria-labelledby="question-ask-title">
      <h2 id="question-ask-title">{t('questions.ask.formTitle')}</h2>
      <Form onSubmit={submit} className="questions-form">
        <p className="questions-privacy">{t('questions.ask.privacy')}</p>
        {message && <Alert tone="error">{message}</Alert>}
        <SelectField
          label={t('questions.ask.areaLabel')}
          value={area}
          onChange={setArea}
          error={fieldError(errors, 'area')}
          options={[
            { id: NO_AREA, label: t('questions.ask.areaNone') },
            ...areas.map((a) => ({ id: a.slug, label: text(a.name) })),
          ]}
        />
        <SelectField
          label={t('questions.ask.languageLabel')}
          value={language}
          onChange={setLanguage}
          error={fieldError(errors, 'language')}
          options={centre.languages.map((code) => ({ id: code, label: languageName(code, intl.locale) }))}
        />
        <QuestionTextField
          label={t('questions.ask.textLabel')}
          value={question}
          onChange={setQuestion}
          error={fieldError(errors, 'text')}
        />
        <p className="muted">{t('questions.ask.delay')}</p>
        <Button type="submit" isDisabled={ask.isPending}>
          {t('questions.ask.send')}
        </Button>
      </Form>
    </section>
  )
}
