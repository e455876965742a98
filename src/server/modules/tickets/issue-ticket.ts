import { createHash, randomBytes } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { type IssueTicketInput, issueTicketInputSchema } from '../../../shared/schemas/tickets'
import type { Database } from '../../db/client'
import { area } from '../../db/schema/centres'
import { ticket, ticketCounter, ticketStep } from '../../db/schema/tickets'
import { AppError, notFound } from '../../http/errors'
import { getCentreBySlug } from '../centres/centres-service'
import { listClosures, listOpeningSpans } from '../centres/hours-service'
import { computeAreaStatus, localDateOf } from '../centres/opening-status'
import { estimateWait, positionInQueue } from './estimate'

export function hashTrackToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function fieldError(code: 'validation' | 'conflict', key: string, field: string) {
  return new AppError(code, key, {}, { [field]: { key, values: {} } })
}

/** Whether an area takes tickets now: its own hours (or the centre's) and no closure today. */
export async function isAreaOpen(
  db: Database,
  options: { centreId: string; areaId: string; timezone: string; now: Date },
) {
  const localDate = localDateOf(options.now, options.timezone)
  const [spans, closures] = await Promise.all([
    listOpeningSpans({ db, centreId: options.centreId }),
    listClosures({ db, centreId: options.centreId, fromDate: localDate }),
  ])
  return computeAreaStatus({
    centreSpans: spans.filter((s) => s.areaId === null),
    areaSpans: spans.filter((s) => s.areaId === options.areaId),
    centreClosures: closures.filter((c) => c.areaId === null),
    areaClosures: closures.filter((c) => c.areaId === options.areaId),
    now: options.now,
    timezone: options.timezone,
  })
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
  const status = await isAreaOpen(db, {
    centreId: centre.id,
    areaId: chosen.id,
    timezone: centre.timezone,
    now,
  })
  if (!status.isOpen) throw fieldError('conflict', 'error.ticket.areaClosed', 'area')

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
