import { event, eventSession } from '../../db/schema/events'
import type { TestContext } from '../../test/app'

/** Small factories for the events' tests: each test builds what it needs. */
export function eventFactories(t: TestContext) {
  /**
   * A workshop with one session a day after `from`, booked ahead (50 seats, groups of up to three);
   * `overrides` change the session. In a new centre, unless one is given.
   */
  async function buildSession(
    from: Date,
    overrides: Partial<typeof eventSession.$inferInsert> = {},
    existing?: Awaited<ReturnType<TestContext['buildCentre']>>,
  ) {
    const centre = existing ?? (await t.buildCentre())
    const [workshop] = await t.db
      .insert(event)
      .values({
        centreId: centre.id,
        type: 'workshop',
        title: { fr: 'Atelier CV', en: 'CV workshop' },
        description: {},
        language: 'fr',
        place: 'Salle 2',
      })
      .returning()
    if (!workshop) throw new Error('event not created')
    const [session] = await t.db
      .insert(eventSession)
      .values({
        eventId: workshop.id,
        centreId: centre.id,
        startsAt: new Date(from.getTime() + 24 * 3_600_000),
        endsAt: new Date(from.getTime() + 26 * 3_600_000),
        booking: true,
        capacity: 50,
        maxGroup: 3,
        ...overrides,
      })
      .returning()
    if (!session) throw new Error('session not created')
    return { centre, session, workshop }
  }

  return { buildSession }
}
