import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import type { Notebook, NotebookItem, NotebookItemKind } from '../../../shared/schemas/notebooks'
import { notebookKeys, removeNotebookItem } from '../../features/notebooks/api'
import { useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { ErrorMessage } from '../../ui/states'
import { itemKindOrder, itemPath } from './item-path'

/** How long "undo" stays before a removal is sent. */
const UNDO_MS = 6_000

/**
 * Taking something out waits a few seconds, with "undo", before it is sent: a slip of the finger on a
 * phone costs nothing. Leaving the page sends it at once.
 */
function useUndoableRemoval(code: string) {
  const client = useQueryClient()
  const [pending, setPending] = useState<NotebookItem | null>(null)
  const [error, setError] = useState<unknown>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const waiting = useRef<NotebookItem | null>(null)

  const send = useCallback(
    (item: NotebookItem, keepalive = false) => {
      removeNotebookItem(code, item.id, keepalive)
        .then((notebook) => client.setQueryData(notebookKeys.one(code), notebook))
        .catch(setError)
    },
    [client, code],
  )
  const flush = useCallback(
    (keepalive = false) => {
      clearTimeout(timer.current)
      if (waiting.current) send(waiting.current, keepalive)
      waiting.current = null
    },
    [send],
  )
  useEffect(() => {
    // Closing or reloading the page sends it too, in a request that outlives the page.
    const leave = () => flush(true)
    window.addEventListener('pagehide', leave)
    return () => {
      window.removeEventListener('pagehide', leave)
      flush()
    }
  }, [flush])

  const remove = (item: NotebookItem) => {
    flush()
    setError(null)
    waiting.current = item
    setPending(item)
    timer.current = setTimeout(() => {
      flush()
      setPending(null)
    }, UNDO_MS)
  }
  const undo = () => {
    clearTimeout(timer.current)
    waiting.current = null
    setPending(null)
  }
  return { pending, error, remove, undo }
}

const kindTitle = {
  occupation: 'notebook.kind.occupation',
  training: 'notebook.kind.training',
  resource: 'notebook.kind.resource',
  event: 'notebook.kind.event',
  booking: 'notebook.kind.booking',
  service: 'notebook.kind.service',
} as const satisfies Record<NotebookItemKind, string>

/** What the visitor (or a counsellor) saved, by kind, each a link back to its page and removable. */
export function NotebookItems({ code, notebook }: { code: string; notebook: Notebook }) {
  const t = useT()
  const { pending, error, remove, undo } = useUndoableRemoval(code)
  const undoButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    // The removed item's button is gone: focus goes to "undo" rather than to the top of the page.
    if (pending) undoButton.current?.focus()
  }, [pending])
  const shown = notebook.items.filter((item) => item.id !== pending?.id)
  const centre = notebook.centre

  return (
    <section className="notebook-section" aria-labelledby="notebook-items-title">
      <h2 id="notebook-items-title">{t('notebook.items.title')}</h2>
      {pending && (
        <Alert tone="info">
          <span className="notebook-undo">
            {t('notebook.items.removed', { title: pending.title })}
            <Button ref={undoButton} variant="secondary" onPress={undo}>
              {t('notebook.items.undo')}
            </Button>
          </span>
        </Alert>
      )}
      {Boolean(error) && <ErrorMessage error={error} />}
      {shown.length === 0 ? (
        <div className="muted">
          <p>{t('notebook.items.empty')}</p>
          <p className="cluster no-print">
            <Link to={`/c/${centre}/occupations`}>{t('portal.exploreOccupations')}</Link>
            <Link to={`/c/${centre}/resources`}>{t('resources.portalLink')}</Link>
            <Link to={`/c/${centre}/events`}>{t('events.portalLink')}</Link>
          </p>
        </div>
      ) : (
        itemKindOrder.map((kind) => {
          const items = shown.filter((item) => item.kind === kind)
          if (items.length === 0) return null
          return (
            <section key={kind} aria-labelledby={`notebook-kind-${kind}`} className="notebook-kind">
              <h3 id={`notebook-kind-${kind}`}>{t(kindTitle[kind])}</h3>
              <ul className="plain-list notebook-items">
                {items.map((item) => (
                  <li key={item.id} className="notebook-item">
                    <div className="notebook-item__what">
                      <Link to={itemPath(centre, item)}>{item.title}</Link>
                      {item.addedBy === 'counsellor' && (
                        <span className="tag notebook-item__by">{t('notebook.items.byCounsellor')}</span>
                      )}
                      {item.note && <p className="notebook-item__note">{item.note}</p>}
                    </div>
                    <Button
                      variant="quiet"
                      aria-label={t('notebook.items.removeNamed', { title: item.title })}
                      onPress={() => remove(item)}
                    >
                      {t('notebook.items.remove')}
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          )
        })
      )}
    </section>
  )
}
