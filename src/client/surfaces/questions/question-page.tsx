import { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { Link, useNavigate, useParams } from 'react-router'
import type { QuestionView } from '../../../shared/schemas/questions'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useQuestion } from '../../features/questions/api'
import { askPath, canonicalQuestionCode, questionPath } from '../../features/questions/code'
import { useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { Alert } from '../../ui/alert'
import { Page } from '../../ui/page'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { QuestionCodeCard } from './question-code-card'
import { QuestionThread } from './question-thread'
import { ReplyForm } from './reply-form'
import './questions.css'

/**
 * A question opened by its code alone: where it stands (and when an answer is due), the thread with the
 * answers and what they point to, the one reply the visitor may give, and the code to print.
 */
export function QuestionPage() {
  const { code: typed = '' } = useParams()
  const t = useT()
  const navigate = useNavigate()
  const canonical = canonicalQuestionCode(typed)
  const code = canonical ?? typed
  const found = useQuestion(code)
  const home = usePortalHome(found.data?.centre ?? '')
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const brand = home.data ? text(home.data.centre.name) : undefined
  const brandTo = found.data ? `/c/${found.data.centre}` : '/'

  // A code typed loosely in the address is shown, printed and linked in its canonical form.
  useEffect(() => {
    if (canonical && canonical !== typed) navigate(questionPath(canonical), { replace: true })
  }, [canonical, typed, navigate])

  if (found.isPending)
    return (
      <Page title={t('questions.page.title')} brand={brand} brandTo={brandTo}>
        <Loading />
      </Page>
    )
  if (found.isError) {
    const missing = found.error instanceof ApiError && found.error.status === 404
    return (
      <Page title={missing ? t('questions.page.notFoundTitle') : t('questions.page.title')} brandTo={brandTo}>
        {missing ? (
          <EmptyState title={t('questions.page.notFoundTitle')}>
            <p>{found.error.message}</p>
          </EmptyState>
        ) : (
          <ErrorMessage error={found.error} />
        )}
      </Page>
    )
  }
  return (
    <Page title={t('questions.page.title')} brand={brand} brandTo={brandTo}>
      <QuestionDetails
        code={code}
        view={found.data}
        timeZone={home.data?.centre.timezone ?? 'Europe/Paris'}
      />
    </Page>
  )
}

function QuestionDetails({ code, view, timeZone }: { code: string; view: QuestionView; timeZone: string }) {
  const t = useT()
  const intl = useIntl()
  const text = useLocalized()
  const [replied, setReplied] = useState(false)
  const due = intl.formatDate(view.answerBy, { dateStyle: 'full', timeZone })
  return (
    <div className="question stack">
      {replied && <Alert tone="success">{t('questions.reply.sent')}</Alert>}
      <section className="card stack-tight" aria-labelledby="question-status">
        <h2 id="question-status" className="question-status" data-status={view.status}>
          {t(`questions.status.${view.status}`)}
        </h2>
        <p>
          {view.status === 'waiting'
            ? t('questions.page.waiting', { date: due })
            : view.status === 'answered'
              ? t('questions.page.answered')
              : t('questions.page.closed')}
        </p>
        <p className="muted">
          {t('questions.page.asked', {
            date: intl.formatDate(view.createdAt, { dateStyle: 'long', timeZone }),
          })}
          {view.area && ` · ${t('questions.page.area', { area: text(view.area.name) })}`}
        </p>
        {view.status === 'closed' && (
          <p className="no-print">
            <Link to={askPath(view.centre)}>{t('questions.page.askNew')}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="question-thread-title">
        <h2 id="question-thread-title">{t('questions.page.threadTitle')}</h2>
        <QuestionThread centre={view.centre} messages={view.messages} reader="visitor" timeZone={timeZone} />
      </section>

      {view.canReply && <ReplyForm code={code} onSent={() => setReplied(true)} />}
      <QuestionCodeCard code={code} fresh={false} />
    </div>
  )
}
