import { createDesk } from '../modules/centres/desks-service'
import { replaceWeeklyHours } from '../modules/centres/hours-service'
import type { TestContext } from './app'

/**
 * Sets the server's clock inside the fixture's opening hours (10:00 UTC today, 11:00 or 12:00 in Paris),
 * whatever the time the tests run at: hours away from the browser's clock as often as not, so pages must
 * never rely on the two agreeing.
 */
export function duringOpeningHours(t: TestContext) {
  const today = new Date().toISOString().slice(0, 10)
  t.clock.now = new Date(`${today}T10:00:00Z`)
}

/** A centre open 08:00–18:00 every day, two areas, two desks, a counsellor signed in. */
export async function walkInCentre(t: TestContext) {
  const centre = await t.buildCentre()
  await replaceWeeklyHours({
    db: t.db,
    centreId: centre.id,
    actorUserId: null,
    input: {
      spans: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '18:00' })),
    },
  })
  const job = await t.buildArea(centre.id, {
    slug: 'emploi',
    ticketLetter: 'E',
    name: { fr: 'Trouver un emploi', en: 'Find a job' },
  })
  const training = await t.buildArea(centre.id, {
    slug: 'formation',
    ticketLetter: 'F',
    name: { fr: 'Se former', en: 'Get trained' },
  })
  const desks = await Promise.all(
    [1, 2].map((n) =>
      createDesk({ db: t.db, centreId: centre.id, actorUserId: null, input: { name: `Bureau ${n}` } }),
    ),
  )
  const counsellor = await t.buildStaff('counsellor', centre.id)
  const cookie = await t.signIn(counsellor.email, counsellor.password)
  const take = (area: string, extra: Record<string, unknown> = {}) =>
    t.request(`/api/v1/centres/${centre.slug}/tickets`, {
      method: 'POST',
      body: { area, language: 'fr', channel: 'kiosk', ...extra },
    })
  const open = (deskIndex: number, areas: string[], languages = ['fr', 'en']) =>
    t.request(`/api/v1/desks/${desks[deskIndex]?.row.id}/session`, {
      method: 'POST',
      cookie,
      body: { areas, languages },
    })
  const callNext = (deskIndex: number) =>
    t.request(`/api/v1/desks/${desks[deskIndex]?.row.id}/call-next`, { method: 'POST', cookie })
  const act = (id: string, action: string, body?: unknown) =>
    t.request(`/api/v1/tickets/${id}/${action}`, {
      method: 'POST',
      cookie,
      ...(body ? { body } : {}),
      lang: 'en',
    })
  return { centre, job, training, desks, cookie, take, open, callNext, act }
}
