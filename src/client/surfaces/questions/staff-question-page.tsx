import { useState } from 'react'
import { useIntl } from 'react-intl'
import { Link, useParams } from 'react-router'
import type { StaffQuestion } from '../../../shared/schemas/questions'
import { useCentre } from '../../features/centres/api'
import { languageName } from '../../features/centres/localized-fields'
import { useLocalized } from '../../features/centres/use-localized'
import { questionAnswererRoles, useHideMessage, useStaffQuestion } from '../../features/questions/api'
import { staffQuestionsPath } from '../../features/questions/code'
import { useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { ErrorMessage, Loading } from '../../ui/states'
import { StaffPage } from '../staff/staff-shell'
import { AnswerForm } from './answer-form'
import { QuestionThread } from './question-thread'
import './questions.css'

/** One question with its thread, the answer form while it waits, and the means to hide an abusive message. */
export function StaffQuestionPage() {
  const t = useT()
  return (
    <StaffPage title={t('questions.staff.questionTitle')} roles={questionAnswererRoles}>
      {() => <StaffQuestionView />}
    </StaffPage>
  )
}

function StaffQuestionView() {
  const t = useT()
  const { centre: slug = '', id = '' } = useParams()
  const centre = useCentre(slug)
  const question = useStaffQuestion(slug, id)
  // Said above the thread, where the colleague's answer now shows, rather than in a form that is gone.
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)

  return (
    <div className="stack question">
      <p className="no-print">
        <Link to={staffQuestionsPath(slug)}>{t('questions.staff.back')}</Link>
      </p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {question.isPending ? (
        <Loading />
      ) : question.isError ? (
        <ErrorMessage error={question.error} />
      ) : (
        <>
          <Facts question={question.data} timeZone={centre.data?.timezone ?? 'Europe/Paris'} />
          <Thread slug={slug} question={question.data} timeZone={centre.data?.timezone ?? 'Europe/Paris'} />
          {question.data.status === 'waiting' ? (
            <AnswerForm
              slug={slug}
              question={question.data}
              onAnswered={() => setNotice({ tone: 'success', text: t('questions.answer.sent') })}
              onColleague={(text) => setNotice({ tone: 'error', text })}
            />
          ) : (
            <p className="muted">
              {question.data.status === 'answered'
                ? t('questions.answer.awaitingReply')
                : t('questions.answer.closed')}
            </p>
          )}
        </>
      )}
    </div>
  )
}

function Facts({ question, timeZone }: { question: StaffQuestion; timeZone: string }) {
  const t = useT()
  const intl = useIntl()
  const text = useLocalized()
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'long', timeStyle: 'short', timeZone })
  return (
    <section className="card" aria-labelledby="question-facts">
      <h2 id="question-facts" className="question-status" data-status={question.status}>
        {t(`questions.status.${question.status}`)}
        {question.overdue && <span className="questions-overdue">{t('questions.staff.overdue')}</span>}
      </h2>
      <dl className="question-facts">
        <dt>{t('questions.staff.area')}</dt>
        <dd>{question.area ? text(question.area.name) : t('questions.staff.noArea')}</dd>
        <dt>{t('questions.staff.language')}</dt>
        <dd>{languageName(question.language, intl.locale)}</dd>
        <dt>{t('questions.staff.asked')}</dt>
        <dd>{when(question.createdAt)}</dd>
        {question.status === 'waiting' && (
          <>
            <dt>{t('questions.staff.dueLabel')}</dt>
            <dd>{when(question.answerBy)}</dd>
          </>
        )}
      </dl>
    </section>
  )
}

function Thread({ slug, question, timeZone }: { slug: string; question: StaffQuestion; timeZone: string }) {
  const t = useT()
  const hide = useHideMessage(slug, question.id)
  return (
    <section aria-labelledby="question-thread-title">
      <h2 id="question-thread-title">{t('questions.page.threadTitle')}</h2>
      {hide.isError && <ErrorMessage error={hide.error} />}
      <QuestionThread
        centre={question.centre}
        messages={question.messages}
        reader="staff"
        timeZone={timeZone}
        actions={(message) =>
          !message.hidden && (
            <div className="no-print">
              <Button
                variant="quiet"
                isDisabled={hide.isPending}
                onPress={() => {
                  if (window.confirm(t('questions.staff.confirmHide'))) hide.mutate(message.id)
                }}
              >
                {t('questions.staff.hide')}
              </Button>
            </div>
          )
        }
      />
    </section>
  )
}
