import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useCallback, useEffect, useState } from 'react'
import { useParams } from 'react-router'
import {
  type ContentLanguage,
  contentLanguages,
  negotiateLocale,
  pickText,
} from '../../../shared/i18n/locales'
import type { IssuedTicket } from '../../../shared/schemas/tickets'
import { centreKeys } from '../../features/centres/api'
import { markKioskTab } from '../../features/notebooks/memory'
import { useIssueTicket, walkInKeys } from '../../features/walk-in/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { Button } from '../../ui/button'
import { EasyReadSwitch } from '../../ui/easy-read-switch'
import { ErrorMessage, Loading } from '../../ui/states'
import { AreaStep } from './area-step'
import { GuideStep } from './guide-step'
import { LanguageStep } from './language-step'
import { localizer } from './localizer'
import { NeedsStep } from './needs-step'
import { NotebookStep } from './notebook-step'
import { TicketStep } from './ticket-step'
import { useIdleReset } from './use-idle-reset'
import { useKioskAreas } from './use-kiosk-areas'
import './kiosk.css'

type Step =
  | { name: 'language' }
  | { name: 'area'; language: ContentLanguage }
  | { name: 'needs'; language: ContentLanguage; area: string }
  | { name: 'notebook'; language: ContentLanguage }
  | { name: 'guide'; language: ContentLanguage }
  | {
      name: 'ticket'
      language: ContentLanguage
      area: string
      ticket: IssuedTicket
      priority: boolean
      issuedAt: Date
    }

function isContentLanguage(code: string): code is ContentLanguage {
  return (contentLanguages as readonly string[]).includes(code)
}

/** Back to the first screen after this long without a touch; sooner once the ticket is out. */
const IDLE_SECONDS = 60
const TICKET_SECONDS = 30

/**
 * The entrance kiosk: language, then "what brings you here?", then an optional priority, then the
 * ticket (screen, 80 mm receipt, QR code to follow it on a phone). Nothing is asked about the person,
 * and the kiosk forgets each visitor by going back to the start on its own.
 */
