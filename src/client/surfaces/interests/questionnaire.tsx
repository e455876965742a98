import { useEffect, useRef, useState } from 'react'
import {
  type InterestAnswer,
  type InterestItemId,
  interestAnswers,
  interestItems,
} from '../../../shared/interests'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'

type Props = {
  answers: Partial<Record<InterestItemId, InterestAnswer>>
  onAnswer: (id: InterestItemId, answer: InterestAnswer) => void
  onDone: () => void
}

/**
 * One activity at a time with three big choices; a choice moves on to the next. Focus stays on the
 * choices, so a keyboard user answers with Tab and Enter alone, and the new activity is announced
 * through a live region.
 */
export function Questionnaire({ answers, onAnswer, onDone }: Props) {
  const t = useT()
  const [index, setIndex] = useState(0)
  const heading = useRef<HTMLHeadingElement>(null)
  const item = interestItems[index] ?? interestItems[0]
  const answered = interestItems.filter((entry) => answers[entry.id]).length
  const total = interestItems.length

  // The intro's button is gone: focus starts on the first activity rather than falling to the page.
  useEffect(() => heading.current?.focus(), [])

  if (!item) return null
  const choose = (answer: InterestAnswer) => {
    onAnswer(item.id, answer)
    if (index + 1 < total) setIndex(index + 1)
    else onDone()
  }

  return (
    <section className="questionnaire stack" aria-labelledby="statement-number">
      <div className="questionnaire__progress">
        <label htmlFor="interests-progress">{t('interests.progressLabel')}</label>
        <progress id="interests-progress" max={total} value={answered} />
        <span className="muted">{t('interests.progress', { answered, total })}</span>
      </div>
      <div aria-live="polite" className="questionnaire__statement card">
        <h2 id="statement-number" ref={heading} tabIndex={-1} className="questionnaire__number">
          {t('interests.statement', { n: index + 1, total })}
        </h2>
        <p className="questionnaire__question">{t('interests.question')}</p>
        <p className="questionnaire__activity">{t(`interests.item.${item.id}`)}</p>
      </div>
      <fieldset className="questionnaire__choices">
        <legend className="visually-hidden">{t('interests.answers')}</legend>
        {interestAnswers.map((answer) => (
          <Button
            key={answer}
            variant={answers[item.id] === answer ? 'primary' : 'secondary'}
            className="button questionnaire__choice"
            data-answer={answer}
            aria-pressed={answers[item.id] === answer}
            onPress={() => choose(answer)}
          >
            {t(`interests.answer.${answer}`)}
          </Button>
        ))}
      </fieldset>
      {index > 0 && (
        <div>
          <Button variant="quiet" onPress={() => setIndex(index - 1)}>
            {t('interests.previous')}
          </Button>
        </div>
      )}
    </section>
  )
}
