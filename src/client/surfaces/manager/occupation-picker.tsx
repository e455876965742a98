import { useEffect, useState } from 'react'
import type { OccupationRef } from '../../../shared/schemas/resources'
import { MIN_QUERY, useOccupationSearch } from '../../features/occupations/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { TextField } from '../../ui/text-field'

export type PickedOccupation = OccupationRef & { title: string }

/** Links a resource to occupations of the imported reference data, found the way visitors find them. */
export function OccupationPicker({
  value,
  onChange,
  error,
}: {
  value: PickedOccupation[]
  onChange: (value: PickedOccupation[]) => void
  error?: string | undefined
}) {
  const t = useT()
  const { locale } = useLocale()
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed), 250)
    return () => clearTimeout(timer)
  }, [typed])
  const search = useOccupationSearch(query, locale)
  const key = (o: OccupationRef) => `${o.taxonomy}:${o.code}`
  const chosen = new Set(value.map(key))
  const hits =
    query.trim().length >= MIN_QUERY ? (search.data?.items ?? []).filter((hit) => !chosen.has(key(hit))) : []

  return (
    <fieldset className="occupation-picker">
      <legend>{t('resources.field.occupations')}</legend>
      {error && <p className="field__error">{error}</p>}
      {value.length === 0 ? (
        <p className="muted">{t('resources.noOccupations')}</p>
      ) : (
        <ul className="plain-list stack-tight">
          {value.map((occupation) => (
            <li key={key(occupation)} className="cluster">
              <span>{occupation.title}</span>
              <Button
                variant="quiet"
                aria-label={t('resources.removeOccupation', { title: occupation.title })}
                onPress={() => onChange(value.filter((o) => key(o) !== key(occupation)))}
              >
                {t('resources.unlink')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <TextField
        label={t('resources.occupationSearch')}
        value={typed}
        onChange={setTyped}
        maxLength={200}
        autoComplete="off"
      />
      {hits.length > 0 && (
        <ul className="plain-list stack-tight">
          {hits.slice(0, 8).map((hit) => (
            <li key={key(hit)}>
              <Button
                variant="secondary"
                onPress={() =>
                  onChange([...value, { taxonomy: hit.taxonomy, code: hit.code, title: hit.title }])
                }
              >
                {t('resources.addOccupation', { title: hit.title })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
