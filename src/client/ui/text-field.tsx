import { TextField as AriaTextField, FieldError, Input, Label, Text, TextArea } from 'react-aria-components'

type Props = {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  hint?: string | undefined
  type?: 'text' | 'email' | 'password' | 'time' | 'date' | 'datetime-local' | 'url'
  multiline?: boolean
  isRequired?: boolean
  autoComplete?: string
  name?: string
  maxLength?: number
  inputMode?: 'text' | 'numeric'
}

/** A labelled text input whose error (from our schemas or the server) is announced and tied to it. */
export function TextField({ label, error, hint, multiline, type = 'text', ...props }: Props) {
  return (
    <AriaTextField
      className="field"
      isInvalid={Boolean(error)}
      type={type}
      validationBehavior="aria"
      {...props}
    >
      <Label>{label}</Label>
      {multiline ? <TextArea /> : <Input />}
      {hint && (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
    </AriaTextField>
  )
}
