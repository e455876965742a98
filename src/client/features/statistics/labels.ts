import { useMemo } from 'react'
import { type MessageKey, messages } from '../../../shared/i18n/messages'
import type { MinuteBand } from '../../../shared/schemas/statistics'
import { useLocale, useT } from '../../i18n/i18n-provider'

/** Words for what the statistics count: outcomes, channels, bands of minutes, profile answers… */
export function useStatisticsLabels() {
  const t = useT()
  const { locale } = useLocale()
  return useMemo(() => {
    const languages = new Intl.DisplayNames([locale], { type: 'language' })
    /** A key built from a value the server may extend: the value itself when it has no words yet. */
    const known = (key: string, fallback: string) => (key in messages.fr ? t(key as MessageKey) : fallback)
    return {
      ticketOutcome: (outcome: string) => known(`statistics.outcome.${outcome}`, outcome),
      channel: (channel: string) => known(`statistics.channel.${channel}`, channel),
      band: (band: MinuteBand) => {
        const [from = '', to] = band.replace('+', '').split('-')
        return to
          ? t('statistics.band.range', { from: Number(from), to: Number(to) })
          : t('statistics.band.over', { from: Number(from) })
      },
      interviewOutcome: (outcome: string) => known(`interview.outcome.${outcome}`, outcome),
      eventType: (type: string) => known(`events.types.${type}`, type),
      question: (question: string) => known(`profile.question.${question}`, question),
      answer: (question: string, answer: string) => known(`profile.${question}.${answer}`, answer),
      language: (code: string) => {
        let name = code
        try {
          name = languages.of(code) ?? code
        } catch {
          // Not a language tag Intl knows: the code as it is.
        }
        return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1)
      },
    }
  }, [t, locale])
}
