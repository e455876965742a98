import { useParams } from 'react-router'
import { useQuestionQueue } from '../../features/questions/api'
import { staffQuestionsPath } from '../../features/questions/code'
import { useT } from '../../i18n/i18n-provider'
import { ButtonLink } from '../../ui/button'
import './questions.css'

/** At the desk, between visitors: how many questions asked online wait for an answer, and the way to them. */
export function DeskQuestions() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const queue = useQuestionQueue(slug, { status: 'waiting' })
  if (!queue.data) return null
  const waiting = queue.data
  const overdue = waiting.filter((item) => item.overdue).length
  return (
    <section className="card cluster desk-questions" aria-labelledby="desk-questions-title">
      <h2 id="desk-questions-title" className="desk-questions__title">
        {t('questions.desk.waiting', { count: waiting.length })}
        {overdue > 0 && (
          <span className="questions-overdue">{t('questions.desk.overdue', { count: overdue })}</span>
        )}
      </h2>
      <ButtonLink variant="secondary" to={staffQuestionsPath(slug)}>
        {t('questions.desk.open')}
      </ButtonLink>
    </section>
  )
}
