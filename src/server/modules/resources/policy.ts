import type { StaffRole } from '../../../shared/constants'
import { forbidden } from '../../http/errors'
import type { Actor } from '../auth/actor'
import { hasRole } from '../auth/policy'

/** Who may add to a centre's catalogue: its managers, and the coordinators of its partners. */
export const catalogueEditors = ['manager', 'partner_coordinator'] as const satisfies readonly StaffRole[]

/**
 * What someone may do to a centre's catalogue: a manager (or a network admin) anything; a partner
 * coordinator adds resources that carry their partner, and changes or removes only those.
 */
export type CatalogueWriter = { kind: 'manager' } | { kind: 'partner'; partnerId: string }

export function catalogueWriterOf(actor: Actor, centreId: string): CatalogueWriter {
  const writer = findCatalogueWriter(actor, centreId)
  if (!writer) throw forbidden()
  return writer
}

/** The same, or `null` for someone who may only read (to say which rows they could change). */
export function findCatalogueWriter(actor: Actor, centreId: string): CatalogueWriter | null {
  if (hasRole(actor, centreId, ['manager'])) return { kind: 'manager' }
  // A coordinator with no partner on record has nobody to write for: refused rather than writing
  // resources nobody would be allowed to change afterwards.
  const grant = actor.grants.find(
    (g) => g.role === 'partner_coordinator' && g.centreId === centreId && g.partnerId !== null,
  )
  return grant?.partnerId ? { kind: 'partner', partnerId: grant.partnerId } : null
}

/** The partner a new resource carries: the writer's own, never one they name. */
export function partnerForNew(writer: CatalogueWriter): string | null {
  return writer.kind === 'partner' ? writer.partnerId : null
}

export function canChange(writer: CatalogueWriter, resourcePartnerId: string | null): boolean {
  return writer.kind === 'manager' || resourcePartnerId === writer.partnerId
}
