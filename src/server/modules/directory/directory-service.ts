import { subMonths } from 'date-fns'
import { and, asc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm'
import { pickText } from '../../../shared/i18n/locales'
import {
  type DirectoryService,
  type DirectoryServiceInput,
  directoryServiceInputSchema,
  type StaffDirectoryService,
} from '../../../shared/schemas/directory'
import type { Database } from '../../db/client'
import { searchConfig } from '../../db/rows'
import { area, centre } from '../../db/schema/centres'
import { directoryService, directoryServiceArea, directoryServiceTheme } from '../../db/schema/directory'
import { resourceTheme } from '../../db/schema/resources'
import { fieldRefusal, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { localDateOf } from '../centres/opening-status'
import { noteCountsByService } from '../knowledge/knowledge-service'

type Write = { db: Database; centreId: string; actorUserId: string | null }
type Row = typeof directoryService.$inferSelect

async function checkLinks(tx: Database, centreId: string, areaIds: string[], themeIds: string[]) {
  if (areaIds.length > 0) {
    const found = await tx
      .select({ id: area.id })
      .from(area)
      .where(and(eq(area.centreId, centreId), inArray(area.id, areaIds)))
    if (found.length !== areaIds.length) throw fieldRefusal('areaIds', 'error.event.unknownArea')
  }
  if (themeIds.length > 0) {
    const found = await tx
      .select({ id: resourceTheme.id })
      .from(resourceTheme)
      .where(and(eq(resourceTheme.centreId, centreId), inArray(resourceTheme.id, themeIds)))
    if (found.length !== themeIds.length) throw fieldRefusal('themeIds', 'error.event.unknownTheme')
  }
}

async function writeLinks(tx: Database, serviceId: string, areaIds: string[], themeIds: string[]) {
  await tx.delete(directoryServiceArea).where(eq(directoryServiceArea.serviceId, serviceId))
  await tx.delete(directoryServiceTheme).where(eq(directoryServiceTheme.serviceId, serviceId))
  if (areaIds.length > 0)
    await tx.insert(directoryServiceArea).values(areaIds.map((areaId) => ({ serviceId, areaId })))
  if (themeIds.length > 0)
    await tx.insert(directoryServiceTheme).values(themeIds.map((themeId) => ({ serviceId, themeId })))
}

export async function createService(options: Write & { input: DirectoryServiceInput }): Promise<string> {
  const { db, centreId, actorUserId } = options
  const { areaIds, themeIds, ...values } = directoryServiceInputSchema.parse(options.input)
  return db.transaction(async (tx) => {
    await checkLinks(tx, centreId, areaIds, themeIds)
    const [row] = await tx
      .insert(directoryService)
      .values({ centreId, ...values })
      .returning({ id: directoryService.id })
    if (!row) throw new Error('service insert returned nothing')
    await writeLinks(tx, row.id, areaIds, themeIds)
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'create',
      entity: 'directory_service',
      entityId: row.id,
    })
    return row.id
  })
}

export async function updateService(options: Write & { serviceId: string; input: DirectoryServiceInput }) {
  const { db, centreId, actorUserId, serviceId } = options
  const { areaIds, themeIds, ...values } = directoryServiceInputSchema.parse(options.input)
  await db.transaction(async (tx) => {
    await checkLinks(tx, centreId, areaIds, themeIds)
    const [row] = await tx
      .update(directoryService)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(directoryService.centreId, centreId), eq(directoryService.id, serviceId)))
      .returning({ id: directoryService.id })
    if (!row) throw notFound('error.directory.notFound')
    await writeLinks(tx, serviceId, areaIds, themeIds)
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'update',
      entity: 'directory_service',
      entityId: serviceId,
    })
  })
}

export async function deleteService(options: Write & { serviceId: string }) {
  const { db, centreId, actorUserId, serviceId } = options
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(directoryService)
      .where(and(eq(directoryService.centreId, centreId), eq(directoryService.id, serviceId)))
      .returning({ id: directoryService.id })
    if (!row) throw notFound('error.directory.notFound')
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'delete',
      entity: 'directory_service',
      entityId: serviceId,
    })
  })
}

/** The day before which an entry counts as due for review, for a centre. */
async function reviewThreshold(db: Database, centreId: string, now: Date) {
  const [home] = await db
    .select({ timezone: centre.timezone, months: centre.directoryReviewMonths })
    .from(centre)
    .where(eq(centre.id, centreId))
  if (!home) throw notFound('error.centre.notFound')
  return localDateOf(subMonths(now, home.months), home.timezone)
}

/**
 * The directory for staff, every language of its texts, with how many knowledge notes are about each
 * service; `review` keeps those due for a check, `q` those matching words (best first).
 */
