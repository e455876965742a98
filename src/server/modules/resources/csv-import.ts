import { randomUUID } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { contentLanguages } from '../../../shared/i18n/locales'
import {
  audiences,
  type CatalogueImportResult,
  type OccupationRef,
  type ResourceInput,
  type ResourceValues,
  resourceInputSchema,
  resourceTypes,
} from '../../../shared/schemas/resources'
import { describeIssue } from '../../../shared/validation'
import type { Database } from '../../db/client'
import { area } from '../../db/schema/centres'
import {
  resource,
  resourceArea,
  resourceOccupation,
  resourceTheme,
  resourceThemeLink,
} from '../../db/schema/resources'
import { together } from '../../db/together'
import { AppError } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { type PartnerWriter, partnerForNew } from '../auth/partner-writer'
import {
  type CsvRow,
  countCell,
  type ImportProblem,
  listCell,
  optionalCell,
  readCatalogueCsv,
  yesNoCell,
} from './csv-rows'
import { presentStaffResources } from './read-resources'
import { findOccupationIds, occupationKey, resourceColumns } from './resources-service'
import { lockCatalogue, reindexResources } from './search'

/** How many problems an answer lists: enough to fix a file in one go, not a wall of text. */
const MAX_PROBLEMS = 100
const CHUNK = 500
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Where a field of the input comes from in the file, to point at the right column. */
const columnOf: Record<string, string> = {
  easyRead: 'easy_read',
  lastReviewed: 'last_reviewed',
  areaIds: 'areas',
  themeIds: 'themes',
}

/** Nothing was written: each problem is reported as `line.column` → message, in the request's language. */
function importFailure(problems: ImportProblem[]): AppError {
  const fields: Record<string, { key: string; values: Record<string, string | number> }> = {}
  for (const problem of problems.slice(0, MAX_PROBLEMS)) {
    const where = problem.column ? `${problem.line}.${problem.column}` : String(problem.line)
    fields[where] ??= { key: problem.key, values: problem.values ?? {} }
  }
  const lines = new Set(problems.map((problem) => problem.line)).size
  return new AppError('validation', 'error.resourceImport.invalid', { count: lines }, fields)
}

/** A row on its way to the schema: values as read, checked only by `resourceInputSchema`. */
type Draft = Omit<ResourceInput, 'type' | 'languages' | 'audiences'> & {
  type: string
  languages?: string[]
  audiences?: string[]
}

type Prepared = { id: string; isNew: boolean; values: ResourceValues; occupationIds: string[] }

/**
 * Imports a catalogue CSV (columns in the README) in one transaction: a row with an `id` updates that
 * resource, a row without adds one. Every row is checked before anything is written; one bad row and
 * nothing is, the answer naming each bad line and why. Columns left out of the file keep their values.
 */
export async function importCatalogueCsv(options: {
  db: Database
  centreId: string
  actorUserId: string | null
  writer: PartnerWriter
  csv: string
}): Promise<CatalogueImportResult> {
  const { db, centreId, writer } = options
  const file = readCatalogueCsv(options.csv)
  if (file.problems.length > 0) throw importFailure(file.problems)
  return db.transaction(async (tx) => {
    await lockCatalogue(tx, centreId)
    const context = await loadContext(tx, centreId, file.rows, writer)
    const problems: ImportProblem[] = []
    const prepared: Prepared[] = []
    const seen = new Set<string>()
    for (const row of file.rows) {
      const result = prepareRow(row, file.columns, context, seen)
      problems.push(...result.problems)
      if (result.prepared) prepared.push(result.prepared)
    }
    if (problems.length > 0) throw importFailure(problems)
    await writeRows(tx, centreId, writer, prepared)
    const added = prepared.filter((row) => row.isNew).length
    const counts = { added, updated: prepared.length - added }
    await recordAudit(tx, {
      actorUserId: options.actorUserId,
      centreId,
      action: 'replace',
      entity: 'resource_import',
      data: counts,
    })
    await reindexResources(tx, centreId)
    return counts
  })
}

type Context = Awaited<ReturnType<typeof loadContext>>

