import { useEffect, useState } from 'react'
import { useT } from '../i18n/i18n-provider'
import { Button } from './button'
import { TextField } from './text-field'

/**
 * Links something to items found by typing (occupations, services): the chosen ones listed with a way
 * to unlink each, a search field, and the matches not yet chosen as buttons to add. `onSearch` gets
 * what was typed once typing pauses.
 */
export function LinkPicker<T>({
  legend,
  emptyText,
  searchLabel,
  value,
  keyOf,
  labelOf,
  hits,
  onSearch,
  onChange,
  error,
}: {
  legend: string
  emptyText: string
  searchLabel: string
  value: T[]
  keyOf: (item: T) => string
  labelOf: (item: T) => string
  hits: T[]
  onSearch: (typed: string) => void
  onChange: (value: T[]) => void
  error?: string | undefined
}) {
  const t = useT()
  const [typed, setTyped] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => onSearch(typed), 250)
    return () => clearTimeout(timer)
  }, [typed, onSearch])
  const chosen = new Set(value.map(keyOf))
  const offered = hits.filter((hit) => !chosen.has(keyOf(hit))).slice(0, 8)

  return (
    <fieldset className="link-picker">
      <legend>{legend}</legend>
      {error && <p className="field__error">{error}</p>}
      {value.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="plain-list stack-tight">
          {value.map((item) => (
            <li key={keyOf(item)} className="cluster">
              <span>{labelOf(item)}</span>
              <Button
                variant="quiet"
                aria-label={t('ui.unlinkNamed', { name: labelOf(item) })}
                onPress={() => onChange(value.filter((other) => keyOf(other) !== keyOf(item)))}
              >
                {t('ui.unlink')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <TextField label={searchLabel} value={typed} onChange={setTyped} maxLength={200} autoComplete="off" />
      {offered.length > 0 && (
        <ul className="plain-list stack-tight">
          {offered.map((hit) => (
            <li key={keyOf(hit)}>
              <Button variant="secondary" onPress={() => onChange([...value, hit])}>
                {t('ui.linkNamed', { name: labelOf(hit) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
