import { randomBytes } from 'node:crypto'
import { interview, interviewReferral, interviewThemeLink } from '../../db/schema/interviews'
import { visitProfile } from '../../db/schema/profiles'
import { ticket, ticketStep } from '../../db/schema/tickets'
import type { TestContext } from '../../test/app'

const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000)

/**
 * Past activity written straight into the raw tables, as the desk and reception would have left it:
 * tickets with their steps, interviews with themes and referrals, visit profiles. For statistics tests.
 */
export function activityFactories(t: TestContext) {
  /** `n` tickets taken at `arrival`, called after `wait` minutes and served `service` minutes. */
  async function buildVisits(
    n: number,
    values: {
      centreId: string
      areaId: string
      day: string
      arrival: string
      wait?: number
      service?: number
      status?: 'done' | 'no_show' | 'closed' | 'cancelled'
      channel?: 'kiosk' | 'reception' | 'portal'
      language?: string
    },
  ) {
    const status = values.status ?? 'done'
    for (let i = 0; i < n; i++) {
      const createdAt = new Date(values.arrival)
      const called = values.wait === undefined ? null : minutes(createdAt, values.wait)
      const started = status === 'done' && called ? called : null
      const ended = started ? minutes(started, values.service ?? 15) : called
      const [row] = await t.db
        .insert(ticket)
        .values({
          centreId: values.centreId,
          areaId: values.areaId,
          serviceDate: values.day,
          code: `T-${randomBytes(4).toString('hex')}`,
          language: values.language ?? 'fr',
          channel: values.channel ?? 'kiosk',
          status,
          queuedAt: createdAt,
          createdAt,
          calledAt: called,
          startedAt: started,
          endedAt: ended,
          trackTokenHash: randomBytes(16).toString('hex'),
        })
        .returning({ id: ticket.id })
      if (!row) throw new Error('no ticket')
      await t.db
        .insert(ticketStep)
        .values([
          { ticketId: row.id, kind: 'issued', at: createdAt, areaId: values.areaId },
          ...(called ? [{ ticketId: row.id, kind: 'called', at: called, areaId: values.areaId }] : []),
          ...(ended ? [{ ticketId: row.id, kind: status === 'done' ? 'finished' : status, at: ended }] : []),
        ])
    }
  }

  /** `n` interviews of `minutes` minutes on a day, with themes and referrals. */
  async function buildInterviews(
    n: number,
    values: {
      centreId: string
      areaId: string
      partnerId?: string
      day: string
      minutes?: number
      themeIds?: string[]
      outcomes?: string[]
      referral?: string
    },
  ) {
    for (let i = 0; i < n; i++) {
      const startedAt = new Date(`${values.day}T10:00:00Z`)
      const length = values.minutes ?? 20
      const [row] = await t.db
        .insert(interview)
        .values({
          centreId: values.centreId,
          areaId: values.areaId,
          partnerId: values.partnerId ?? null,
          serviceDate: values.day,
          startedAt,
          endedAt: minutes(startedAt, length),
          durationSeconds: length * 60,
          language: 'fr',
          outcomes: values.outcomes ?? ['information'],
        })
        .returning({ id: interview.id })
      if (!row) throw new Error('no interview')
      for (const themeId of values.themeIds ?? [])
        await t.db.insert(interviewThemeLink).values({ interviewId: row.id, themeId })
      if (values.referral)
        await t.db.insert(interviewReferral).values({ interviewId: row.id, label: values.referral })
    }
  }

  /** `n` visit profiles given on a day, with the same answers. */
  async function buildProfiles(
    n: number,
    values: { centreId: string; day: string; ageBand?: string; situation?: string },
  ) {
    await t.db.insert(visitProfile).values(
      Array.from({ length: n }, () => ({
        centreId: values.centreId,
        serviceDate: values.day,
        ageBand: values.ageBand ?? '26_35',
        situation: values.situation ?? 'job_seeker',
        education: 'secondary',
        firstVisit: 'yes',
        heardFrom: 'internet',
      })),
    )
  }

  return { buildVisits, buildInterviews, buildProfiles }
}
