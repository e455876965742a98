import { and, asc, eq, gte, isNull } from 'drizzle-orm'
import { type WeeklyHoursInput, weeklyHoursInputSchema } from '../../../shared/schemas/centres'
import type { Database } from '../../db/client'
import { closure, openingHours } from '../../db/schema/centres'
import { recordAudit } from '../audit/service'
import { getArea } from './areas-service'
import { lockCentre } from './centres-service'
import { toHourMinute } from './opening-status'

type Scope = { db: Database; centreId: string }

/** All weekly spans of a centre: rows without an area are the centre's own. */
export async function listOpeningSpans({ db, centreId }: Scope) {
  const rows = await db
    .select({
      areaId: openingHours.areaId,
      weekday: openingHours.weekday,
      opensAt: openingHours.opensAt,
      closesAt: openingHours.closesAt,
    })
    .from(openingHours)
    .where(eq(openingHours.centreId, centreId))
    .orderBy(asc(openingHours.weekday), asc(openingHours.opensAt))
  return rows.map((row) => ({
    ...row,
    opensAt: toHourMinute(row.opensAt),
    closesAt: toHourMinute(row.closesAt),
  }))
}

export async function getWeeklyHours({ db, centreId, areaId }: Scope & { areaId: string | null }) {
  if (areaId) await getArea({ db, centreId, areaId })
  const spans = await listOpeningSpans({ db, centreId })
  return {
    areaId,
    spans: spans.filter((span) => span.areaId === areaId).map(({ areaId: _, ...span }) => span),
  }
}

/** Replaces a week of hours in one transaction: the portal never sees half a week. */
export async function replaceWeeklyHours(
  options: Scope & { actorUserId: string | null; input: WeeklyHoursInput },
) {
  const { db, centreId, actorUserId } = options
  const { areaId, spans } = weeklyHoursInputSchema.parse(options.input)
  if (areaId) await getArea({ db, centreId, areaId })
  await db.transaction(async (tx) => {
    await lockCentre(tx, centreId)
    await tx
      .delete(openingHours)
      .where(
        and(
          eq(openingHours.centreId, centreId),
          areaId ? eq(openingHours.areaId, areaId) : isNull(openingHours.areaId),
        ),
      )
    if (spans.length)
      await tx.insert(openingHours).values(spans.map((span) => ({ ...span, centreId, areaId })))
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'replace',
      entity: 'opening_hours',
      entityId: areaId,
      data: { spans },
    })
  })
  return getWeeklyHours({ db, centreId, areaId })
}

/** Closures that end today or later, soonest first. */
export async function listClosures({ db, centreId, fromDate }: Scope & { fromDate: string }) {
  return db
    .select()
    .from(closure)
    .where(and(eq(closure.centreId, centreId), gte(closure.endsOn, fromDate)))
    .orderBy(asc(closure.startsOn))
}
