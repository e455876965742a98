import type { ReactNode } from 'react'
import { Checkbox as AriaCheckbox } from 'react-aria-components'

/** One labelled checkbox, drawn like those of a checkbox group. */
export function Checkbox({
  isSelected,
  onChange,
  children,
}: {
  isSelected: boolean
  onChange: (selected: boolean) => void
  children: ReactNode
}) {
  return (
    <AriaCheckbox className="checkbox" isSelected={isSelected} onChange={onChange}>
      <span className="checkbox__box" aria-hidden="true" />
      {children}
    </AriaCheckbox>
  )
}
