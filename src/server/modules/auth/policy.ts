import type { StaffRole } from '../../../shared/constants'
import { AppError, forbidden } from '../../http/errors'
import type { Actor } from './actor'

/**
 * Authorisation in one place. A network admin may do anything anywhere; everyone else only what one of
 * their roles in that centre allows.
 */
export function hasRole(actor: Actor, centreId: string, roles: readonly StaffRole[]): boolean {
  return actor.grants.some(
    (grant) => grant.role === 'network_admin' || (grant.centreId === centreId && roles.includes(grant.role)),
  )
}

export function isNetworkAdmin(actor: Actor): boolean {
  return actor.grants.some((grant) => grant.role === 'network_admin')
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated', 'error.unauthenticated')
  return actor
}

export function requireRole(actor: Actor | null, centreId: string, roles: readonly StaffRole[]): Actor {
  const known = requireActor(actor)
  if (!hasRole(known, centreId, roles)) throw forbidden()
  return known
}

export function requireNetworkAdmin(actor: Actor | null): Actor {
  const known = requireActor(actor)
  if (!isNetworkAdmin(known)) throw forbidden()
  return known
}

/** Who may change a centre's set-up (areas, desks, hours, staff). */
export const centreManagers = ['manager'] as const satisfies readonly StaffRole[]
/** Who may read a centre's set-up in staff pages. */
export const centreStaff = [
  'reception',
  'counsellor',
  'partner_coordinator',
  'manager',
] as const satisfies readonly StaffRole[]
