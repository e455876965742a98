import { useState } from 'react'
import { LinkPicker } from '../../ui/link-picker'
import { useLocalized } from '../centres/use-localized'
import { useStaffEvents } from './api'

export type PickedEvent = { id: string; title: string }

/**
 * Picks events of the centre with a session to come, found by the words of their title. The list is
 * short (the centre's coming weeks), so it is read once and matched here, accents and case aside.
 */
export function EventPicker({
  slug,
  legend,
  emptyText,
  searchLabel,
  value,
  onChange,
}: {
  slug: string
  legend: string
  emptyText: string
  searchLabel: string
  value: PickedEvent[]
  onChange: (value: PickedEvent[]) => void
}) {
  const text = useLocalized()
  const [query, setQuery] = useState('')
  const events = useStaffEvents(slug)
  const words = fold(query).split(/\s+/).filter(Boolean)
  const hits =
    words.length === 0
      ? []
      : (events.data ?? [])
          .filter((event) => !event.cancelled && event.nextStartsAt !== null)
          .map((event) => ({ id: event.id, title: text(event.title) }))
          .filter((event) => words.every((word) => fold(event.title).includes(word)))
  return (
    <LinkPicker
      legend={legend}
      emptyText={emptyText}
      searchLabel={searchLabel}
      value={value}
      keyOf={(event) => event.id}
      labelOf={(event) => event.title}
      hits={hits}
      onSearch={setQuery}
      onChange={onChange}
    />
  )
}

const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
