import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { pickText } from '../../../shared/i18n/locales'
import {
  type KnowledgeKind,
  type KnowledgeNote,
  type KnowledgeNoteInput,
  type KnowledgeQuery,
  type KnowledgeRevision,
  type KnowledgeSummary,
  knowledgeNoteInputSchema,
} from '../../../shared/schemas/knowledge'
import type { Database } from '../../db/client'
import { rowsOf, searchConfig } from '../../db/rows'
import { user } from '../../db/schema/auth'
import { area } from '../../db/schema/centres'
import { directoryService } from '../../db/schema/directory'
import {
  knowledgeNote,
  knowledgeNoteArea,
  knowledgeNoteOccupation,
  knowledgeNoteService,
  knowledgeRevision,
} from '../../db/schema/knowledge'
import { occupation } from '../../db/schema/occupations'
import { conflict, fieldRefusal, forbidden, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { countOfCentre } from '../centres/of-centre'
import { findOccupationIds } from '../resources/resources-service'

type Write = { db: Database; centreId: string; actorUserId: string }
type Links = { serviceIds: string[]; areaIds: string[]; occupationIds: string[] }

/** The most notes a list returns; the total says how many more a narrower search would reach. */
export const KNOWLEDGE_PAGE = 100

/**
 * What a note is found by: title and tags weigh most, then the body; each stemmed in the note's language
 * and also kept word for word (for a reader searching in another language), accents folded throughout.
 */
function searchVector(values: { title: string; body: string; tags: string[] }, language: string): SQL {
  const config = searchConfig(language)
  const head = `${values.title} ${values.tags.join(' ')}`
  return sql`setweight(to_tsvector(${config}::regconfig, unaccent(${head})), 'A') ||
    setweight(to_tsvector('simple', unaccent(${head})), 'A') ||
    setweight(to_tsvector(${config}::regconfig, unaccent(${values.body})), 'B') ||
    setweight(to_tsvector('simple', unaccent(${values.body})), 'D')`
}

/** The links of a note, checked to belong to the centre: an unknown one is a 422 naming the field. */
async function resolveLinks(
  tx: Database,
  centreId: string,
  input: { serviceIds: string[]; areaIds: string[]; occupations: { taxonomy: string; code: string }[] },
): Promise<Links> {
  const [services, areas, occupationIds] = await Promise.all([
    countOfCentre(tx, directoryService, centreId, input.serviceIds),
    countOfCentre(tx, area, centreId, input.areaIds),
    findOccupationIds(tx, input.occupations),
  ])
  if (services !== input.serviceIds.length) throw fieldRefusal('serviceIds', 'error.knowledge.unknownService')
  if (areas !== input.areaIds.length) throw fieldRefusal('areaIds', 'error.knowledge.unknownArea')
  if (occupationIds.some((id) => id === undefined))
    throw fieldRefusal('occupations', 'error.knowledge.unknownOccupation')
  return {
    serviceIds: input.serviceIds,
    areaIds: input.areaIds,
    occupationIds: [...new Set(occupationIds as string[])],
  }
}

async function writeLinks(tx: Database, noteId: string, links: Links) {
  await tx.delete(knowledgeNoteService).where(eq(knowledgeNoteService.noteId, noteId))
  await tx.delete(knowledgeNoteArea).where(eq(knowledgeNoteArea.noteId, noteId))
  await tx.delete(knowledgeNoteOccupation).where(eq(knowledgeNoteOccupation.noteId, noteId))
  if (links.serviceIds.length > 0)
    await tx.insert(knowledgeNoteService).values(links.serviceIds.map((serviceId) => ({ noteId, serviceId })))
  if (links.areaIds.length > 0)
    await tx.insert(knowledgeNoteArea).values(links.areaIds.map((areaId) => ({ noteId, areaId })))
  if (links.occupationIds.length > 0)
    await tx
      .insert(knowledgeNoteOccupation)
      .values(links.occupationIds.map((occupationId) => ({ noteId, occupationId })))
}

export async function createNote(
  options: Write & { language: string; input: KnowledgeNoteInput },
): Promise<string> {
  const { db, centreId, actorUserId, language } = options
  const {
    serviceIds,
    areaIds,
    occupations,
    version: _,
    ...values
  } = knowledgeNoteInputSchema.parse(options.input)
  return db.transaction(async (tx) => {
    const links = await resolveLinks(tx, centreId, { serviceIds, areaIds, occupations })
    const [row] = await tx
      .insert(knowledgeNote)
      .values({
        centreId,
        ...values,
        language,
        search: searchVector(values, language),
        authorId: actorUserId,
        editorId: actorUserId,
      })
      .returning({ id: knowledgeNote.id })
    if (!row) throw new Error('note insert returned nothing')
    await writeLinks(tx, row.id, links)
    await tx
      .insert(knowledgeRevision)
      .values({ noteId: row.id, version: 1, ...values, links, editorId: actorUserId })
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'create',
      entity: 'knowledge_note',
      entityId: row.id,
    })
    return row.id
  })
}

