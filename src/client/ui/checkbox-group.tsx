import { CheckboxGroup as AriaCheckboxGroup, Checkbox, FieldError, Label } from 'react-aria-components'

type Props = {
  label: string
  options: readonly { id: string; label: string }[]
  value: string[]
  onChange: (value: string[]) => void
  error?: string | undefined
}

export function CheckboxGroup({ label, options, value, onChange, error }: Props) {
  return (
    <AriaCheckboxGroup
      className="field"
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      <div className="checkbox-group">
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} className="checkbox">
            <span className="checkbox__box" aria-hidden="true" />
            {option.label}
          </Checkbox>
        ))}
      </div>
      <FieldError className="field__error">{error}</FieldError>
    </AriaCheckboxGroup>
  )
}