/** What rows refer to, read once: the centre's areas and themes, the resources named, the occupations. */
async function loadContext(tx: Database, centreId: string, rows: CsvRow[], writer: PartnerWriter) {
  const ids = rows
    .map((row) => optionalCell(row.cells.id))
    .filter((id): id is string => !!id && UUID.test(id))
  const refs = new Map<string, OccupationRef>()
  for (const row of rows) {
    for (const key of listCell(row.cells.occupations)) {
      const at = key.indexOf(':')
      if (at > 0) refs.set(key, { taxonomy: key.slice(0, at).toLowerCase(), code: key.slice(at + 1) })
    }
  }
  const [areas, themes, existing, occupationIds] = await together(
    tx,
    () => tx.select({ id: area.id, slug: area.slug }).from(area).where(eq(area.centreId, centreId)),
    () =>
      tx
        .select({ id: resourceTheme.id, slug: resourceTheme.slug })
        .from(resourceTheme)
        .where(eq(resourceTheme.centreId, centreId)),
    async () =>
      ids.length === 0
        ? []
        : tx
            .select()
            .from(resource)
            .where(and(eq(resource.centreId, centreId), inArray(resource.id, ids)))
            .for('update'),
    () => findOccupationIds(tx, [...refs.values()]),
  )
  const current = await presentStaffResources({ db: tx, rows: existing, languages: [], writer })
  const occupationOf = new Map<string, string>()
  ;[...refs.values()].forEach((ref, index) => {
    const id = occupationIds[index]
    if (id) occupationOf.set(occupationKey(ref), id)
  })
  return {
    areaOf: new Map(areas.map((a) => [a.slug, a.id])),
    themeOf: new Map(themes.map((t) => [t.slug, t.id])),
    existing: new Map(current.map((r) => [r.id, r])),
    occupationOf,
  }
}

/** One row as input to the same schema the form uses, checked; or the problems that stop it. */
function prepareRow(
  row: CsvRow,
  columns: Set<string>,
  context: Context,
  seen: Set<string>,
): { prepared: Prepared | null; problems: ImportProblem[] } {
  const { cells } = row
  const has = (column: string) => columns.has(column)
  const problems: ImportProblem[] = []
  const problem = (column: string, key: string, values?: Record<string, string | number>) =>
    problems.push({ line: row.line, column, key, ...(values ? { values } : {}) })
  const id = optionalCell(cells.id)
  const existing = id ? context.existing.get(id.toLowerCase()) : undefined
  if (id) {
    if (!UUID.test(id)) problem('id', 'validation.format.uuid')
    else if (seen.has(id.toLowerCase())) problem('id', 'error.resourceImport.duplicateId')
    else if (!existing) problem('id', 'error.resourceImport.unknownId')
    else if (!existing.canEdit) problem('id', 'error.resourceImport.notYours')
    seen.add(id.toLowerCase())
  }
  const input: Draft = existing
    ? {
        type: existing.type,
        title: existing.title,
        summary: existing.summary,
        languages: existing.languages,
        audiences: existing.audiences,
        easyRead: existing.easyRead,
        shelf: existing.shelf,
        copies: existing.copies,
        url: existing.url,
        publisher: existing.publisher,
        lastReviewed: existing.lastReviewed,
        areaIds: existing.areaIds,
        themeIds: existing.themeIds,
        occupations: existing.occupations.map(({ taxonomy, code }) => ({ taxonomy, code })),
      }
    : { type: '', title: '' }

  const oneOf = (column: string, value: string, allowed: readonly string[]) => {
    if (!allowed.includes(value))
      problem(column, 'error.resourceImport.unknownValue', { value, allowed: allowed.join(', ') })
    return value
  }
  if (has('type')) input.type = oneOf('type', (cells.type ?? '').trim().toLowerCase(), resourceTypes)
  if (has('title')) input.title = cells.title ?? ''
  if (has('summary')) input.summary = cells.summary ?? ''
  if (has('publisher')) input.publisher = cells.publisher ?? ''
  if (has('shelf')) input.shelf = optionalCell(cells.shelf)
  if (has('url')) input.url = optionalCell(cells.url)
  if (has('last_reviewed')) input.lastReviewed = optionalCell(cells.last_reviewed)
  if (has('languages'))
    input.languages = listCell(cells.languages).map((l) =>
      oneOf('languages', l.toLowerCase(), contentLanguages),
    )
  if (has('audiences'))
    input.audiences = listCell(cells.audiences).map((a) => oneOf('audiences', a.toLowerCase(), audiences))
  if (has('easy_read')) {
    const value = yesNoCell(cells.easy_read)
    if (value === undefined) problem('easy_read', 'error.resourceImport.yesNo')
    else input.easyRead = value
  }
  if (has('copies')) {
    const value = countCell(cells.copies)
    if (value === undefined) problem('copies', 'error.resourceImport.count')
    else input.copies = value
  }
  const slugs = (column: 'areas' | 'themes', known: Map<string, string>) =>
    listCell(cells[column]).flatMap((slug) => {
      const found = known.get(slug.toLowerCase())
      if (!found) problem(column, `error.resourceImport.unknown.${column}`, { slug })
      return found ? [found] : []
    })
  if (has('areas')) input.areaIds = slugs('areas', context.areaOf)
  if (has('themes')) input.themeIds = slugs('themes', context.themeOf)
  if (has('occupations')) {
    input.occupations = listCell(cells.occupations).flatMap((key) => {
      const at = key.indexOf(':')
      if (at <= 0) {
        problem('occupations', 'error.resourceImport.occupationFormat', { value: key })
        return []
      }
      const ref = { taxonomy: key.slice(0, at).toLowerCase(), code: key.slice(at + 1) }
      if (!context.occupationOf.has(occupationKey(ref)))
        problem('occupations', 'error.resourceImport.unknown.occupations', { slug: key })
      return [ref]
    })
  }
  if (problems.length > 0) return { prepared: null, problems }

  const parsed = resourceInputSchema.safeParse(input)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '')
      const { key, values } = describeIssue(issue)
      problem(columnOf[field] ?? field, key, values)
    }
    return { prepared: null, problems }
  }
  const prepared = {
    id: existing?.id ?? randomUUID(),
    isNew: !existing,
    values: parsed.data,
    occupationIds: parsed.data.occupations.flatMap(
      (ref) => context.occupationOf.get(occupationKey(ref)) ?? [],
    ),
  }
  return { prepared, problems }
}

