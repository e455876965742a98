import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { GUIDE_TEXT_MAX, type GuideUnderstanding, guideTextInputSchema } from '../../../shared/schemas/guide'
import { useUnderstand } from '../../features/guide/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Button } from '../../ui/button'
import { TextField } from '../../ui/text-field'

/**
 * "Tell us in your own words": one sentence, in any language, read by the server for the phrases the
 * centre knows and searched by its meaningful words. It goes in a request body and is not kept; the
 * box keeps it only while the page is open.
 */
export function WordsBox({
  slug,
  onUnderstood,
  headingLevel = 2,
}: {
  slug: string
  onUnderstood: (understood: GuideUnderstanding) => void
  headingLevel?: 2 | 3
}) {
  const t = useT()
  const intl = useIntl()
  const understand = useUnderstand(slug)
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const Heading = `h${headingLevel}` as const

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(guideTextInputSchema, { text }, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return
    understand.mutate(checked.data, {
      onSuccess: onUnderstood,
      onError: (error) => {
        // Whatever went wrong is said on the box itself, where the visitor is looking.
        const failure = errorsFromApi(error, t)
        setErrors({ text: failure.fields.text ?? failure.message })
      },
    })
  }

  return (
    <section className="guide-words" aria-labelledby="guide-words-title">
      <Heading id="guide-words-title">{t('guide.wordsTitle')}</Heading>
      <Form onSubmit={submit} className="guide-words__form">
        <TextField
          label={t('guide.wordsLabel')}
          hint={`${t('guide.wordsHint')} ${t('guide.wordsCount', {
            count: intl.formatNumber(text.length),
            max: intl.formatNumber(GUIDE_TEXT_MAX),
          })}`}
          multiline
          value={text}
          onChange={setText}
          error={fieldError(errors, 'text')}
          maxLength={GUIDE_TEXT_MAX}
          autoComplete="off"
        />
        <Button type="submit" isDisabled={understand.isPending}>
          {t('guide.wordsSend')}
        </Button>
      </Form>
    </section>
  )
}
