import { createHash, randomBytes } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { type IssueTicketInput, issueTicketInputSchema } from '../../../shared/schemas/tickets'
import type { Database } from '../../db/client'
import { area } from '../../db/schema/centres'
import { ticket, ticketCounter, ticketStep } from '../../db/schema/tickets'
import { AppError, notFound } from '../../http/errors'
import { loadOpenStatuses } from '../centres/area-status'
import { getCentreBySlug } from '../centres/centres-service'
import { localDateOf } from '../centres/opening-status'
import { estimateWait, positionInQueue } from './estimate'

export function hashTrackToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function fieldError(code: 'validation' | 'conflict', key: string, field: string) {
  return new AppError(code, key, {}, { [field]: { key, values: {} } })
}

/**
 * Gives a walk-in visitor a ticket: no name, no contact, only the area, a language and a self-declared
 * priority. The daily number comes from an atomic upsert, so two kiosks never print the same code.
 */
export async function issueTicket({
  db,
  centreSlug,
  input,
  now,
}: {
  db: Database
  centreSlug: string
  input: IssueTicketInput
  now: Date
}) {
  const values = issueTicketInputSchema.parse(input)
  const centre = await getCentreBySlug({ db, slug: centreSlug })
  const [chosen] = await db
    .select()
    .from(area)
    .where(and(eq(area.centreId, centre.id), eq(area.slug, values.area)))
  if (!chosen) throw notFound('error.area.notFound')
  if (!centre.languages.includes(values.language))
    throw fieldError('validation', 'error.ticket.languageNotOffered', 'language')
  const statuses = await loadOpenStatuses({ db, home: centre, now })
  if (!statuses.area(chosen.id).isOpen) throw fieldError('conflict', 'error.ticket.areaClosed', 'area')

  const serviceDate = localDateOf(now, centre.timezone)
  const trackToken = randomBytes(16).toString('base64url')
  const created = await db.transaction(async (tx) => {
    const [counter] = await tx
      .insert(ticketCounter)
      .values({ centreId: centre.id, serviceDate, letter: chosen.ticketLetter, lastNumber: 1 })
      .onConflictDoUpdate({
        target: [ticketCounter.centreId, ticketCounter.serviceDate, ticketCounter.letter],
        set: { lastNumber: sql`${ticketCounter.lastNumber} + 1` },
      })
      .returning({ number: ticketCounter.lastNumber })
    if (!counter) throw new Error('ticket counter returned nothing')
    const [row] = await tx
      .insert(ticket)
      .values({
        centreId: centre.id,
        areaId: chosen.id,
        serviceDate,
        code: `${chosen.ticketLetter}-${String(counter.number).padStart(3, '0')}`,
        language: values.language,
        priority: values.priority,
        channel: values.channel,
        queuedAt: now,
        trackTokenHash: hashTrackToken(trackToken),
        createdAt: now,
      })
      .returning()
    if (!row) throw new Error('ticket insert returned nothing')
    await tx.insert(ticketStep).values({ ticketId: row.id, kind: 'issued', at: now, areaId: chosen.id })
    return row
  })
  const position = await positionInQueue(db, { areaId: chosen.id, serviceDate, queuedAt: created.queuedAt })
  return {
    id: created.id,
    code: created.code,
    area: chosen.slug,
    status: 'waiting' as const,
    position,
    estimatedWait: await estimateWait(db, { areaId: chosen.id, position }),
    trackToken,
  }
}