/** Writes the checked rows: new ones in batches, updates one by one, links replaced in batches. */
async function writeRows(tx: Database, centreId: string, writer: PartnerWriter, rows: Prepared[]) {
  const added = rows.filter((row) => row.isNew)
  for (let i = 0; i < added.length; i += CHUNK) {
    await tx.insert(resource).values(
      added.slice(i, i + CHUNK).map((row) => ({
        id: row.id,
        centreId,
        partnerId: partnerForNew(writer),
        ...resourceColumns(row.values),
      })),
    )
  }
  for (const row of rows.filter((r) => !r.isNew)) {
    await tx
      .update(resource)
      .set({ ...resourceColumns(row.values), updatedAt: sql`now()` })
      .where(eq(resource.id, row.id))
  }
  const ids = rows.map((row) => row.id)
  for (let i = 0; i < ids.length; i += CHUNK) {
    const some = ids.slice(i, i + CHUNK)
    await tx.delete(resourceArea).where(inArray(resourceArea.resourceId, some))
    await tx.delete(resourceThemeLink).where(inArray(resourceThemeLink.resourceId, some))
    await tx.delete(resourceOccupation).where(inArray(resourceOccupation.resourceId, some))
  }
  const insertAll = async <T>(values: T[], insert: (some: T[]) => Promise<unknown>) => {
    for (let i = 0; i < values.length; i += CHUNK) await insert(values.slice(i, i + CHUNK))
  }
  await insertAll(
    rows.flatMap((row) => row.values.areaIds.map((areaId) => ({ resourceId: row.id, areaId }))),
    (some) => tx.insert(resourceArea).values(some),
  )
  await insertAll(
    rows.flatMap((row) => row.values.themeIds.map((themeId) => ({ resourceId: row.id, themeId }))),
    (some) => tx.insert(resourceThemeLink).values(some),
  )
  await insertAll(
    rows.flatMap((row) =>
      [...new Set(row.occupationIds)].map((occupationId) => ({ resourceId: row.id, occupationId })),
    ),
    (some) => tx.insert(resourceOccupation).values(some),
  )
}
