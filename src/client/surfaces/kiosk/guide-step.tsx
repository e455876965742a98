import { useState } from 'react'
import type { GuideSituation, GuideUnderstanding } from '../../../shared/schemas/guide'
import { useSituationAreas } from '../../features/guide/api'
import { useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { ErrorMessage, Loading } from '../../ui/states'
import { SituationChoices } from '../guide/situation-choices'
import { WordsBox } from '../guide/words-box'
import { KioskAreaList } from './area-step'
import { KioskHeading } from './kiosk-heading'
import type { Localizer } from './localizer'
import type { KioskArea } from './use-kiosk-areas'

type Props = {
  slug: string
  areas: KioskArea[]
  localDate: string
  localized: Localizer
  focus: boolean
  onTake: (area: string) => void
  onBack: () => void
}

/**
 * "I don't know where to start" at the kiosk: pick a situation or type a sentence, then the areas that
 * answer it, each one touch away from a ticket. Nothing typed leaves the screen but to be read once.
 */
export function GuideStep(props: Props) {
  const t = useT()
  const [answer, setAnswer] = useState<
    { situation: GuideSituation } | { understanding: GuideUnderstanding } | null
  >(null)
  if (answer) return <GuideAnswer {...props} answer={answer} onAgain={() => setAnswer(null)} />
  return (
    <div className="kiosk-step">
      <p className="kiosk__step">{t('guide.step', { step: 1, total: 2 })}</p>
      <KioskHeading focus={props.focus}>{t('guide.title')}</KioskHeading>
      <p className="kiosk__lead">{t('guide.intro')}</p>
      <SituationChoices
        className="guide-choices kiosk-guide-choices"
        onChoose={(situation) => setAnswer({ situation })}
      />
      <WordsBox slug={props.slug} onUnderstood={(understanding) => setAnswer({ understanding })} />
      <div className="kiosk__nav">
        <Button variant="secondary" className="button kiosk__back" onPress={props.onBack}>
          {t('kiosk.back')}
        </Button>
      </div>
    </div>
  )
}

function GuideAnswer({
  slug,
  areas,
  localDate,
  localized,
  onTake,
  answer,
  onAgain,
}: Props & {
  answer: { situation: GuideSituation } | { understanding: GuideUnderstanding }
  onAgain: () => void
}) {
  const t = useT()
  const situation = 'situation' in answer ? answer.situation : null
  const proposed = useSituationAreas(slug, situation)
  const slugs = situation
    ? (proposed.data?.areas ?? [])
    : 'understanding' in answer
      ? answer.understanding.areas.map((a) => a.area)
      : []
  const suggested = slugs.flatMap((area) => areas.filter((a) => a.slug === area))
  return (
    <div className="kiosk-step">
      <p className="kiosk__step">{t('guide.step', { step: 2, total: 2 })}</p>
      <KioskHeading focus>
        {situation
          ? t('guide.forSituation', { situation: t(`guide.situation.${situation}`) })
          : t('guide.fromWords')}
      </KioskHeading>
      {situation && proposed.isPending ? (
        <Loading />
      ) : situation && proposed.isError ? (
        <ErrorMessage error={proposed.error} />
      ) : (
        <>
          {suggested.length === 0 && <Alert tone="info">{t('guide.noArea')}</Alert>}
          <p className="kiosk__lead">{t('guide.kiosk.touchToTake')}</p>
          <KioskAreaList
            slug={slug}
            areas={suggested.length > 0 ? suggested : areas}
            localDate={localDate}
            localized={localized}
            onChoose={onTake}
          />
        </>
      )}
      <div className="kiosk__nav">
        <Button variant="secondary" className="button kiosk__back" onPress={onAgain}>
          {t('guide.again')}
        </Button>
      </div>
    </div>
  )
}
