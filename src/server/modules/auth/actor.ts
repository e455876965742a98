import { eq } from 'drizzle-orm'
import type { StaffRole } from '../../../shared/constants'
import type { Database } from '../../db/client'
import { user } from '../../db/schema/auth'
import { staffRole } from '../../db/schema/staff'
import { findUserIdByApiToken } from './api-tokens'
import type { Auth } from './auth'

export type RoleGrant = { centreId: string | null; role: StaffRole; partnerId: string | null }

/** The staff member behind a request: resolved from the session cookie or a bearer token. */
export type Actor = {
  userId: string
  name: string
  email: string
  grants: RoleGrant[]
  via: 'session' | 'token'
}

export async function loadGrants(db: Database, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .select({ centreId: staffRole.centreId, role: staffRole.role, partnerId: staffRole.partnerId })
    .from(staffRole)
    .where(eq(staffRole.userId, userId))
  return rows.map((row) => ({ ...row, role: row.role as StaffRole }))
}

export async function resolveActor({ db, auth, headers }: { db: Database; auth: Auth; headers: Headers }) {
  const authorization = headers.get('authorization')
  // A request that says how it authenticates is judged on that alone: a bad or foreign scheme never
  // falls back to the cookie (which would also slip past the same-origin check for token callers).
  if (authorization !== null) {
    if (!/^bearer /i.test(authorization)) return null
    const userId = await findUserIdByApiToken({ db, token: authorization.slice(7).trim() })
    if (!userId) return null
    const [row] = await db
      .select({ name: user.name, email: user.email })
      .from(user)
      .where(eq(user.id, userId))
    if (!row) return null
    return { userId, ...row, grants: await loadGrants(db, userId), via: 'token' } satisfies Actor
  }
  const found = await auth.api.getSession({ headers })
  if (!found) return null
  const { id, name, email } = found.user
  return { userId: id, name, email, grants: await loadGrants(db, id), via: 'session' } satisfies Actor
}
