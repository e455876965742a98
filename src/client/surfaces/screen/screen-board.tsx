import { useCallback, useEffect, useMemo, useState } from 'react'
import { pickText, type UiLocale } from '../../../shared/i18n/locales'
import type { PortalHome } from '../../../shared/schemas/centres'
import { TodayHours } from '../../features/centres/open-status'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { TodayEvents } from '../events/today-events'
import type { Utterance } from './announcer'
import type { ShownCall } from './calls'
import { callUtterances, speechLocales } from './phrases'
import { AreaQueues } from './screen-areas'
import { CurrentCall, EarlierCalls } from './screen-calls'
import { ScreenClock } from './screen-clock'
import { useCallBoard } from './use-call-board'
import { useSpeech } from './use-speech'

type Props = { slug: string; home: PortalHome; locale: UiLocale; areas: ReadonlySet<string> | null }

/** The screen once the centre is known: calls on the left, queues on the right, hours and time above. */
export function ScreenBoard({ slug, home, locale, areas }: Props) {
  const t = useT()
  const { centre } = home
  const name = pickText(centre.name, locale, centre.defaultLanguage)
  const speech = useSpeech()
  const { say } = speech
  const languages = useMemo(() => speechLocales(centre, locale), [centre, locale])
  // What was last announced, for assistive technologies: the same words as spoken, in each language.
  const [spoken, setSpoken] = useState<Utterance[]>([])
  const announce = useCallback(
    (call: ShownCall) => {
      const utterances = callUtterances(call, languages)
      say(utterances)
      setSpoken(utterances)
    },
    [languages, say],
  )
  const { status, queue, board } = useCallBoard({
    slug,
    areas,
    serviceDate: home.localDate,
    onAnnounce: announce,
  })

  useEffect(() => {
    document.title = `${t('surface.screen')} · ${name}`
  }, [t, name])

  const [current, ...earlier] = board.calls
  return (
    <main className="screen__main">
      <div className="screen__top">
        <h1 className="screen__title">{name}</h1>
        <p className="screen__hours">
          <TodayHours status={home.status} />
        </p>
        {status !== 'open' && (
          <p className="screen__connection">
            {t(status === 'connecting' ? 'screen.connecting' : 'screen.reconnecting')}
          </p>
        )}
        {speech.isSupported && !speech.isSoundOn && (
          <Button onPress={() => speech.enable({ text: t('screen.soundOn'), lang: locale })}>
            {t('screen.enableSound')}
          </Button>
        )}
        <ScreenClock timeZone={centre.timezone} />
      </div>
      <div className="screen__calls">
        <CurrentCall call={current} isFresh={current !== undefined && current.id === board.announcedId} />
        <EarlierCalls calls={earlier} />
      </div>
      <AreaQueues home={home} queue={queue} areas={areas} locale={locale} />
      <TodayEvents
        slug={slug}
        localDate={home.localDate}
        timeZone={centre.timezone}
        language={locale}
        limit={3}
        className="screen-events"
      />
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {spoken.map((utterance) => (
          <span key={utterance.lang} lang={utterance.lang}>
            {utterance.text}{' '}
          </span>
        ))}
      </div>
    </main>
  )
}
