import { sql } from 'drizzle-orm'
import { bigint, bigserial, index, pgTable, primaryKey, real, text, unique, uuid } from 'drizzle-orm/pg-core'

/**
 * One searchable thing in one language: an occupation, a training, a resource. A collection groups
 * what is indexed together (`occupation:rome`, `training:onisep`, `resource:<centre id>`): word rarity
 * is counted within it, and it is rebuilt as a whole when its source changes.
 */
export const searchDocument = pgTable(
  'search_document',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    collection: text('collection').notNull(),
    /** The id of the occupation, training or resource. */
    ref: uuid('ref').notNull(),
    language: text('language').notNull(),
  },
  (t) => [
    unique('search_document_collection_ref_language_key').on(t.collection, t.ref, t.language),
    index('search_document_ref_idx').on(t.ref),
  ],
)

/**
 * The inverted index: how much a stemmed word says about a document (BM25 over weighted fields —
 * titles above other names above body text — computed when the collection is indexed).
 */
export const searchPosting = pgTable(
  'search_posting',
  {
    language: text('language').notNull(),
    term: text('term').notNull(),
    documentId: bigint('document_id', { mode: 'number' })
      .notNull()
      .references(() => searchDocument.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.language, t.term, t.documentId] }),
    index('search_posting_document_idx').on(t.documentId),
  ],
)

/**
 * Each collection of the index once built: its version, raised by every rebuild in the rebuild's own
 * transaction, so that a server holding the collection in memory knows when to read it again; and the
 * languages its documents are in.
 */
export const searchCollection = pgTable('search_collection', {
  collection: text('collection').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
  languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
})
