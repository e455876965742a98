import type { StaffRole } from '../../../shared/constants'
import { forbidden } from '../../http/errors'
import type { Actor } from './actor'
import { hasRole } from './policy'

/** Who may add to what a centre's partners contribute (resources, events): its managers and partner coordinators. */
export const partnerEditors = ['manager', 'partner_coordinator'] as const satisfies readonly StaffRole[]

/**
 * What someone may do to what partners contribute to a centre (its catalogue, its events): a manager (or
 * a network admin) anything; a partner coordinator adds things that carry their partner, and changes or
 * removes only those.
 */
export type PartnerWriter = { kind: 'manager' } | { kind: 'partner'; partnerId: string }

export function partnerWriterOf(actor: Actor, centreId: string): PartnerWriter {
  const writer = findPartnerWriter(actor, centreId)
  if (!writer) throw forbidden()
  return writer
}

/** The same, or `null` for someone who may only read (to say which rows they could change). */
export function findPartnerWriter(actor: Actor, centreId: string): PartnerWriter | null {
  if (hasRole(actor, centreId, ['manager'])) return { kind: 'manager' }
  // A coordinator with no partner on record has nobody to write for: refused rather than writing
  // things nobody would be allowed to change afterwards.
  const grant = actor.grants.find(
    (g) => g.role === 'partner_coordinator' && g.centreId === centreId && g.partnerId !== null,
  )
  return grant?.partnerId ? { kind: 'partner', partnerId: grant.partnerId } : null
}

/** The partner a new item carries: the writer's own, never one they name. */
export function partnerForNew(writer: PartnerWriter): string | null {
  return writer.kind === 'partner' ? writer.partnerId : null
}

export function canChange(writer: PartnerWriter, resourcePartnerId: string | null): boolean {
  return writer.kind === 'manager' || resourcePartnerId === writer.partnerId
}
