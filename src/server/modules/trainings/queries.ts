import { and, eq, isNull, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import type { TrainingHit } from '../../../shared/schemas/trainings'
import { training } from '../../db/schema/trainings'

/** What a centre's visitors see: every imported course, and this centre's own — never another centre's. */
export function visibleTo(centreId: string): SQL {
  return or(
    and(eq(training.source, 'onisep'), isNull(training.centreId)),
    eq(training.centreId, centreId),
  ) as SQL
}

/** The columns a list of courses shows. */
export const hitColumns = {
  id: training.id,
  source: training.source,
  code: training.code,
  title: training.title,
  language: training.language,
  kind: training.kind,
  kindAcronym: training.kindAcronym,
  level: training.level,
  durationMonths: training.durationMonths,
  durationText: training.durationText,
  place: training.place,
  release: training.release,
}
export type HitRow = Pick<typeof training.$inferSelect, keyof typeof hitColumns>

export function presentHit(row: HitRow): TrainingHit {
  return {
    id: row.id,
    source: row.source as TrainingHit['source'],
    code: row.code,
    title: row.title,
    language: row.language,
    kind: row.kind,
    kindAcronym: row.kindAcronym,
    level: row.level,
    durationMonths: row.durationMonths,
    durationText: row.durationText,
    place: row.place,
  }
}

/** Text as search compares it: lower case, without accents. */
export const folded = (value: SQLWrapper) => sql`lower(unaccent(${value}))`

/** A list of texts as one SQL array value, the same on every driver. */
export const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`

/** How many of `values` a text-array column holds. */
export const sharedCount = (column: SQLWrapper, values: readonly string[]) =>
  sql<number>`cardinality(array(select unnest(${column}) intersect select unnest(${textArray(values)})))`