/**
 * Changes a note, keeping the version it replaces in its history. The writer says which version they
 * started from: if someone saved in between, the change is refused (409) rather than silently losing
 * the other person's words.
 */
export async function updateNote(options: Write & { noteId: string; input: KnowledgeNoteInput }) {
  const { db, centreId, actorUserId, noteId } = options
  const { serviceIds, areaIds, occupations, version, ...values } = knowledgeNoteInputSchema.parse(
    options.input,
  )
  if (version === undefined) throw fieldRefusal('version', 'error.knowledge.versionMissing')
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ version: knowledgeNote.version, language: knowledgeNote.language })
      .from(knowledgeNote)
      .where(and(eq(knowledgeNote.centreId, centreId), eq(knowledgeNote.id, noteId)))
      .for('update')
    if (!current) throw notFound('error.knowledge.notFound')
    if (current.version !== version) throw conflict('error.knowledge.changedMeanwhile')
    const links = await resolveLinks(tx, centreId, { serviceIds, areaIds, occupations })
    const next = current.version + 1
    await tx
      .update(knowledgeNote)
      .set({
        ...values,
        search: searchVector(values, current.language),
        version: next,
        editorId: actorUserId,
        updatedAt: new Date(),
      })
      .where(eq(knowledgeNote.id, noteId))
    await writeLinks(tx, noteId, links)
    await tx
      .insert(knowledgeRevision)
      .values({ noteId, version: next, ...values, links, editorId: actorUserId })
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'update',
      entity: 'knowledge_note',
      entityId: noteId,
      data: { version: next },
    })
  })
}

/** Removes a note and its history: its author may, and a manager. */
export async function deleteNote(options: Write & { noteId: string; isManager: boolean }) {
  const { db, centreId, actorUserId, noteId } = options
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ authorId: knowledgeNote.authorId, title: knowledgeNote.title })
      .from(knowledgeNote)
      .where(and(eq(knowledgeNote.centreId, centreId), eq(knowledgeNote.id, noteId)))
      .for('update')
    if (!row) throw notFound('error.knowledge.notFound')
    if (!options.isManager && row.authorId !== actorUserId) throw forbidden()
    await tx.delete(knowledgeNote).where(eq(knowledgeNote.id, noteId))
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'delete',
      entity: 'knowledge_note',
      entityId: noteId,
      data: { title: row.title },
    })
  })
}

