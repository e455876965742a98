import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { user } from './auth'
import { area, centre, desk } from './centres'

/**
 * One anonymous walk-in visit. Nothing here describes the person: an area, a language, a self-declared
 * priority, a code and timestamps. The handover note is about the question, and is purged with the ticket.
 */
export const ticket = pgTable(
  'ticket',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    /** The area whose queue the ticket is in now (changes on transfer). */
    areaId: uuid('area_id')
      .notNull()
      .references(() => area.id, { onDelete: 'cascade' }),
    /** Set by a transfer to a specific desk: only that desk calls it. */
    targetDeskId: uuid('target_desk_id').references(() => desk.id, { onDelete: 'set null' }),
    /** The centre-local day the ticket belongs to; numbering restarts each day. */
    serviceDate: date('service_date').notNull(),
    code: text('code').notNull(),
    language: text('language').notNull(),
    priority: boolean('priority').notNull().default(false),
    channel: text('channel').notNull(),
    status: text('status').notNull().default('waiting'),
    /** Arrival in the current queue; a transfer keeps the original arrival by default. */
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    calledAt: timestamp('called_at', { withTimezone: true }),
    calledDeskId: uuid('called_desk_id').references(() => desk.id, { onDelete: 'set null' }),
    recallCount: smallint('recall_count').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    handoverNote: text('handover_note'),
    /** SHA-256 of the follow-my-ticket token; the token itself is only ever shown to the visitor. */
    trackTokenHash: text('track_token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ticket_centre_day_code_key').on(t.centreId, t.serviceDate, t.code),
    uniqueIndex('ticket_track_token_key').on(t.trackTokenHash),
    // Positions and queue figures: waiting tickets of one area in arrival order.
    index('ticket_waiting_idx').on(t.centreId, t.areaId, t.queuedAt).where(sql`${t.status} = 'waiting'`),
    // The hot path of "call next": a centre's waiting tickets in exactly the order they are called.
    index('ticket_call_order_idx')
      .on(t.centreId, t.queuedAt, t.createdAt)
      .where(sql`${t.status} = 'waiting'`),
    // The same for priority turns, which would otherwise walk past every regular ticket to find one.
    index('ticket_priority_call_order_idx')
      .on(t.centreId, t.queuedAt, t.createdAt)
      .where(sql`${t.status} = 'waiting' and ${t.priority}`),
    index('ticket_centre_day_idx').on(t.centreId, t.serviceDate),
    check(
      'ticket_status_check',
      sql`${t.status} in ('waiting', 'called', 'in_service', 'done', 'no_show', 'cancelled', 'closed')`,
    ),
    check('ticket_channel_check', sql`${t.channel} in ('kiosk', 'reception', 'portal')`),
  ],
)

/** The thread of a visit: every call, transfer and outcome, in order. */
export const ticketStep = pgTable(
  'ticket_step',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => ticket.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    areaId: uuid('area_id').references(() => area.id, { onDelete: 'set null' }),
    deskId: uuid('desk_id').references(() => desk.id, { onDelete: 'set null' }),
    note: text('note'),
  },
  (t) => [index('ticket_step_ticket_idx').on(t.ticketId, t.at)],
)

/** Daily ticket numbers per centre and letter, incremented atomically by an upsert. */
export const ticketCounter = pgTable(
  'ticket_counter',
  {
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centre.id, { onDelete: 'cascade' }),
    serviceDate: date('service_date').notNull(),
    letter: text('letter').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.serviceDate, t.letter] })],
)

/** A counsellor at a desk for a while, serving some areas and languages. */
export const deskSession = pgTable(
  'desk_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deskId: uuid('desk_id')
      .notNull()
      .references(() => desk.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    areaIds: uuid('area_ids').array().notNull(),
    languages: text('languages').array().notNull(),
    /** Regular tickets called since the last priority one: drives the fair interleaving. */
    regularStreak: integer('regular_streak').notNull().default(0),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    // At most one open session per desk, decided by the database.
    uniqueIndex('desk_session_open_key').on(t.deskId).where(sql`${t.closedAt} is null`),
  ],
)
