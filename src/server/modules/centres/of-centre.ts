import { and, eq, inArray } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../../db/client'

/** How many of `ids` are rows of `table` belonging to the centre: a write checks its links with it. */
export async function countOfCentre(
  tx: Database,
  table: PgTable & { id: PgColumn; centreId: PgColumn },
  centreId: string,
  ids: string[],
): Promise<number> {
  if (ids.length === 0) return 0
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.centreId, centreId), inArray(table.id, ids)))
  return rows.length
}
