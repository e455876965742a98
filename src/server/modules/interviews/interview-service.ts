import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { pickText } from '../../../shared/i18n/locales'
import {
  type InterviewInput,
  type InterviewTheme,
  type InterviewThemeInput,
  interviewInputSchema,
  interviewThemeInputSchema,
} from '../../../shared/schemas/interviews'
import type { Database } from '../../db/client'
import { uniqueViolation } from '../../db/errors'
import { rowsOf } from '../../db/rows'
import { area } from '../../db/schema/centres'
import { directoryService, directoryServiceArea } from '../../db/schema/directory'
import { interview, interviewReferral, interviewTheme, interviewThemeLink } from '../../db/schema/interviews'
import type { ticket } from '../../db/schema/tickets'
import { conflict, fieldRefusal, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'

type Ticket = typeof ticket.$inferSelect

/**
 * Records the interview that ends a step of a ticket, inside the transaction that ends it (so that a
 * refused record leaves the ticket as it was). Themes must be the area's (or every area's) and in use;
 * services must be in the centre's directory.
 */
export async function recordInterview(
  tx: Database,
  options: {
    /** The ticket as it was before the step ended. */
    ticket: Ticket
    partnerId: string | null
    defaultLanguage: string
    input: InterviewInput
    transferred: boolean
    now: Date
  },
) {
  const { ticket: current, now } = options
  const values = interviewInputSchema.parse(options.input)
  if (values.themeIds.length > 0) {
    const themes = await tx
      .select({ id: interviewTheme.id })
      .from(interviewTheme)
      .where(
        and(
          eq(interviewTheme.centreId, current.centreId),
          inArray(interviewTheme.id, values.themeIds),
          eq(interviewTheme.archived, false),
          or(isNull(interviewTheme.areaId), eq(interviewTheme.areaId, current.areaId)),
        ),
      )
    if (themes.length !== values.themeIds.length)
      throw fieldRefusal('interview.themeIds', 'error.interview.unknownTheme')
  }
  const services =
    values.serviceIds.length === 0
      ? []
      : await tx
          .select({
            id: directoryService.id,
            organisation: directoryService.organisation,
            name: directoryService.name,
          })
          .from(directoryService)
          .where(
            and(
              eq(directoryService.centreId, current.centreId),
              inArray(directoryService.id, values.serviceIds),
            ),
          )
  if (services.length !== values.serviceIds.length)
    throw fieldRefusal('interview.serviceIds', 'error.interview.unknownService')

  const startedAt = current.startedAt ?? current.calledAt ?? now
  const outcomes =
    options.transferred && !values.outcomes.includes('transfer')
      ? [...values.outcomes, 'transfer' as const]
      : values.outcomes
  const [row] = await tx
    .insert(interview)
    .values({
      centreId: current.centreId,
      areaId: current.areaId,
      deskId: current.calledDeskId,
      partnerId: options.partnerId,
      ticketId: current.id,
      serviceDate: current.serviceDate,
      startedAt,
      endedAt: now,
      durationSeconds: Math.max(0, Math.round((now.getTime() - startedAt.getTime()) / 1000)),
      language: values.language ?? current.language,
      outcomes,
    })
    .returning({ id: interview.id })
  if (!row) throw new Error('interview insert returned nothing')
  if (values.themeIds.length > 0)
    await tx
      .insert(interviewThemeLink)
      .values(values.themeIds.map((themeId) => ({ interviewId: row.id, themeId })))
  if (services.length > 0)
    await tx.insert(interviewReferral).values(
      services.map((service) => ({
        interviewId: row.id,
        serviceId: service.id,
        label: `${service.organisation} — ${pickText(service.name, options.defaultLanguage)}`,
      })),
    )
  return row.id
}

const presentTheme = (row: typeof interviewTheme.$inferSelect): InterviewTheme => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  areaId: row.areaId,
  position: row.position,
  archived: row.archived,
})