export function KioskPage() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const { locale, setLocale, setEasyRead } = useLocale()
  const queryClient = useQueryClient()
  const { home, areas } = useKioskAreas(slug)
  const issue = useIssueTicket(slug)
  const [step, setStep] = useState<Step>({ name: 'language' })
  const [moved, setMoved] = useState(false)
  // A public screen: no notebook code is ever remembered in this tab.
  useEffect(() => markKioskTab(), [])

  const centre = home.data?.centre
  const languages = (centre?.languages ?? []).filter(isContentLanguage)
  // A centre with one language has nothing to choose: the kiosk starts at its areas.
  const only = languages.length === 1 ? languages[0] : undefined
  const single = only !== undefined
  const current: Step = step.name === 'language' && only ? { name: 'area', language: only } : step
  const total = single ? 3 : 4
  const offset = single ? 0 : 1
  const defaultLanguage = centre?.defaultLanguage

  const startLocale = useCallback(
    () => defaultLanguage && setLocale(negotiateLocale([defaultLanguage])),
    [defaultLanguage, setLocale],
  )
  // Each visitor starts in the centre's own language, whatever the previous one chose.
  useEffect(() => {
    startLocale()
  }, [startLocale])

  const go = (next: Step) => {
    setMoved(true)
    setStep(next)
  }
  const restart = () => {
    issue.reset()
    startLocale()
    // Each visitor starts with the kiosk's ordinary text, whatever the previous one chose.
    setEasyRead(false)
    go({ name: 'language' })
  }
  const atStart = current.name === 'language' || (single && current.name === 'area')
  const secondsLeft = useIdleReset(
    atStart ? null : current.name === 'ticket' ? TICKET_SECONDS : IDLE_SECONDS,
    restart,
  )

  const heading = {
    language: t('kiosk.chooseLanguage'),
    area: t('kiosk.whatBringsYou'),
    needs: t('kiosk.priorityTitle'),
    notebook: t('notebook.kiosk.title'),
    guide: t('guide.title'),
    ticket: t('kiosk.ticketTitle'),
  }[current.name]
  const centreName = centre ? pickText(centre.name, locale, centre.defaultLanguage) : ''
  useEffect(() => {
    document.title = centreName ? `${heading} · ${centreName}` : heading
  }, [heading, centreName])

  // Content in the visitor's language where the centre wrote it, else the interface's, else the centre's.
  const chosen = current.name === 'language' ? locale : current.language
  const localized = localizer(chosen, locale, defaultLanguage ?? locale)

  const take = (priority: boolean) => {
    if (current.name !== 'needs' || issue.isPending) return
    const { language, area } = current
    issue.mutate(
      { area, language, priority, channel: 'kiosk' },
      {
        onSuccess: (ticket) => go({ name: 'ticket', language, area, ticket, priority, issuedAt: new Date() }),
        onError: (error) => {
          // Closed meanwhile: show the areas as they are now when the visitor goes back.
          if (error instanceof ApiError && error.status === 409) {
            void queryClient.invalidateQueries({ queryKey: centreKeys.centre(slug) })
            void queryClient.invalidateQueries({ queryKey: walkInKeys.queue(slug) })
          }
        },
      },
    )
  }

  let content: ReactNode
  if (home.isPending) content = <Loading />
  else if (home.isError)
    content = (
      <>
        <h1 className="kiosk__title">{t('surface.kiosk')}</h1>
        <ErrorMessage error={home.error} />
      </>
    )
  else if (current.name === 'language')
    content = (
      <LanguageStep
        languages={languages}
        total={total}
        focus={moved}
        onChoose={(language) => {
          setLocale(negotiateLocale([language, home.data.centre.defaultLanguage], locale))
          go({ name: 'area', language })
        }}
      />
    )
  else if (current.name === 'area')
    content = (
      <AreaStep
        slug={slug}
        timeZone={home.data.centre.timezone}
        language={current.language}
        areas={areas}
        centreStatus={home.data.status}
        localDate={home.data.localDate}
        localized={localized}
        step={1 + offset}
        total={total}
        focus={moved}
        onChoose={(area) => {
          issue.reset()
          go({ name: 'needs', language: current.language, area })
        }}
        onBack={single ? null : () => go({ name: 'language' })}
        onNotebook={() => go({ name: 'notebook', language: current.language })}
        onGuide={() => go({ name: 'guide', language: current.language })}
      />
    )
  else if (current.name === 'guide')
    content = (
      <GuideStep
        slug={slug}
        areas={areas}
        localDate={home.data.localDate}
        localized={localized}
        focus={moved}
        onTake={(area) => {
          issue.reset()
          go({ name: 'needs', language: current.language, area })
        }}
        onBack={() => go({ name: 'area', language: current.language })}
      />
    )
  else if (current.name === 'notebook')
    content = (
      <NotebookStep
        slug={slug}
        centreName={centreName}
        focus={moved}
        secondsLeft={secondsLeft}
        onBack={() => go({ name: 'area', language: current.language })}
        onDone={restart}
      />
    )
  else if (current.name === 'needs')
    content = (
      <NeedsStep
        step={2 + offset}
        total={total}
        focus={moved}
        isPending={issue.isPending}
        error={issue.error}
        onTake={take}
        onBack={() => {
          issue.reset()
          go({ name: 'area', language: current.language })
        }}
      />
    )
  else {
    const area = areas.find((a) => a.slug === current.area)
    content = (
      <TicketStep
        ticket={current.ticket}
        priority={current.priority}
        issuedAt={current.issuedAt}
        centreName={centreName}
        timezone={home.data.centre.timezone}
        area={
          area
            ? {
                name: localized.text(area.name),
                lang: localized.lang(area.name),
                colour: area.colour,
                pictogram: area.pictogram,
              }
            : null
        }
        step={3 + offset}
        total={total}
        focus={moved}
        secondsLeft={secondsLeft}
        onDone={restart}
      />
    )
  }

  return (
    <div className="kiosk">
      <header className="kiosk__bar">
        <span className="kiosk__brand">{centreName || t('app.name')}</span>
        <EasyReadSwitch className="easy-read-switch kiosk__easy-read" />
        {!atStart && home.isSuccess && (
          <Button variant="secondary" className="button kiosk__restart" onPress={restart}>
            {t('kiosk.startAgain')}
          </Button>
        )}
      </header>
      <main id="main" className="kiosk__main">
        {content}
      </main>
    </div>
  )
}