/** The first words of a Markdown text, its marks removed: what a list shows under a title. */
export function excerptOf(markdown: string, length = 220): string {
  const plain = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[*_`~]+/g, '')
    .replace(/[#>|]+/g, ' ')
    .replace(/^\s*[-+]\s+/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > length ? `${plain.slice(0, length - 1).trimEnd()}…` : plain
}

const author = alias(user, 'author')
const editor = alias(user, 'editor')
const person = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null)

const summaryColumns = {
  id: knowledgeNote.id,
  kind: knowledgeNote.kind,
  title: knowledgeNote.title,
  body: knowledgeNote.body,
  tags: knowledgeNote.tags,
  authorId: knowledgeNote.authorId,
  authorName: author.name,
  editorId: knowledgeNote.editorId,
  editorName: editor.name,
  createdAt: knowledgeNote.createdAt,
  updatedAt: knowledgeNote.updatedAt,
  version: knowledgeNote.version,
}
type SummaryRow = {
  id: string
  kind: string
  title: string
  body: string
  tags: string[]
  authorId: string | null
  authorName: string | null
  editorId: string | null
  editorName: string | null
  createdAt: Date
  updatedAt: Date
  version: number
}

const toSummary = (row: SummaryRow): KnowledgeSummary => ({
  id: row.id,
  kind: row.kind as KnowledgeKind,
  title: row.title,
  excerpt: excerptOf(row.body),
  tags: row.tags,
  author: person(row.authorId, row.authorName),
  editor: person(row.editorId, row.editorName),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
})

/** Words as a text search query: stemmed in the reader's language or word for word, accents folded. */
async function searchQuery(db: Database, words: string, language: string): Promise<string> {
  const config = searchConfig(language)
  const result = await db.execute(sql`
    select (plainto_tsquery(${config}::regconfig, unaccent(${words})) ||
            plainto_tsquery('simple', unaccent(${words})))::text as query`)
  return rowsOf<{ query: string }>(result)[0]?.query ?? ''
}

/**
 * Notes of a centre, newest first, or best matches first for words: searched stemmed in the reader's
 * language and word for word, accents either way; narrowed by kind, tag, service and area.
 */
export async function listNotes(options: {
  db: Database
  centreId: string
  query: KnowledgeQuery
  language: string
}): Promise<{ items: KnowledgeSummary[]; total: number; tags: { tag: string; count: number }[] }> {
  const { db, centreId, query } = options
  const words = query.q?.trim()
  // The words as one query, stemmed or word for word, worked out first: a constant the planner can look
  // up in the GIN index (stop words alone give an empty query, which finds nothing).
  const tsquery = words ? await searchQuery(db, words, options.language) : null
  const conditions = and(
    eq(knowledgeNote.centreId, centreId),
    tsquery === null
      ? undefined
      : tsquery === ''
        ? sql`false`
        : sql`${knowledgeNote.search} @@ ${tsquery}::tsquery`,
    query.kind ? eq(knowledgeNote.kind, query.kind) : undefined,
    query.tag ? sql`${query.tag} = any(${knowledgeNote.tags})` : undefined,
    query.service
      ? sql`exists (select 1 from ${knowledgeNoteService} ns
          where ns.note_id = ${knowledgeNote.id} and ns.service_id = ${query.service})`
      : undefined,
    query.area
      ? sql`exists (select 1 from ${knowledgeNoteArea} na
          where na.note_id = ${knowledgeNote.id} and na.area_id = ${query.area})`
      : undefined,
  )
  const [rows, [total], tags] = await Promise.all([
    db
      .select(summaryColumns)
      .from(knowledgeNote)
      .leftJoin(author, eq(author.id, knowledgeNote.authorId))
      .leftJoin(editor, eq(editor.id, knowledgeNote.editorId))
      .where(conditions)
      .orderBy(
        ...(tsquery ? [sql`ts_rank(${knowledgeNote.search}, ${tsquery}::tsquery) desc`] : []),
        desc(knowledgeNote.updatedAt),
        asc(knowledgeNote.id),
      )
      .limit(KNOWLEDGE_PAGE),
    db.select({ total: count() }).from(knowledgeNote).where(conditions),
    db.execute(sql`
      select tag, count(*)::int as count
      from ${knowledgeNote}, unnest(${knowledgeNote.tags}) as tag
      where ${knowledgeNote.centreId} = ${centreId}
      group by tag order by count desc, tag limit 60`),
  ])
  return {
    items: rows.map(toSummary),
    total: total?.total ?? 0,
    tags: rowsOf<{ tag: string; count: number }>(tags),
  }
}

/** One note with its links named in the reader's language. */
export async function getNote(options: {
  db: Database
  centreId: string
  noteId: string
  language: string
  defaultLanguage: string
  canDeleteAny: boolean
  actorUserId: string
}): Promise<KnowledgeNote> {
  const { db, centreId, noteId } = options
  const [row] = await db
    .select(summaryColumns)
    .from(knowledgeNote)
    .leftJoin(author, eq(author.id, knowledgeNote.authorId))
    .leftJoin(editor, eq(editor.id, knowledgeNote.editorId))
    .where(and(eq(knowledgeNote.centreId, centreId), eq(knowledgeNote.id, noteId)))
  if (!row) throw notFound('error.knowledge.notFound')
  const pick = (value: Record<string, string>) => pickText(value, options.language, options.defaultLanguage)
  const [services, areas, occupations] = await Promise.all([
    db
      .select({
        id: directoryService.id,
        organisation: directoryService.organisation,
        name: directoryService.name,
      })
      .from(knowledgeNoteService)
      .innerJoin(directoryService, eq(directoryService.id, knowledgeNoteService.serviceId))
      .where(eq(knowledgeNoteService.noteId, noteId))
      .orderBy(asc(directoryService.organisation)),
    db
      .select({ id: area.id, slug: area.slug, name: area.name, colour: area.colour })
      .from(knowledgeNoteArea)
      .innerJoin(area, eq(area.id, knowledgeNoteArea.areaId))
      .where(eq(knowledgeNoteArea.noteId, noteId))
      .orderBy(asc(area.position)),
    db
      .select({ taxonomy: occupation.taxonomy, code: occupation.code, title: occupation.title })
      .from(knowledgeNoteOccupation)
      .innerJoin(occupation, eq(occupation.id, knowledgeNoteOccupation.occupationId))
      .where(eq(knowledgeNoteOccupation.noteId, noteId)),
  ])
  return {
    ...toSummary(row),
    body: row.body,
    services: services.map((s) => ({ id: s.id, organisation: s.organisation, name: pick(s.name) })),
    areas: areas.map((a) => ({ ...a, name: pick(a.name) })),
    occupations: occupations
      .map((o) => ({ taxonomy: o.taxonomy, code: o.code, title: pick(o.title) }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    canDelete: options.canDeleteAny || row.authorId === options.actorUserId,
  }
}

/** Every version of a note, the latest first. */
export async function listRevisions(options: {
  db: Database
  centreId: string
  noteId: string
}): Promise<KnowledgeRevision[]> {
  const { db, centreId, noteId } = options
  const [note] = await db
    .select({ id: knowledgeNote.id })
    .from(knowledgeNote)
    .where(and(eq(knowledgeNote.centreId, centreId), eq(knowledgeNote.id, noteId)))
  if (!note) throw notFound('error.knowledge.notFound')
  const rows = await db
    .select({
      version: knowledgeRevision.version,
      kind: knowledgeRevision.kind,
      title: knowledgeRevision.title,
      body: knowledgeRevision.body,
      tags: knowledgeRevision.tags,
      editorId: knowledgeRevision.editorId,
      editorName: user.name,
      editedAt: knowledgeRevision.editedAt,
    })
    .from(knowledgeRevision)
    .leftJoin(user, eq(user.id, knowledgeRevision.editorId))
    .where(eq(knowledgeRevision.noteId, noteId))
    .orderBy(desc(knowledgeRevision.version))
  return rows.map((row) => ({
    version: row.version,
    kind: row.kind as KnowledgeKind,
    title: row.title,
    body: row.body,
    tags: row.tags,
    editor: person(row.editorId, row.editorName),
    editedAt: row.editedAt.toISOString(),
  }))
}

/** How many notes link to each of these services: what the directory shows staff beside an entry. */
export async function noteCountsByService(db: Database, serviceIds: string[]) {
  if (serviceIds.length === 0) return new Map<string, number>()
  const rows = await db
    .select({ serviceId: knowledgeNoteService.serviceId, count: count() })
    .from(knowledgeNoteService)
    .where(inArray(knowledgeNoteService.serviceId, serviceIds))
    .groupBy(knowledgeNoteService.serviceId)
  return new Map(rows.map((row) => [row.serviceId, row.count]))
}
