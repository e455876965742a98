import { and, eq } from 'drizzle-orm'
import type { AreaDayInput } from '../../../shared/schemas/centres'
import type { Database } from '../../db/client'
import { area, areaDayState, type centre } from '../../db/schema/centres'
import { together } from '../../db/together'
import { AppError, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { listClosures, listOpeningSpans } from './hours-service'
import { computeAreaStatus, computeOpenStatus, localDateOf } from './opening-status'

type Home = Pick<typeof centre.$inferSelect, 'id' | 'timezone'>

/**
 * Everything that decides what is open today at a centre, read once: weekly hours, closures from today
 * on, and reception's decisions for today. `area(id)` then answers for any area without another query.
 */
export async function loadOpenStatuses({ db, home, now }: { db: Database; home: Home; now: Date }) {
  const localDate = localDateOf(now, home.timezone)
  const [spans, closures, dayStates] = await together(
    db,
    () => listOpeningSpans({ db, centreId: home.id }),
    () => listClosures({ db, centreId: home.id, fromDate: localDate }),
    () =>
      db
        .select({ areaId: areaDayState.areaId, state: areaDayState.state })
        .from(areaDayState)
        .where(and(eq(areaDayState.centreId, home.id), eq(areaDayState.serviceDate, localDate))),
  )
  const centreSpans = spans.filter((span) => span.areaId === null)
  const centreClosures = closures.filter((c) => c.areaId === null)
  const timezone = home.timezone
  return {
    localDate,
    closures,
    centre: computeOpenStatus({ spans: centreSpans, closures: centreClosures, now, timezone }),
    area: (areaId: string) =>
      computeAreaStatus({
        centreSpans,
        areaSpans: spans.filter((span) => span.areaId === areaId),
        centreClosures,
        areaClosures: closures.filter((c) => c.areaId === areaId),
        dayState: dayStates.find((row) => row.areaId === areaId)?.state ?? null,
        now,
        timezone,
      }),
  }
}

/**
 * Reception opens or closes an area for the rest of the day, or hands it back to its planned hours
 * (`scheduled`). Closing stops new tickets only: people already waiting are still called. Opening an
 * area on a day the centre itself does not open is refused, since it could not take anyone.
 */
export async function setAreaDayState(options: {
  db: Database
  home: Home
  areaSlug: string
  input: AreaDayInput
  actorUserId: string | null
  now: Date
}) {
  const { db, home, input, actorUserId, now } = options
  const serviceDate = localDateOf(now, home.timezone)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: area.id })
      .from(area)
      .where(and(eq(area.centreId, home.id), eq(area.slug, options.areaSlug)))
    if (!row) throw notFound('error.area.notFound')
    if (input.state === 'scheduled') {
      await tx
        .delete(areaDayState)
        .where(and(eq(areaDayState.areaId, row.id), eq(areaDayState.serviceDate, serviceDate)))
    } else {
      if (input.state === 'open') {
        const { centre: status } = await loadOpenStatuses({ db: tx, home, now })
        if (status.today.length === 0) throw new AppError('conflict', 'error.area.centreClosedToday')
      }
      await tx
        .insert(areaDayState)
        .values({ areaId: row.id, serviceDate, centreId: home.id, state: input.state, setAt: now })
        .onConflictDoUpdate({
          target: [areaDayState.areaId, areaDayState.serviceDate],
          set: { state: input.state, setAt: now },
        })
    }
    await recordAudit(tx, {
      actorUserId,
      centreId: home.id,
      action: 'update',
      entity: 'area_day_state',
      entityId: row.id,
      data: { serviceDate, state: input.state },
    })
    return row.id
  })
}
