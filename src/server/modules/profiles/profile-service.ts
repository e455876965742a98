import { eq } from 'drizzle-orm'
import {
  type VisitProfile,
  type VisitProfileInput,
  visitProfileInputSchema,
} from '../../../shared/schemas/profiles'
import type { Database } from '../../db/client'
import { visitProfile } from '../../db/schema/profiles'
import { ticket } from '../../db/schema/tickets'
import { notFound } from '../../http/errors'

/** Records a visit's profile, or changes it: one per visit, whoever asked (reception or a desk). */
export async function saveVisitProfile(options: {
  db: Database
  ticketId: string
  input: VisitProfileInput
}): Promise<VisitProfile> {
  const { db, ticketId } = options
  const values = visitProfileInputSchema.parse(options.input)
  const [visit] = await db
    .select({ centreId: ticket.centreId, serviceDate: ticket.serviceDate })
    .from(ticket)
    .where(eq(ticket.id, ticketId))
  if (!visit) throw notFound('error.ticket.notFound')
  await db
    .insert(visitProfile)
    .values({ ticketId, centreId: visit.centreId, serviceDate: visit.serviceDate, ...values })
    .onConflictDoUpdate({ target: visitProfile.ticketId, set: { ...values, recordedAt: new Date() } })
  return values
}

/** A visit's profile, or `null` when none was given. */
export async function getVisitProfile(db: Database, ticketId: string): Promise<VisitProfile | null> {
  const [row] = await db
    .select({
      ageBand: visitProfile.ageBand,
      situation: visitProfile.situation,
      education: visitProfile.education,
      firstVisit: visitProfile.firstVisit,
      heardFrom: visitProfile.heardFrom,
    })
    .from(visitProfile)
    .where(eq(visitProfile.ticketId, ticketId))
  return row ? visitProfileInputSchema.required().parse(row) : null
}
