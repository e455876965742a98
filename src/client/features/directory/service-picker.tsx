import { useState } from 'react'
import { useT } from '../../i18n/i18n-provider'
import { LinkPicker } from '../../ui/link-picker'
import { useLocalized } from '../centres/use-localized'
import { useStaffServices } from './api'

export type PickedService = { id: string; label: string }

/** Links something (a note, a referral) to services of the centre's directory, found by their words. */
export function ServicePicker({
  slug,
  legend,
  value,
  onChange,
  error,
}: {
  slug: string
  legend: string
  value: PickedService[]
  onChange: (value: PickedService[]) => void
  error?: string | undefined
}) {
  const t = useT()
  const text = useLocalized()
  const [query, setQuery] = useState('')
  const searching = query.trim().length > 0
  const services = useStaffServices(slug, { q: query }, searching)
  const hits = searching
    ? (services.data ?? []).map((service) => ({
        id: service.id,
        label: `${text(service.name)} — ${service.organisation}`,
      }))
    : []
  return (
    <LinkPicker
      legend={legend}
      emptyText={t('directory.noServiceLinked')}
      searchLabel={t('directory.serviceSearch')}
      value={value}
      keyOf={(s) => s.id}
      labelOf={(s) => s.label}
      hits={hits}
      onSearch={setQuery}
      onChange={onChange}
      error={error}
    />
  )
}
