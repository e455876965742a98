import { useState } from 'react'
import type { OccupationRef } from '../../../shared/schemas/resources'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { LinkPicker } from '../../ui/link-picker'
import { MIN_QUERY, useOccupationSearch } from './api'

export type PickedOccupation = OccupationRef & { title: string }

const keyOf = (o: OccupationRef) => `${o.taxonomy}:${o.code}`

/** Links something (a resource, a note) to occupations of the imported reference data, found the way visitors find them. */
export function OccupationPicker({
  legend,
  value,
  onChange,
  error,
}: {
  legend: string
  value: PickedOccupation[]
  onChange: (value: PickedOccupation[]) => void
  error?: string | undefined
}) {
  const t = useT()
  const { locale } = useLocale()
  const [query, setQuery] = useState('')
  const search = useOccupationSearch(query, locale)
  const hits =
    query.trim().length >= MIN_QUERY
      ? (search.data?.items ?? []).map(({ taxonomy, code, title }) => ({ taxonomy, code, title }))
      : []
  return (
    <LinkPicker
      legend={legend}
      emptyText={t('resources.noOccupations')}
      searchLabel={t('resources.occupationSearch')}
      value={value}
      keyOf={keyOf}
      labelOf={(o) => o.title}
      hits={hits}
      onSearch={setQuery}
      onChange={onChange}
      error={error}
    />
  )
}
