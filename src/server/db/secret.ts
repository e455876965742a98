import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Database } from './client'
import { setting } from './schema/staff'

/**
 * The signing secret for sessions. Without CDM_SECRET, one is generated on first start and kept in the
 * database, so that every instance sharing that database signs alike and restarts keep sessions.
 */
export async function loadSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured
  await db
    .insert(setting)
    .values({ key: 'auth_secret', value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing()
  const [row] = await db.select({ value: setting.value }).from(setting).where(eq(setting.key, 'auth_secret'))
  if (!row) throw new Error('auth secret could not be stored')
  return row.value
}
