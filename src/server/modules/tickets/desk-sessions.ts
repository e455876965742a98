import { and, eq, inArray, isNull } from 'drizzle-orm'
import { type OpenDeskSessionInput, openDeskSessionInputSchema } from '../../../shared/schemas/tickets'
import { z } from '../../../shared/validation'
import type { Database } from '../../db/client'
import { area, centre, desk } from '../../db/schema/centres'
import { deskSession } from '../../db/schema/tickets'
import { AppError, notFound } from '../../http/errors'

/** The desk and its centre, or 404. */
export async function getDeskWithCentre(db: Database, deskId: string) {
  // Called by the route guard before the path is validated: a malformed id is simply not found.
  if (!z.uuid().safeParse(deskId).success) throw notFound('error.desk.notFound')
  const [row] = await db
    .select({ desk, centre })
    .from(desk)
    .innerJoin(centre, eq(centre.id, desk.centreId))
    .where(eq(desk.id, deskId))
  if (!row) throw notFound('error.desk.notFound')
  return row
}

/**
 * A counsellor sits at a desk for a session, serving some areas in some languages. Opening a session
 * closes the desk's previous one: a desk is one place, one person at a time.
 */
export async function openDeskSession(options: {
  db: Database
  deskId: string
  userId: string | null
  input: OpenDeskSessionInput
}) {
  const { db, deskId, userId } = options
  const values = openDeskSessionInputSchema.parse(options.input)
  const { centre: home } = await getDeskWithCentre(db, deskId)
  const areas = await db
    .select({ id: area.id, slug: area.slug })
    .from(area)
    .where(and(eq(area.centreId, home.id), inArray(area.slug, values.areas)))
  if (areas.length !== new Set(values.areas).size) {
    throw new AppError(
      'validation',
      'error.desk.unknownArea',
      {},
      { areas: { key: 'error.desk.unknownArea', values: {} } },
    )
  }
  const foreign = values.languages.filter((language) => !home.languages.includes(language))
  if (foreign.length) {
    throw new AppError(
      'validation',
      'error.ticket.languageNotOffered',
      {},
      { languages: { key: 'error.ticket.languageNotOffered', values: {} } },
    )
  }
  return db.transaction(async (tx) => {
    await tx
      .update(deskSession)
      .set({ closedAt: new Date() })
      .where(and(eq(deskSession.deskId, deskId), isNull(deskSession.closedAt)))
    const [row] = await tx
      .insert(deskSession)
      .values({ deskId, userId, areaIds: areas.map((a) => a.id), languages: [...new Set(values.languages)] })
      .returning()
    if (!row) throw new Error('desk session insert returned nothing')
    return { session: row, areas: areas.map((a) => a.slug) }
  })
}

export async function closeDeskSession({ db, deskId }: { db: Database; deskId: string }) {
  await db
    .update(deskSession)
    .set({ closedAt: new Date() })
    .where(and(eq(deskSession.deskId, deskId), isNull(deskSession.closedAt)))
}
