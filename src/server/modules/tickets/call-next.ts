import { and, eq, getTableColumns, isNull, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { deskSession, ticket } from '../../db/schema/tickets'
import { AppError } from '../../http/errors'

const at = sql.placeholder('at')
const centreId = sql.placeholder('centreId')
const deskId = sql.placeholder('deskId')

/**
 * The waiting ticket this desk calls now: today's, in one of its languages, and either sent to this
 * desk by name or in one of its areas; the longest-waiting first. `s` is the desk's open session.
 *
 * The centre is a parameter, not a join, so the scan walks `ticket_call_order_idx` (or its priority
 * twin) in calling order and stops at the first ticket it may take: a call costs the same with 5 or
 * 5,000 people waiting. `SKIP LOCKED`: a ticket another desk is calling this very instant is passed
 * over, never taken twice.
 */
function pick(onlyPriority: boolean): SQL {
  return sql`(select id from ticket
    where centre_id = ${centreId} and status = 'waiting' ${onlyPriority ? sql`and priority` : sql``}
      and service_date = (select service_date from s)
      and language = any((select languages from s)::text[])
      and (target_desk_id = ${deskId} or (target_desk_id is null and area_id = any((select area_ids from s)::uuid[])))
    order by queued_at, created_at
    limit 1
    for update skip locked)`
}

/**
 * One statement does it all — lock the desk's session, pick, call, record the step, count the streak —
 * so it is atomic without a transaction around it. Prepared once per database: neither the query text
 * nor (on a PostgreSQL server) its plan is rebuilt on every call.
 */
function prepareCall(db: Database) {
  // Locked first: two calls from one desk (a double press) run one after the other, streak included.
  const session = db.$with('s', {}).as(sql`select ds.id, ds.area_ids, ds.languages,
      ds.regular_streak >= greatest(1, c.priority_every) - 1 as priority_turn,
      (${at}::timestamptz at time zone c.timezone)::date as service_date
    from desk_session ds join centre c on c.id = ${centreId}
    where ds.desk_id = ${deskId} and ds.closed_at is null
    for update of ds`)
  // A priority ticket on the session's priority turn, else (or when none waits) the longest-waiting.
  const called = db.$with('called', getTableColumns(ticket)).as(sql`update ticket
    set status = 'called', called_at = ${at}, called_desk_id = ${deskId}, recall_count = 0, target_desk_id = null
    where id = coalesce(case when (select priority_turn from s) then ${pick(true)} end, ${pick(false)})
    returning *`)
  const step = db.$with('step', {}).as(sql`insert into ticket_step (ticket_id, kind, at, area_id, desk_id)
    select id, 'called', ${at}, area_id, ${deskId} from called`)
  const streak = db.$with('streak', {}).as(sql`update desk_session
    set regular_streak = case when (select priority from called) then 0 else regular_streak + 1 end
    where id = (select id from s) and exists (select 1 from called)`)
  return db.with(session, called, step, streak).select().from(called).prepare('call_next_ticket')
}

const prepared = new WeakMap<Database, ReturnType<typeof prepareCall>>()

/**
 * Calls the ticket that has waited longest among those the desk can serve, giving a priority ticket
 * every `priorityEvery`-th call rather than letting priorities jump the queue forever.
 */
export async function callNextTicket(options: { db: Database; deskId: string; centreId: string; now: Date }) {
  const { db } = options
  let statement = prepared.get(db)
  if (!statement) {
    statement = prepareCall(db)
    prepared.set(db, statement)
  }
  const [row] = await statement.execute({
    at: options.now.toISOString(),
    centreId: options.centreId,
    deskId: options.deskId,
  })
  if (row) return row
  // Nobody to call, or no session to call from: only the second is the caller's mistake.
  const [open] = await db
    .select({ id: deskSession.id })
    .from(deskSession)
    .where(and(eq(deskSession.deskId, options.deskId), isNull(deskSession.closedAt)))
  if (!open) throw new AppError('conflict', 'error.desk.noSession')
  return null
}
