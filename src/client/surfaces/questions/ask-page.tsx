import { useIntl } from 'react-intl'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useQuestion } from '../../features/questions/api'
import { questionPath } from '../../features/questions/code'
import { useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { ErrorMessage, Loading } from '../../ui/states'
import { AskForm } from './ask-form'
import { OpenQuestionForm } from './open-question-form'
import { QuestionCodeCard } from './question-code-card'
import './questions.css'

/** What the page remembers in the history entry: a reload after sending shows the code again. */
type Asked = { askedCode?: string }

/**
 * "Ask a counsellor online": a question without a name or any contact, answered in writing within two
 * working days and read back here with the code given once; or, with a code already, the way back to it.
 */
export function AskQuestionPage() {
  const { centre = '' } = useParams()
  const t = useT()
  const navigate = useNavigate()
  const location = useLocation()
  const home = usePortalHome(centre)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const asked = (location.state as Asked | null)?.askedCode
  const brand = home.data ? text(home.data.centre.name) : undefined

  return (
    <Page title={t('questions.ask.title')} brand={brand} brandTo={`/c/${centre}`}>
      {home.isPending ? (
        <Loading />
      ) : home.isError ? (
        <ErrorMessage error={home.error} />
      ) : asked ? (
        <AskedPanel
          code={asked}
          timeZone={home.data.centre.timezone}
          onAnother={() => navigate('.', { replace: true, state: null })}
        />
      ) : (
        <div className="questions-ask stack">
          <p className="questions-intro">{t('questions.ask.intro')}</p>
          <AskForm
            centre={home.data.centre}
            areas={home.data.areas}
            onAsked={(code) => navigate('.', { replace: true, state: { askedCode: code } satisfies Asked })}
          />
          <OpenQuestionForm />
        </div>
      )}
    </Page>
  )
}

function AskedPanel({
  code,
  timeZone,
  onAnother,
}: {
  code: string
  timeZone: string
  onAnother: () => void
}) {
  const t = useT()
  const intl = useIntl()
  const question = useQuestion(code)
  return (
    <div className="questions-asked stack">
      <Alert tone="success">{t('questions.asked.sent')}</Alert>
      {question.data && (
        <p className="questions-due">
          {t('questions.asked.expected', {
            date: intl.formatDate(question.data.answerBy, { dateStyle: 'full', timeZone }),
          })}
        </p>
      )}
      <QuestionCodeCard code={code} fresh />
      <div className="cluster no-print">
        <Link className="button" data-variant="primary" to={questionPath(code)}>
          {t('questions.asked.read')}
        </Link>
        <Button variant="secondary" onPress={onAnother}>
          {t('questions.asked.another')}
        </Button>
      </div>
    </div>
  )
}
