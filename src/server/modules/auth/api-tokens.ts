import { createHash, randomBytes } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { apiToken } from '../../db/schema/staff'

const PREFIX = 'cdm_'

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Issues a personal API token. 256 random bits, shown once; only its digest is kept, so a copy of the
 * database cannot be replayed against the API.
 */
export async function createApiToken({ db, userId, label }: { db: Database; userId: string; label: string }) {
  const token = PREFIX + randomBytes(32).toString('base64url')
  const [row] = await db
    .insert(apiToken)
    .values({ userId, label, tokenHash: digest(token) })
    .returning({ id: apiToken.id })
  if (!row) throw new Error('token insert returned nothing')
  return { id: row.id, token }
}

/** The user a bearer token belongs to, or null when it is unknown or revoked. */
export async function findUserIdByApiToken({
  db,
  token,
}: {
  db: Database
  token: string
}): Promise<string | null> {
  if (!token.startsWith(PREFIX)) return null
  const [row] = await db
    .update(apiToken)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiToken.tokenHash, digest(token)), isNull(apiToken.revokedAt)))
    .returning({ userId: apiToken.userId })
  return row?.userId ?? null
}

/** Revokes a user's tokens (those with `label`, or all of them); answers how many were live. */
export async function revokeApiTokens({
  db,
  userId,
  label,
}: {
  db: Database
  userId: string
  label?: string
}): Promise<number> {
  const rows = await db
    .update(apiToken)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(apiToken.userId, userId),
        isNull(apiToken.revokedAt),
        label === undefined ? undefined : eq(apiToken.label, label),
      ),
    )
    .returning({ id: apiToken.id })
  return rows.length
}
