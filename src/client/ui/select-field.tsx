import type { ReactNode } from 'react'
import {
  Button as AriaButton,
  Select as AriaSelect,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
} from 'react-aria-components'

type Option = { id: string; label: string; icon?: ReactNode }

type Props = {
  label: string
  options: readonly Option[]
  value: string | null
  onChange: (value: string) => void
  error?: string | undefined
  isRequired?: boolean
}

export function SelectField({ label, options, value, onChange, error, isRequired }: Props) {
  return (
    <AriaSelect
      className="field"
      value={value}
      onChange={(key) => key !== null && onChange(String(key))}
      isInvalid={Boolean(error)}
      isRequired={isRequired ?? false}
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      <AriaButton className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </AriaButton>
      <FieldError className="field__error">{error}</FieldError>
      <Popover className="select-popover">
        <ListBox items={options}>
          {(option) => (
            <ListBoxItem className="select-option" id={option.id} textValue={option.label}>
              {option.icon}
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  )
}
