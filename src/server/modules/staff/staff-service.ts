import { randomBytes } from 'node:crypto'
import { and, asc, eq, sql } from 'drizzle-orm'
import type { StaffRole } from '../../../shared/constants'
import type { Database } from '../../db/client'
import { uniqueViolation } from '../../db/errors'
import { user } from '../../db/schema/auth'
import { staffRole } from '../../db/schema/staff'
import { AppError, conflict, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { type Actor, loadGrants } from '../auth/actor'
import { type Auth, createPasswordResetLink, createStaffLogin } from '../auth/auth'
import { isNetworkAdmin } from '../auth/policy'

/** A password people can read aloud and type: 4 groups of 5 letters/digits, about 100 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(20)
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length])
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-')
}

export type AddStaffInput = {
  email: string
  name: string
  role: StaffRole
  centreId: string | null
  partnerId?: string | null
}

/**
 * Gives someone a role. A new person gets a login and a one-time password to hand over; someone who
 * already has a login only gains the role.
 */
export async function addStaff(options: {
  db: Database
  auth: Auth
  actorUserId: string | null
  input: AddStaffInput
}) {
  const { db, auth, actorUserId, input } = options
  const email = input.email.trim().toLowerCase()
  if ((input.role === 'network_admin') !== (input.centreId === null)) {
    throw new AppError(
      'validation',
      'error.staff.scope',
      {},
      { role: { key: 'error.staff.scope', values: {} } },
    )
  }
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, email))
  let password: string | null = null
  let userId = existing?.id
  if (!userId) {
    password = generatePassword()
    try {
      userId = (await createStaffLogin(auth, { email, name: input.name.trim(), password })).id
    } catch (error) {
      // Someone else created this login a moment ago: they handed over its password, we only add the role.
      if (!uniqueViolation(error)) throw error
      const [raced] = await db.select({ id: user.id }).from(user).where(eq(user.email, email))
      if (!raced) throw error
      userId = raced.id
      password = null
    }
  }
  try {
    await db.transaction(async (tx) => {
      await tx
        .insert(staffRole)
        .values({ userId, centreId: input.centreId, role: input.role, partnerId: input.partnerId ?? null })
      await recordAudit(tx, {
        actorUserId,
        centreId: input.centreId,
        action: 'grant',
        entity: 'staff_role',
        entityId: userId,
        data: { role: input.role },
      })
    })
  } catch (error) {
    if (uniqueViolation(error) === 'staff_role_user_centre_role_key')
      throw conflict('error.staff.roleTaken', 'role')
    throw error
  }
  return { userId, email, password }
}

export async function listCentreStaff({ db, centreId }: { db: Database; centreId: string }) {
  return db
    .select({
      userId: user.id,
      name: user.name,
      email: user.email,
      roles: sql<StaffRole[]>`array_agg(${staffRole.role} order by ${staffRole.role})`,
    })
    .from(staffRole)
    .innerJoin(user, eq(user.id, staffRole.userId))
    .where(eq(staffRole.centreId, centreId))
    .groupBy(user.id)
    .orderBy(asc(user.name))
}

export async function revokeStaffRole(options: {
  db: Database
  actorUserId: string | null
  centreId: string
  userId: string
  role: StaffRole
}) {
  const { db, actorUserId, centreId, userId, role } = options
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(staffRole)
      .where(and(eq(staffRole.centreId, centreId), eq(staffRole.userId, userId), eq(staffRole.role, role)))
      .returning({ id: staffRole.id })
    if (!row) throw notFound('error.staff.notFound')
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'revoke',
      entity: 'staff_role',
      entityId: userId,
      data: { role },
    })
  })
}

/**
 * A reset link for a staff member of this centre, for a manager to hand over in person.
 * A reset link is an account takeover in the wrong hands: a centre's manager may only reset someone whose
 * every role is in that centre. Anyone with a role elsewhere, or a network admin, needs a network admin.
 */
export async function createStaffResetLink(options: {
  db: Database
  auth: Auth
  actor: Actor
  centreId: string
  userId: string
}) {
  const { db, auth, actor, centreId, userId } = options
  const [row] = await db
    .select({ email: user.email })
    .from(staffRole)
    .innerJoin(user, eq(user.id, staffRole.userId))
    .where(and(eq(staffRole.centreId, centreId), eq(staffRole.userId, userId)))
    .limit(1)
  if (!row) throw notFound('error.staff.notFound')
  const reachesBeyond = (await loadGrants(db, userId)).some(
    (g) => g.role === 'network_admin' || g.centreId !== centreId,
  )
  if (reachesBeyond && !isNetworkAdmin(actor))
    throw new AppError('forbidden', 'error.staff.resetOutsideCentre')
  const actorUserId = actor.userId
  const url = await createPasswordResetLink(auth, row.email)
  await db.transaction((tx) =>
    recordAudit(tx, { actorUserId, centreId, action: 'reset_link', entity: 'user', entityId: userId }),
  )
  return url
}

export async function findUserIdByEmail({ db, email }: { db: Database; email: string }) {
  const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email.trim().toLowerCase()))
  return row?.id ?? null
}