/** A centre's themes, those for every area first, in their order; `areaId` keeps one area's (and the common ones). */
export async function listThemes(options: { db: Database; centreId: string; areaId?: string | undefined }) {
  const { db, centreId, areaId } = options
  const rows = await db
    .select()
    .from(interviewTheme)
    .where(
      and(
        eq(interviewTheme.centreId, centreId),
        areaId ? or(isNull(interviewTheme.areaId), eq(interviewTheme.areaId, areaId)) : undefined,
      ),
    )
    .orderBy(asc(interviewTheme.position), asc(interviewTheme.slug))
  return rows.map(presentTheme)
}

async function checkArea(tx: Database, centreId: string, areaId: string | null) {
  if (!areaId) return
  const [found] = await tx
    .select({ id: area.id })
    .from(area)
    .where(and(eq(area.centreId, centreId), eq(area.id, areaId)))
  if (!found) throw fieldRefusal('areaId', 'error.event.unknownArea')
}

/** Adds a theme to the centre's list, or changes one (archiving it keeps past figures named). */
export async function saveTheme(options: {
  db: Database
  centreId: string
  actorUserId: string | null
  themeId?: string
  input: InterviewThemeInput
}): Promise<InterviewTheme> {
  const { db, centreId, actorUserId, themeId } = options
  const values = interviewThemeInputSchema.parse(options.input)
  try {
    return await db.transaction(async (tx) => {
      await checkArea(tx, centreId, values.areaId)
      const [row] = themeId
        ? await tx
            .update(interviewTheme)
            .set({ ...values, updatedAt: new Date() })
            .where(and(eq(interviewTheme.centreId, centreId), eq(interviewTheme.id, themeId)))
            .returning()
        : await tx
            .insert(interviewTheme)
            .values({ centreId, ...values })
            .returning()
      if (!row) throw notFound('error.interview.themeNotFound')
      await recordAudit(tx, {
        actorUserId,
        centreId,
        action: themeId ? 'update' : 'create',
        entity: 'interview_theme',
        entityId: row.id,
      })
      return presentTheme(row)
    })
  } catch (error) {
    if (uniqueViolation(error) === 'interview_theme_centre_slug_key')
      throw conflict('error.interview.slugTaken', 'slug')
    throw error
  }
}

/**
 * Services a counsellor of an area is likely to refer to, for one-tap choice: those the directory lists
 * for the area, then those referred to most from it in the last 90 days. At most eight.
 */
export async function referralSuggestions(options: {
  db: Database
  centreId: string
  areaId: string
  language: string
  defaultLanguage: string
  today: string
}): Promise<{ id: string; label: string }[]> {
  const { db, centreId, areaId } = options
  const result = await db.execute(sql`
    with listed as (
      select s.id, 0 as rank, 0 as uses from ${directoryService} s
      join ${directoryServiceArea} sa on sa.service_id = s.id and sa.area_id = ${areaId}
      where s.centre_id = ${centreId}
    ), used as (
      select r.service_id as id, 1 as rank, count(*)::int as uses
      from ${interviewReferral} r join ${interview} i on i.id = r.interview_id
      where i.centre_id = ${centreId} and i.area_id = ${areaId} and r.service_id is not null
        and i.service_date > (${options.today}::date - 90)
      group by r.service_id
    ), ranked as (
      select id, min(rank) as rank, max(uses) as uses from (select * from listed union all select * from used) u
      group by id
    )
    select s.id, s.organisation, s.name from ranked
    join ${directoryService} s on s.id = ranked.id
    order by ranked.rank, ranked.uses desc, s.organisation
    limit 8`)
  const rows = rowsOf<{ id: string; organisation: string; name: Record<string, string> }>(result)
  return rows.map((row) => ({
    id: row.id,
    label: `${pickText(row.name, options.language, options.defaultLanguage)} — ${row.organisation}`,
  }))
}
