import type { ReactNode } from 'react'
import { ToggleButton } from 'react-aria-components'
import type { InterviewInput, InterviewOutcome } from '../../../shared/schemas/interviews'
import { useLocalized } from '../../features/centres/use-localized'
import { type PickedService, ServicePicker } from '../../features/directory/service-picker'
import { useInterviewThemes, useReferralSuggestions } from '../../features/interviews/api'
import { useT } from '../../i18n/i18n-provider'

/** What the counsellor taps while the visitor is there: themes, what was done, where they were sent. */
export type InterviewDraft = { themeIds: string[]; outcomes: InterviewOutcome[]; services: PickedService[] }

export const emptyInterview: InterviewDraft = { themeIds: [], outcomes: [], services: [] }

/** The outcomes to tap: a referral is said by choosing a service, a transfer by transferring. */
const tappedOutcomes = ['information', 'resources', 'come_back', 'event'] as const

export function interviewInput(draft: InterviewDraft): InterviewInput {
  return {
    themeIds: draft.themeIds,
    outcomes: draft.outcomes,
    serviceIds: draft.services.map((service) => service.id),
  }
}

const toggled = <T,>(values: T[], value: T, on: boolean) =>
  on ? [...values, value] : values.filter((other) => other !== value)

/**
 * The interview record, filled in a few taps while the step goes on and sent with "finish" or "transfer":
 * themes of the area, what was done, services referred to (the area's usual ones a tap away, any other
 * found by its words). Nothing about the person.
 */
export function InterviewPanel({
  slug,
  areaId,
  value,
  onChange,
}: {
  slug: string
  areaId: string | undefined
  value: InterviewDraft
  onChange: (value: InterviewDraft) => void
}) {
  const t = useT()
  const text = useLocalized()
  const themes = useInterviewThemes(slug, areaId)
  const suggestions = useReferralSuggestions(slug, areaId)
  const suggested = suggestions.data ?? []
  const chosen = new Set(value.services.map((service) => service.id))
  const isSuggested = (service: PickedService) => suggested.some((s) => s.id === service.id)
  const others = value.services.filter((service) => !isSuggested(service))

  return (
    <section className="interview-panel stack" aria-labelledby="interview-title">
      <h2 id="interview-title">{t('interview.title')}</h2>
      <p className="muted">{t('interview.privacy')}</p>
      <Toggles legend={t('interview.themes')}>
        {(themes.data ?? [])
          .filter((theme) => !theme.archived)
          .map((theme) => (
            <ToggleButton
              key={theme.id}
              className="toggle"
              isSelected={value.themeIds.includes(theme.id)}
              onChange={(on) => onChange({ ...value, themeIds: toggled(value.themeIds, theme.id, on) })}
            >
              {text(theme.name)}
            </ToggleButton>
          ))}
        {themes.data?.length === 0 && <p className="muted">{t('interview.noThemes')}</p>}
      </Toggles>
      <Toggles legend={t('interview.outcomes')}>
        {tappedOutcomes.map((outcome) => (
          <ToggleButton
            key={outcome}
            className="toggle"
            isSelected={value.outcomes.includes(outcome)}
            onChange={(on) => onChange({ ...value, outcomes: toggled(value.outcomes, outcome, on) })}
          >
            {t(`interview.outcome.${outcome}`)}
          </ToggleButton>
        ))}
      </Toggles>
      {suggested.length > 0 && (
        <Toggles legend={t('interview.referral')}>
          {suggested.map((service) => (
            <ToggleButton
              key={service.id}
              className="toggle"
              isSelected={chosen.has(service.id)}
              onChange={(on) =>
                onChange({
                  ...value,
                  services: on
                    ? [...value.services, service]
                    : value.services.filter((s) => s.id !== service.id),
                })
              }
            >
              {service.label}
            </ToggleButton>
          ))}
        </Toggles>
      )}
      <ServicePicker
        slug={slug}
        legend={suggested.length > 0 ? t('interview.otherService') : t('interview.referral')}
        value={others}
        onChange={(picked) =>
          onChange({ ...value, services: [...value.services.filter(isSuggested), ...picked] })
        }
      />
    </section>
  )
}

function Toggles({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="plain-fieldset">
      <legend className="interview-panel__legend">{legend}</legend>
      <div className="cluster toggles">{children}</div>
    </fieldset>
  )
}
