import { stringify } from 'csv-stringify/sync'
import { asc, eq, sql } from 'drizzle-orm'
import { type CatalogueColumn, catalogueColumns } from '../../../shared/schemas/resources'
import type { Database } from '../../db/client'
import { resource } from '../../db/schema/resources'
import { loadLinks } from './read-resources'

/** Separates the values of a list inside one cell: no slug, language or occupation code holds it. */
export const LIST_SEPARATOR = '|'

/**
 * The centre's whole catalogue as CSV (columns in the README): UTF-8 with a byte-order mark so that
 * spreadsheets read its accents, areas and themes by slug, occupations as `taxonomy:code`. What it
 * writes, the import reads back unchanged.
 */
export async function exportCatalogueCsv({ db, centreId }: { db: Database; centreId: string }) {
  const rows = await db
    .select()
    .from(resource)
    .where(eq(resource.centreId, centreId))
    .orderBy(asc(sql`lower(${resource.title})`), asc(resource.id))
  const links = await loadLinks(
    db,
    rows.map((row) => row.id),
    [],
  )
  const list = (values: string[]) => values.join(LIST_SEPARATOR)
  const records = rows.map(
    (row): Record<CatalogueColumn, string> => ({
      id: row.id,
      type: row.type,
      title: row.title,
      summary: row.summary,
      languages: list(row.languages),
      audiences: list(row.audiences),
      easy_read: row.easyRead ? 'yes' : 'no',
      shelf: row.shelf ?? '',
      copies: row.copies === null ? '' : String(row.copies),
      url: row.url ?? '',
      publisher: row.publisher,
      last_reviewed: row.lastReviewed ?? '',
      areas: list(links.areasOf(row.id).map((a) => a.slug)),
      themes: list(links.themesOf(row.id).map((t) => t.slug)),
      occupations: list(links.occupationsOf(row.id).map((o) => `${o.taxonomy}:${o.code}`)),
    }),
  )
  return stringify(records, {
    bom: true,
    header: true,
    columns: [...catalogueColumns],
    record_delimiter: 'windows',
  })
}
