import { customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { centre } from './centres'

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
})

/**
 * A visitor's anonymous notebook. The database holds the digest of its code, to find it, and its content
 * sealed with a key derived from the code (AES-256-GCM): without the code — which only the visitor has —
 * nobody, not even with a copy of the database, can read what was saved in it or link it to a booking.
 * Erased when the visitor asks, or after the centre's idle period without use.
 */
export const notebook = pgTable(
  'notebook',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull().unique(),
    /** IV (12 bytes), then the ciphertext and its 16-byte tag, of the notebook's JSON document. */
    sealed: bytea('sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The last time the visitor opened or changed it, to the day: what its erasure counts from. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notebook_last_used_idx').on(t.lastUsedAt)],
)
