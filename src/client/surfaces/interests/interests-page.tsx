import { useState } from 'react'
import { useParams } from 'react-router'
import type { InterestAnswer, InterestItemId } from '../../../shared/interests'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { InterestResult } from './interest-result'
import { Questionnaire } from './questionnaire'
import './interests.css'

type Answers = Partial<Record<InterestItemId, InterestAnswer>>

/**
 * The interest explorer: thirty activities to like or not, then what attracts the visitor most and
 * occupations that go with it. A game, not a test. The answers live in this page's state only — no
 * storage on the device, nothing sent but the resulting code — so leaving the page forgets them.
 */
export function InterestsPage() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const [phase, setPhase] = useState<'intro' | 'questions' | 'result'>('intro')
  const [answers, setAnswers] = useState<Answers>({})

  const restart = () => {
    setAnswers({})
    setPhase('questions')
  }

  return (
    <Page
      title={t('interests.title')}
      brand={home.data ? text(home.data.centre.name) : undefined}
      brandTo={`/c/${slug}`}
    >
      {phase === 'intro' && (
        <section className="interests-intro stack">
          <p className="lead">{t('interests.intro')}</p>
          <p>{t('interests.introMore')}</p>
          <p className="muted">{t('interests.nothingKept')}</p>
          <div>
            <Button onPress={() => setPhase('questions')}>{t('interests.start')}</Button>
          </div>
        </section>
      )}
      {phase === 'questions' && (
        <Questionnaire
          answers={answers}
          onAnswer={(id, answer) => setAnswers((previous) => ({ ...previous, [id]: answer }))}
          onDone={() => setPhase('result')}
        />
      )}
      {phase === 'result' && <InterestResult slug={slug} answers={answers} onRestart={restart} />}
    </Page>
  )
}
