import { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router'
import type { Notebook } from '../../../shared/schemas/notebooks'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useNotebook } from '../../features/notebooks/api'
import { canonicalNotebookCode } from '../../features/notebooks/code'
import { forgetCodeEverywhere } from '../../features/notebooks/memory'
import { useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { Alert } from '../../ui/alert'
import { Page } from '../../ui/page'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { NotebookActions } from './notebook-actions'
import { NotebookCodeCard } from './notebook-code-card'
import { NotebookItems } from './notebook-items'
import { NotebookNotes } from './notebook-notes'
import { NotebookPlan } from './notebook-plan'
import './notebook.css'

/** What the door page says when it sends the visitor here. */
export type NotebookArrival = { fresh?: boolean; saved?: boolean; saveError?: string }

/**
 * The visitor's notebook, opened by its code alone (typed loosely: the address is made canonical
 * first, so that a remembered code and the address agree).
 */
export function NotebookPage() {
  const { code: typed = '' } = useParams()
  const location = useLocation()
  const code = canonicalNotebookCode(typed)
  if (code && code !== typed) return <Navigate to={`/n/${code}`} replace state={location.state} />
  return <NotebookView code={code} />
}

function NotebookView({ code }: { code: string | null }) {
  const t = useT()
  const navigate = useNavigate()
  const location = useLocation()
  // Said once: the arrival's messages are dropped from the history, so a reload does not repeat them.
  const [arrival] = useState(() => (location.state ?? {}) as NotebookArrival)
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null })
  }, [location.state, location.pathname, navigate])
  const found = useNotebook(code)
  const home = usePortalHome(found.data?.centre ?? '')
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const brand = home.data ? text(home.data.centre.name) : undefined
  const brandTo = found.data ? `/c/${found.data.centre}` : '/'
  const missing = !code || (found.error instanceof ApiError && found.error.status === 404)
  useEffect(() => {
    if (missing && code) forgetCodeEverywhere(code)
  }, [missing, code])

  if (missing)
    return (
      <Page title={t('notebook.notFoundTitle')}>
        <EmptyState title={t('notebook.notFoundTitle')}>
          <p>{t('notebook.notFoundText')}</p>
          <p>
            <Link to="/">{t('ui.backHome')}</Link>
          </p>
        </EmptyState>
      </Page>
    )
  if (found.isPending || found.isError)
    return (
      <Page title={t('notebook.title')} brand={brand} brandTo={brandTo}>
        {found.isPending ? <Loading /> : <ErrorMessage error={found.error} />}
      </Page>
    )

  const notebook = found.data
  return (
    <Page title={t('notebook.title')} brand={brand} brandTo={brandTo}>
      {brand && <p className="print-only">{brand}</p>}
      <p className="notebook__intro no-print">{t('notebook.intro')}</p>
      {arrival.saved && <Alert tone="success">{t('notebook.save.saved')}</Alert>}
      {arrival.saveError && <Alert tone="error">{arrival.saveError}</Alert>}
      <div className="notebook" data-fresh={arrival.fresh || undefined}>
        <aside className="notebook__aside" aria-label={t('notebook.code.region')}>
          <NotebookCodeCard code={code} centre={notebook.centre} fresh={Boolean(arrival.fresh)} />
        </aside>
        <div className="notebook__main">
          <NotebookItems code={code} notebook={notebook} />
          <NotebookNotes code={code} saved={notebook.notes} />
          <NotebookPlan code={code} plan={notebook.plan} />
          <Summaries summaries={notebook.summaries} />
          <NotebookActions code={code} notebook={notebook} centreName={brand ?? ''} />
        </div>
      </div>
    </Page>
  )
}

/** What counsellors added at the desk, with the visitor's code in hand: read-only, dated. */
function Summaries({ summaries }: { summaries: Notebook['summaries'] }) {
  const t = useT()
  const intl = useIntl()
  return (
    <section
      className={`notebook-section${summaries.length === 0 ? ' no-print' : ''}`}
      aria-labelledby="notebook-summaries-title"
    >
      <h2 id="notebook-summaries-title">{t('notebook.summaries.title')}</h2>
      {summaries.length === 0 ? (
        <p className="muted">{t('notebook.summaries.empty')}</p>
      ) : (
        <ul className="plain-list stack">
          {summaries.map((summary) => (
            <li key={summary.id} className="notebook-summary">
              <p className="muted notebook-summary__date">
                <time dateTime={summary.at}>
                  {intl.formatDate(new Date(summary.at), { dateStyle: 'long', timeStyle: 'short' })}
                </time>
              </p>
              <p className="notebook-summary__text">{summary.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
