import ical, { ICalEventStatus } from 'ical-generator'
import type { ProgrammeSession } from '../../../shared/schemas/events'

/**
 * Sessions as an iCalendar feed (RFC 5545) a calendar application subscribes to: one event per session,
 * with a stable UID so a changed or cancelled session updates in place, and a link to its page.
 */
export function sessionsCalendar(options: {
  name: string
  sessions: ProgrammeSession[]
  publicUrl: string
  centreSlug: string
  now: Date
}): string {
  const host = new URL(options.publicUrl).host
  const calendar = ical({ name: options.name, prodId: { company: 'Cité', product: 'programme' } })
  for (const session of options.sessions) {
    const url = `${options.publicUrl}/c/${options.centreSlug}/events/${session.eventId}`
    calendar.createEvent({
      id: `${session.sessionId}@${host}`,
      start: new Date(session.startsAt),
      end: new Date(session.endsAt),
      stamp: options.now,
      summary: session.title,
      location: session.place,
      description: [session.organisers.join(', '), url].filter(Boolean).join('\n'),
      url,
      status: session.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
  }
  return calendar.toString()
}
