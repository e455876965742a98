import { useState } from 'react'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { LinkPicker } from '../../ui/link-picker'
import { MIN_QUERY, useResources } from './api'

export type PickedResource = { id: string; title: string }

/** Picks resources of the centre's catalogue as visitors find them, by their words. */
export function ResourcePicker({
  slug,
  legend,
  emptyText,
  value,
  onChange,
}: {
  slug: string
  legend: string
  emptyText: string
  value: PickedResource[]
  onChange: (value: PickedResource[]) => void
}) {
  const t = useT()
  const { locale } = useLocale()
  const [query, setQuery] = useState('')
  const searching = query.trim().length >= MIN_QUERY
  const found = useResources(slug, { q: query }, locale, searching)
  const hits = searching ? (found.data?.pages[0]?.items ?? []).map(({ id, title }) => ({ id, title })) : []
  return (
    <LinkPicker
      legend={legend}
      emptyText={emptyText}
      searchLabel={t('notebook.desk.resourceSearch')}
      value={value}
      keyOf={(resource) => resource.id}
      labelOf={(resource) => resource.title}
      hits={hits}
      onSearch={setQuery}
      onChange={onChange}
    />
  )
}