export async function listStaffServices(options: {
  db: Database
  centreId: string
  now: Date
  review?: boolean
  q?: string | undefined
  language?: string
}): Promise<StaffDirectoryService[]> {
  const { db, centreId } = options
  const threshold = await reviewThreshold(db, centreId, options.now)
  const { match, score } = wordsMatch(options.q, options.language ?? 'simple')
  const rows = await db
    .select()
    .from(directoryService)
    .where(
      and(
        eq(directoryService.centreId, centreId),
        options.review ? lt(directoryService.lastVerified, threshold) : undefined,
        match ?? undefined,
      ),
    )
    .orderBy(
      ...(score ? [sql`${score} desc`] : []),
      asc(directoryService.organisation),
      asc(directoryService.id),
    )
  const [links, notes] = await Promise.all([
    linksOf(db, rows),
    noteCountsByService(
      db,
      rows.map((row) => row.id),
    ),
  ])
  return rows.map((row) => ({
    id: row.id,
    organisation: row.organisation,
    name: row.name,
    description: row.description,
    eligibility: row.eligibility,
    audiences: row.audiences,
    languages: row.languages,
    accessibility: row.accessibility,
    address: row.address,
    openingHours: row.openingHours,
    walkIn: row.walkIn,
    phone: row.phone,
    website: row.website,
    areaIds: links.areas.filter((a) => a.serviceId === row.id).map((a) => a.id),
    themeIds: links.themes.filter((a) => a.serviceId === row.id).map((a) => a.id),
    lastVerified: row.lastVerified,
    needsReview: row.lastVerified < threshold,
    notes: notes.get(row.id) ?? 0,
  }))
}

async function linksOf(db: Database, rows: Row[]) {
  if (rows.length === 0) return { areas: [], themes: [] }
  const ids = rows.map((row) => row.id)
  const [areas, themes] = await Promise.all([
    db
      .select({
        serviceId: directoryServiceArea.serviceId,
        id: area.id,
        slug: area.slug,
        name: area.name,
        colour: area.colour,
      })
      .from(directoryServiceArea)
      .innerJoin(area, eq(area.id, directoryServiceArea.areaId))
      .where(inArray(directoryServiceArea.serviceId, ids))
      .orderBy(asc(area.position), asc(area.slug)),
    db
      .select({
        serviceId: directoryServiceTheme.serviceId,
        id: resourceTheme.id,
        slug: resourceTheme.slug,
        name: resourceTheme.name,
      })
      .from(directoryServiceTheme)
      .innerJoin(resourceTheme, eq(resourceTheme.id, directoryServiceTheme.themeId))
      .where(inArray(directoryServiceTheme.serviceId, ids))
      .orderBy(asc(resourceTheme.position), asc(resourceTheme.slug)),
  ])
  return { areas, themes }
}

/**
 * Words searched in every language of a service's texts: stemmed in the reader's language, and also with
 * accents folded on both sides (« meublees » typed on a keyboard without them finds « meublées »).
 */
function wordsMatch(q: string | undefined, language: string): { match: SQL | null; score: SQL | null } {
  const words = q?.trim()
  if (!words) return { match: null, score: null }
  const config = searchConfig(language)
  const text = sql`${directoryService.organisation} || ' ' || ${directoryService.name}::text || ' ' ||
    ${directoryService.description}::text || ' ' || ${directoryService.eligibility}::text`
  const plain = sql`to_tsvector(${config}::regconfig, ${text})`
  const folded = sql`to_tsvector(${config}::regconfig, unaccent(${text}))`
  const query = sql`plainto_tsquery(${config}::regconfig, ${words})`
  const foldedQuery = sql`plainto_tsquery(${config}::regconfig, unaccent(${words}))`
  return {
    match: sql`(${plain} @@ ${query} or ${folded} @@ ${foldedQuery})`,
    score: sql`(ts_rank(${plain}, ${query}) + ts_rank(${folded}, ${foldedQuery}))`,
  }
}

/**
 * Services for anyone: words searched in every language of their texts (stemmed in the reader's
 * language, accents ignored), narrowed by area and audience, the best matches first.
 */
export async function searchServices(options: {
  db: Database
  centreId: string
  query: { q?: string | undefined; area?: string | undefined; audience?: string | undefined }
  language: string
  defaultLanguage: string
}): Promise<DirectoryService[]> {
  const { db, centreId, query, language, defaultLanguage } = options
  const { match, score } = wordsMatch(query.q, language)
  const conditions: (SQL | undefined)[] = [
    eq(directoryService.centreId, centreId),
    match ?? undefined,
    query.audience ? sql`${query.audience} = any(${directoryService.audiences})` : undefined,
    query.area
      ? sql`exists (select 1 from ${directoryServiceArea} sa join ${area} a on a.id = sa.area_id
          where sa.service_id = ${directoryService.id} and a.slug = ${query.area})`
      : undefined,
  ]
  const rows = await db
    .select()
    .from(directoryService)
    .where(and(...conditions))
    .orderBy(
      ...(score ? [sql`${score} desc`] : []),
      asc(directoryService.organisation),
      asc(directoryService.id),
    )
    .limit(100)
  const links = await linksOf(db, rows)
  const pick = (value: Record<string, string>) => pickText(value, language, defaultLanguage)
  return rows.map((row) => ({
    id: row.id,
    organisation: row.organisation,
    name: pick(row.name),
    description: pick(row.description),
    eligibility: pick(row.eligibility),
    audiences: row.audiences,
    languages: row.languages,
    accessibility: row.accessibility,
    address: row.address,
    mapUrl: row.address
      ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(row.address)}`
      : null,
    openingHours: row.openingHours,
    walkIn: row.walkIn,
    phone: row.phone,
    website: row.website,
    areas: links.areas
      .filter((a) => a.serviceId === row.id)
      .map(({ slug, name, colour }) => ({ slug, name, colour })),
    themes: links.themes.filter((a) => a.serviceId === row.id).map(({ slug, name }) => ({ slug, name })),
    lastVerified: row.lastVerified,
  }))
}
