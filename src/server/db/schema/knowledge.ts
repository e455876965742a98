import { sql } from 'drizzle-orm'
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { user } from './auth'
import { area, centre, timestamps } from './centres'
import { directoryService } from './directory'
import { occupation } from './occupations'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/**
 * A note of the staff knowledge base: a practice note, a referral tip or news from a partner, written in
 * Markdown by a counsellor of any partner and changed by any other. Every version is kept in
 * `knowledge_revision`; `version` is the latest, so that two people editing at once cannot overwrite
 * each other unknowingly.
 */
export const knowledgeNote = pgTable(
  'knowledge_note',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** Markdown, stored as written: it is rendered without raw HTML and with safe links only. */
    body: text('body').notNull(),
    tags: text('tags').array().notNull(),
    /** The language it was written in: how its words are stemmed for search. */
    language: text('language').notNull(),
    /** Title and tags above body, stemmed in the note's language and also word for word, accents folded. */
    search: tsvector('search').notNull(),
    version: integer('version').notNull().default(1),
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    editorId: text('editor_id').references(() => user.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('knowledge_note_centre_idx').on(t.centreId, t.updatedAt),
    index('knowledge_note_search_idx').using('gin', t.search),
    index('knowledge_note_tags_idx').using('gin', t.tags),
    check('knowledge_note_kind_check', sql`${t.kind} in ('practice', 'referral', 'partner_news')`),
  ],
)

/** What a note says at one version, and who made that version when. */
export const knowledgeRevision = pgTable(
  'knowledge_revision',
  {
    noteId: uuid('note_id')
      .notNull()
      .references(() => knowledgeNote.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    tags: text('tags').array().notNull(),
    /** The links at that version, by id. */
    links: jsonb('links')
      .$type<{ serviceIds: string[]; areaIds: string[]; occupationIds: string[] }>()
      .notNull(),
    editorId: text('editor_id').references(() => user.id, { onDelete: 'set null' }),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.version] })],
)

export const knowledgeNoteService = pgTable(
  'knowledge_note_service',
  {
    noteId: uuid('note_id')
      .notNull()
      .references(() => knowledgeNote.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryService.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.noteId, t.serviceId] }),
    index('knowledge_note_service_idx').on(t.serviceId),
  ],
)

export const knowledgeNoteArea = pgTable(
  'knowledge_note_area',
  {
    noteId: uuid('note_id')
      .notNull()
      .references(() => knowledgeNote.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.areaId] }), index('knowledge_note_area_idx').on(t.areaId)],
)

export const knowledgeNoteOccupation = pgTable(
  'knowledge_note_occupation',
  {
    noteId: uuid('note_id')
      .notNull()
      .references(() => knowledgeNote.id, { onDelete: 'cascade' }),
    occupationId: uuid('occupation_id')
      .notNull()
      .references(() => occupation.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.noteId, t.occupationId] }),
    index('knowledge_note_occupation_idx').on(t.occupationId),
  ],
)
