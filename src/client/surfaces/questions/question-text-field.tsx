import { useIntl } from 'react-intl'
import { QUESTION_MAX } from '../../../shared/schemas/questions'
import { useT } from '../../i18n/i18n-provider'
import { TextField } from '../../ui/text-field'

/** The text of a question, a reply or an answer, with how much of the 4,000 characters it uses. */
export function QuestionTextField({
  label,
  value,
  onChange,
  error,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
}) {
  const t = useT()
  const intl = useIntl()
  return (
    <TextField
      label={label}
      hint={t('questions.form.count', {
        count: intl.formatNumber(value.length),
        max: intl.formatNumber(QUESTION_MAX),
      })}
      multiline
      value={value}
      onChange={onChange}
      error={error}
      maxLength={QUESTION_MAX}
      autoComplete="off"
    />
  )
}
