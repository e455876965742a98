import { useIntl } from 'react-intl'
import type { PublicRota } from '../../../shared/schemas/rota'
import { useT } from '../../i18n/i18n-provider'
import { useExpertiseLabel } from './api'

/**
 * An area's specialised advice this week in one line per expertise, for the portal and the kiosk:
 * "Starting a business: Tue 13:30–17:30, Thu 13:30–17:30" (this week's, from today). Nothing when the
 * area has none.
 */
export function AdviceSummary({
  week,
  area,
  className,
}: {
  week: PublicRota | undefined
  area: string
  className: string
}) {
  const t = useT()
  const intl = useIntl()
  const expertise = useExpertiseLabel()
  const byExpertise = new Map<string, string[]>()
  for (const day of week?.days ?? [])
    for (const slot of day.slots.filter((s) => s.area === area)) {
      const weekday = intl.formatDate(new Date(`${day.date}T12:00:00Z`), {
        weekday: 'short',
        timeZone: 'UTC',
      })
      byExpertise.set(slot.expertise, [
        ...(byExpertise.get(slot.expertise) ?? []),
        `${weekday} ${slot.startsAt}–${slot.endsAt}`,
      ])
    }
  if (byExpertise.size === 0) return null
  // Spans, not a list: on the kiosk the summary sits inside the area's button.
  return (
    <span className={className}>
      {[...byExpertise].map(([value, times]) => (
        <span key={value} className="advice-line">
          <strong>{t('rota.adviceLabel', { expertise: expertise(value) })}</strong> {times.join(', ')}
        </span>
      ))}
    </span>
  )
}
