import { and, desc, eq, type SQL, sql } from 'drizzle-orm'
import type { AuditAction, AuditEntity, AuditPage, AuditQuery } from '../../../shared/schemas/audit'
import type { Database } from '../../db/client'
import { user } from '../../db/schema/auth'
import { auditLog } from '../../db/schema/staff'

/**
 * A centre's change log, newest first, a page at a time: when, who (by name: staff are not visitors),
 * what was done to what. The data each write recorded stays out — it may quote what staff typed, and
 * the change log is there to say who changed something, not to copy it.
 *
 * Days are the centre's own (from its midnight to the next). Pages follow the order itself (time, then
 * id), so an entry written while someone reads is never shown twice nor skipped.
 */
export async function listAuditEntries(options: {
  db: Database
  centreId: string
  timezone: string
  query: AuditQuery
}): Promise<AuditPage> {
  const { db, centreId, timezone, query } = options
  const conditions: SQL[] = [eq(auditLog.centreId, centreId)]
  if (query.from)
    conditions.push(sql`${auditLog.at} >= (${query.from}::date)::timestamp at time zone ${timezone}`)
  if (query.to)
    conditions.push(sql`${auditLog.at} < (${query.to}::date + 1)::timestamp at time zone ${timezone}`)
  if (query.entity) conditions.push(eq(auditLog.entity, query.entity))
  if (query.cursor)
    conditions.push(
      sql`(${auditLog.at}, ${auditLog.id}) < (select a.at, a.id from audit_log a where a.id = ${Number(query.cursor)})`,
    )
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: user.name,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
    })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  return {
    items: page.map((row) => ({
      id: String(row.id),
      at: row.at.toISOString(),
      actor: row.actor,
      // Written through `recordAudit`, whose type allows these only.
      action: row.action as AuditAction,
      entity: row.entity as AuditEntity,
      entityId: row.entityId,
    })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null,
  }
}
