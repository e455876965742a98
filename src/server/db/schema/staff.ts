import { sql } from 'drizzle-orm'
import { bigserial, check, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { user } from './auth'
import { centre, partner } from './centres'

/**
 * A role held by a staff member in one centre. A network_admin row has no centre: it covers them all.
 * A partner_coordinator (and optionally a counsellor) belongs to a partner of that centre.
 */
export const staffRole = pgTable(
  'staff_role',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    centreId: uuid('centre_id').references(() => centre.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    partnerId: uuid('partner_id').references(() => partner.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('staff_role_user_centre_role_key').on(t.userId, t.centreId, t.role).nullsNotDistinct(),
    index('staff_role_centre_idx').on(t.centreId),
    check(
      'staff_role_role_check',
      sql`${t.role} in ('reception', 'counsellor', 'partner_coordinator', 'manager', 'network_admin')`,
    ),
    check('staff_role_scope_check', sql`(${t.role} = 'network_admin') = (${t.centreId} is null)`),
  ],
)

/** Personal API tokens for scripts and partner systems. Only a SHA-256 digest is stored. */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_token_user_idx').on(t.userId)],
)

/** Every staff write, in the same transaction as the write itself. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
    centreId: uuid('centre_id').references(() => centre.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_centre_at_idx').on(t.centreId, t.at)],
)

/** Deployment-wide settings, such as the signing secret generated on first start. */
export const setting = pgTable('setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})
