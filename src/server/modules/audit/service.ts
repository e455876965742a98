import type { AuditAction, AuditEntity } from '../../../shared/schemas/audit'
import type { Database } from '../../db/client'
import { auditLog } from '../../db/schema/staff'

export type AuditEntry = {
  actorUserId: string | null
  centreId: string | null
  action: AuditAction
  entity: AuditEntity
  entityId?: string | null
  data?: Record<string, unknown>
}

/** Call inside the write's own transaction, so a write and its trace land or fail together. */
export async function recordAudit(tx: Database, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    centreId: entry.centreId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    data: entry.data ?? null,
  })
}
