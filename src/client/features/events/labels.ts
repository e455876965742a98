import { useIntl } from 'react-intl'
import type { MessageKey } from '../../../shared/i18n/messages'
import type { EventType } from '../../../shared/schemas/events'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { useResourceLabels } from '../resources/labels'

/** Words for an event's type, audiences, language and accessibility, in the interface language. */
export function useEventLabels() {
  const t = useT()
  const resource = useResourceLabels()
  const { locale } = useLocale()
  const languages = new Intl.DisplayNames([locale], { type: 'language' })
  return {
    type: (type: EventType | string) => t(`events.type.${type}` as MessageKey),
    /** A type in the plural, for filters: "Workshops", "Clubs". */
    types: (type: EventType | string) => t(`events.types.${type}` as MessageKey),
    access: (feature: string) => t(`events.access.${feature}` as MessageKey),
    audience: resource.audience,
    language: resource.language,
    /** A language as said inside a sentence: "en français", "in French". */
    languageInSentence: (code: string) => languages.of(code) ?? code,
  }
}

/** The day of a moment in the centre's time zone, as `YYYY-MM-DD` (to group sessions by day). */
export function dayKey(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso))
}

/** Dates and times as the centre lives them: always in its own time zone, whatever the device says. */
export function useWhen(timeZone: string) {
  const intl = useIntl()
  const at = (iso: string, options: Intl.DateTimeFormatOptions) =>
    intl.formatDate(new Date(iso), { timeZone, ...options })
  // "mardi 1 décembre" opens a line: "Mardi 1 décembre".
  const capital = (text: string) => text.charAt(0).toLocaleUpperCase(intl.locale) + text.slice(1)
  return {
    /** "Tuesday 1 December" */
    day: (iso: string) => capital(at(iso, { weekday: 'long', day: 'numeric', month: 'long' })),
    /** "Tue 1 Dec" */
    shortDay: (iso: string) => at(iso, { weekday: 'short', day: 'numeric', month: 'short' }),
    time: (iso: string) => at(iso, { hour: 'numeric', minute: '2-digit' }),
    /** "14:00 – 16:00" */
    hours: (start: string, end: string) =>
      `${at(start, { hour: 'numeric', minute: '2-digit' })} – ${at(end, { hour: 'numeric', minute: '2-digit' })}`,
    /** A plain day (`YYYY-MM-DD`) said in words, without a time zone shift. */
    date: (
      day: string,
      options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' },
    ) => capital(intl.formatDate(new Date(`${day}T12:00:00Z`), { timeZone: 'UTC', ...options })),
  }
}
