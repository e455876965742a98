import { useEffect, useState } from 'react'
import { useLocation, useSearchParams } from 'react-router'
import { TextField } from './text-field'

/** Waits this long after the last key before asking: answers as you type, not on every letter. */
const TYPING_PAUSE_MS = 200

/**
 * A query typed in a search box and kept in the address (`?q=`), so the back button and a shared link
 * bring the same results: `typed` follows the keys, `query` (what to search) follows once typing pauses.
 * Only typing rewrites the address — a rewrite on arrival could undo a click on a result made while its
 * page was loading — and never once the reader has left for another page (a result clicked within the
 * pause, while this page still shows as the next one loads).
 */
export function useTypedQuery(): { typed: string; setTyped: (value: string) => void; query: string } {
  const [params, setParams] = useSearchParams()
  const { pathname } = useLocation()
  const query = params.get('q') ?? ''
  const [typed, setTyped] = useState(query)
  useEffect(() => {
    if (typed === query) return
    const timer = setTimeout(
      () =>
        window.location.pathname === pathname &&
        setParams(
          (current) => {
            const next = new URLSearchParams(current)
            if (typed.trim()) next.set('q', typed)
            else next.delete('q')
            return next
          },
          { replace: true },
        ),
      TYPING_PAUSE_MS,
    )
    return () => clearTimeout(timer)
  }, [typed, query, setParams, pathname])
  return { typed, setTyped, query }
}

/** A search landmark holding one labelled field; Enter never reloads the page. */
export function SearchBox(props: {
  label: string
  hint: string
  value: string
  onChange: (value: string) => void
  className?: string
}) {
  return (
    <search className={props.className}>
      <form onSubmit={(event) => event.preventDefault()}>
        <TextField
          label={props.label}
          hint={props.hint}
          value={props.value}
          onChange={props.onChange}
          maxLength={200}
          autoComplete="off"
        />
      </form>
    </search>
  )
}
