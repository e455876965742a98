import type { OpenStatus } from '../../../shared/schemas/centres'
import { OpenStatusBadge } from '../../features/centres/open-status'
import { AdviceSummary } from '../../features/rota/advice-summary'
import { usePublicRota } from '../../features/rota/api'
import { useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { Pictogram } from '../../ui/pictogram'
import { TodayEvents } from '../events/today-events'
import { KioskHeading, StepCount } from './kiosk-heading'
import type { Localizer } from './localizer'
import type { KioskArea } from './use-kiosk-areas'

type Props = {
  slug: string
  timeZone: string
  language: string
  areas: KioskArea[]
  centreStatus: OpenStatus
  localDate: string
  localized: Localizer
  step: number
  total: number
  focus: boolean
  onChoose: (area: string) => void
  onBack: (() => void) | null
  onNotebook: () => void
  onGuide: () => void
}

/** The areas named as concerns, in plain words with their pictogram; a closed one says when it opens. */
export function AreaStep({
  slug,
  timeZone,
  language,
  areas,
  centreStatus,
  localDate,
  localized,
  step,
  total,
  focus,
  onChoose,
  onBack,
  onNotebook,
  onGuide,
}: Props) {
  const t = useT()
  return (
    <div className="kiosk-step">
      <StepCount step={step} total={total} />
      <KioskHeading focus={focus}>{t('kiosk.whatBringsYou')}</KioskHeading>
      <p className="kiosk__lead">{t('kiosk.whatBringsYouHint')}</p>
      {!centreStatus.isOpen && (
        <Alert tone="info">
          <p>{t('kiosk.centreClosed')}</p>
          <OpenStatusBadge status={centreStatus} localDate={localDate} />
        </Alert>
      )}
      <Button variant="secondary" className="button kiosk-wide kiosk-guide-entry" onPress={onGuide}>
        <span className="kiosk-guide-entry__icon">
          <Pictogram name="compass" />
        </span>
        <span className="kiosk-guide-entry__text">
          {t('guide.kioskButton')}
          <span className="kiosk-guide-entry__hint">{t('guide.kioskButtonHint')}</span>
        </span>
      </Button>
      {areas.length === 0 ? (
        <Alert tone="info">{t('portal.noAreasText')}</Alert>
      ) : (
        <KioskAreaList
          slug={slug}
          areas={areas}
          localDate={localDate}
          localized={localized}
          onChoose={onChoose}
        />
      )}
      <TodayEvents
        slug={slug}
        localDate={localDate}
        timeZone={timeZone}
        language={language}
        limit={4}
        className="kiosk-events"
      />
      <section className="kiosk-notebook" aria-labelledby="kiosk-notebook-title">
        <h2 id="kiosk-notebook-title" className="kiosk-notebook__title">
          {t('notebook.kiosk.offerTitle')}
        </h2>
        <p>{t('notebook.kiosk.offerText')}</p>
        <Button variant="secondary" className="button kiosk-wide" onPress={onNotebook}>
          {t('notebook.kiosk.offer')}
        </Button>
      </section>
      {onBack && (
        <div className="kiosk__nav">
          <Button variant="secondary" className="button kiosk__back" onPress={onBack}>
            {t('kiosk.back')}
          </Button>
        </div>
      )}
    </div>
  )
}

function AreaFigures({ waiting, min, max }: { waiting: number; min: number; max: number }) {
  const t = useT()
  return <span>{t('kiosk.queue', { waiting, wait: t('kiosk.wait', { min, max }) })}</span>
}

/** The areas as big buttons, in plain words with their pictogram; a closed one says when it opens. */
export function KioskAreaList({
  slug,
  areas,
  localDate,
  localized,
  onChoose,
}: {
  slug: string
  areas: KioskArea[]
  localDate: string
  localized: Localizer
  onChoose: (area: string) => void
}) {
  const advice = usePublicRota(slug)
  return (
    <ul className="plain-list kiosk-areas">
      {areas.map((area) => (
        <li key={area.id}>
          <Button
            className="kiosk-area"
            isDisabled={!area.isOpen}
            onPress={() => onChoose(area.slug)}
            style={{ ['--area-colour' as string]: area.colour }}
          >
            <span className="kiosk-area__icon">
              <Pictogram name={area.pictogram} />
            </span>
            <span className="kiosk-area__text">
              <span className="kiosk-area__name" lang={localized.lang(area.name)}>
                {localized.text(area.name)}
              </span>
              {localized.text(area.description) && (
                <span className="kiosk-area__description" lang={localized.lang(area.description)}>
                  {localized.text(area.description)}
                </span>
              )}
              <AdviceSummary week={advice.data} area={area.slug} className="kiosk-area__advice" />
              <span className="kiosk-area__meta">
                {area.isOpen ? (
                  area.figures && (
                    <AreaFigures
                      waiting={area.figures.waiting}
                      min={area.figures.estimatedWait.minMinutes}
                      max={area.figures.estimatedWait.maxMinutes}
                    />
                  )
                ) : (
                  <OpenStatusBadge status={{ ...area.status, isOpen: false }} localDate={localDate} />
                )}
              </span>
            </span>
          </Button>
        </li>
      ))}
    </ul>
  )
}
