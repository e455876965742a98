import { sql } from 'drizzle-orm'
import { freePort } from '../../../tests/setup/free-port'
import { openDatabase } from '../db/client'
import { rowsOf } from '../db/rows'
import {
  AREAS,
  buildMorning,
  client,
  databaseOptions,
  killed,
  type Morning,
  type ServerEngine,
  signIn,
  startServer,
  watchScreen,
} from './processes'

/**
 * A busy morning under fire: the real server (`cdm serve`, its own process) takes tickets from reception,
 * two desks call, transfer and finish them, visitors book and cancel seats, and a waiting-room screen
 * follows the calls — until the server is killed with SIGKILL at a random moment. Then the database is
 * opened directly (the embedded one must open cleanly) and checked: every write the server acknowledged
 * is there exactly once, and nothing is half-done. The server is started again, the screen reconnects with
 * its Last-Event-ID and must receive every call it missed, and the next round begins.
 */
export type CrashEngine = ServerEngine

export type CrashReport = {
  rounds: number
  kills: number
  acknowledged: {
    tickets: number
    calls: number
    transfers: number
    finishes: number
    bookings: number
    cancellations: number
  }
  lost: number
  halfDone: number
  missedCalls: number
  /** Milliseconds from starting the server again to its first answer, per round. */
  restartMs: number[]
  problems: string[]
}

type Ledger = {
  tickets: Map<string, string>
  calls: Set<string>
  transfers: Set<string>
  finishes: Set<string>
  bookings: Map<string, 'confirmed' | 'cancelled'>
}

/** The morning's traffic, until `signal` says the server is gone; acknowledged writes go in the ledger. */
async function traffic(options: {
  call: ReturnType<typeof client>
  morning: Morning
  cookies: { counsellor: string; reception: string }
  ledger: Ledger
  stopped: () => boolean
}) {
  const { call, morning, cookies, ledger, stopped } = options
  const quiet = async <T>(work: () => Promise<T>) => {
    try {
      return await work()
    } catch {
      return null
    }
  }
  const reception = async () => {
    for (let n = 0; !stopped(); n++) {
      const area = AREAS[n % AREAS.length]
      const issued = await quiet(() =>
        call(`/api/v1/centres/${morning.slug}/tickets`, {
          method: 'POST',
          cookie: cookies.reception,
          body: { area, language: 'fr', channel: 'reception' },
        }),
      )
      if (issued?.status === 201) ledger.tickets.set(issued.body.id, issued.body.code)
    }
  }
  const desk = async (deskId: string, index: number) => {
    await quiet(() =>
      call(`/api/v1/desks/${deskId}/session`, {
        method: 'POST',
        cookie: cookies.counsellor,
        body: { areas: [...AREAS], languages: ['fr'] },
      }),
    )
    for (let n = 0; !stopped(); n++) {
      const called = await quiet(() =>
        call(`/api/v1/desks/${deskId}/call-next`, { method: 'POST', cookie: cookies.counsellor }),
      )
      if (called?.status !== 200) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        continue
      }
      const ticket = called.body as { id: string; code: string; area: string }
      ledger.calls.add(ticket.code)
      const transfer = (n + index) % 3 === 0
      const done = await quiet(() =>
        call(`/api/v1/tickets/${ticket.id}/${transfer ? 'transfer' : 'finish'}`, {
          method: 'POST',
          cookie: cookies.counsellor,
          body: transfer ? { transfer: { area: AREAS.find((a) => a !== ticket.area) } } : {},
        }),
      )
      if (done?.status === 200) (transfer ? ledger.transfers : ledger.finishes).add(ticket.id)
    }
  }
  const visitors = async () => {
    for (let n = 0; !stopped(); n++) {
      const booked = await quiet(() =>
        call(`/api/v1/sessions/${morning.sessionId}/bookings`, {
          method: 'POST',
          body: { seats: 1 + (n % 2) },
        }),
      )
      if (booked?.status !== 201) continue
      const code = booked.body.code as string
      ledger.bookings.set(code, 'confirmed')
      if (n % 3 === 0) {
        const cancelled = await quiet(() =>
          call(`/api/v1/bookings/${encodeURIComponent(code)}`, { method: 'DELETE' }),
        )
        if (cancelled?.status === 200) ledger.bookings.set(code, 'cancelled')
      }
    }
  }
  await Promise.all([
    reception(),
    desk(morning.desks[0] ?? '', 0),
    desk(morning.desks[1] ?? '', 1),
    visitors(),
  ])
}

/** What the database holds after a kill, against what the server acknowledged. */
async function inspect(engine: CrashEngine, morning: Morning, ledger: Ledger, problems: string[]) {
  const handle = await openDatabase(databaseOptions(engine))
  let lost = 0
  let halfDone = 0
  try {
    const db = handle.db
    const tickets = rowsOf<{
      id: string
      status: string
      issued: number
      finished: number
      transferred: number
    }>(
      await db.execute(sql`select t.id, t.status,
          count(*) filter (where s.kind = 'issued')::int as issued,
          count(*) filter (where s.kind = 'finished')::int as finished,
          count(*) filter (where s.kind = 'transferred')::int as transferred
        from ticket t left join ticket_step s on s.ticket_id = t.id
        where t.centre_id = ${morning.centreId} group by t.id`),
    )
    const byId = new Map(tickets.map((row) => [row.id, row]))
    for (const id of ledger.tickets.keys()) {
      const row = byId.get(id)
      if (!row) {
        lost++
        problems.push(`ticket ${id} acknowledged, missing`)
      } else if (row.issued !== 1) {
        halfDone++
        problems.push(`ticket ${id} issued ${row.issued} times`)
      }
    }
    for (const id of ledger.finishes)
      if (byId.get(id)?.finished !== 1 || byId.get(id)?.status !== 'done') {
        lost++
        problems.push(`ticket ${id} finished, but ${JSON.stringify(byId.get(id))}`)
      }
    for (const id of ledger.transfers)
      if ((byId.get(id)?.transferred ?? 0) < 1) {
        lost++
        problems.push(`ticket ${id} transferred, but not recorded`)
      }
    // Half-done: a finish without its status, a status without its step, a code given twice.
    for (const row of tickets)
      if ((row.status === 'done') !== row.finished > 0 || row.issued !== 1) {
        halfDone++
        problems.push(
          `ticket ${row.id} is ${row.status} with ${row.finished} finish and ${row.issued} issue steps`,
        )
      }
    const [codes] = rowsOf<{ twice: number }>(
      await db.execute(sql`select count(*)::int as twice from (select code from ticket
        where centre_id = ${morning.centreId} group by service_date, code having count(*) > 1) d`),
    )
    if (codes?.twice) {
      halfDone += codes.twice
      problems.push(`${codes.twice} ticket codes given twice`)
    }
    const [seats] = rowsOf<{ taken: number }>(
      await db.execute(sql`select coalesce(sum(seats), 0)::int as taken from booking
        where session_id = ${morning.sessionId} and status = 'confirmed'`),
    )
    if ((seats?.taken ?? 0) > morning.capacity) {
      halfDone++
      problems.push(`${seats?.taken} seats confirmed for ${morning.capacity}`)
    }
  } finally {
    await handle.close()
  }
  return { lost, halfDone }
}

export async function runCrashRounds(options: {
  engine: CrashEngine
  rounds: number
  /** The kill comes this long after the traffic starts, at random between the two. */
  killAfterMs: [number, number]
  log?: (line: string) => void
}): Promise<CrashReport> {
  const { engine } = options
  const morning = await buildMorning(engine)
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const call = client(base)
  const ledger: Ledger = {
    tickets: new Map(),
    calls: new Set(),
    transfers: new Set(),
    finishes: new Set(),
    bookings: new Map(),
  }
  const report: CrashReport = {
    rounds: options.rounds,
    kills: 0,
    acknowledged: { tickets: 0, calls: 0, transfers: 0, finishes: 0, bookings: 0, cancellations: 0 },
    lost: 0,
    halfDone: 0,
    missedCalls: 0,
    restartMs: [],
    problems: [],
  }
  let cookies: { counsellor: string; reception: string } | null = null
  let lastEventId: number | undefined
  let calledBefore = new Set<string>()
  for (let round = 0; round < options.rounds; round++) {
    const started = Date.now()
    const server = startServer(engine, port)
    try {
      await server.ready
      report.restartMs.push(Date.now() - started)
      cookies ??= {
        counsellor: await signIn(call, morning.counsellor),
        reception: await signIn(call, morning.reception),
      }

      // The screen comes back with its last event id: every call it missed is replayed, none lost.
      const screen = watchScreen(base, morning.slug, lastEventId)
      await new Promise((resolve) => setTimeout(resolve, 300))
      const missed = [...ledger.calls].filter(
        (code) => !calledBefore.has(code) && !screen.seen.codes.has(code),
      )
      if (round > 0 && missed.length > 0) {
        report.missedCalls += missed.length
        report.problems.push(`round ${round}: the screen did not catch up with ${missed.join(', ')}`)
      }
      // Every booking acknowledged is found by its code, as acknowledged.
      for (const [code, status] of ledger.bookings) {
        const found = await call(`/api/v1/bookings/${encodeURIComponent(code)}`)
        const actual =
          found.status === 200 ? (found.body.status === 'cancelled' ? 'cancelled' : 'confirmed') : 'missing'
        if (actual !== status) {
          report.lost++
          report.problems.push(`booking ${code} acknowledged ${status}, found ${actual}`)
        }
      }

      let stopped = false
      const flow = traffic({ call, morning, cookies, ledger, stopped: () => stopped })
      const [min, max] = options.killAfterMs
      await new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)))
      await killed(server.child)
      report.kills++
      stopped = true
      await flow
      screen.stop()
      await screen.done
      lastEventId = screen.seen.lastId
      calledBefore = new Set([...calledBefore, ...screen.seen.codes])
    } finally {
      await killed(server.child)
    }
    const found = await inspect(engine, morning, ledger, report.problems)
    report.lost += found.lost
    report.halfDone += found.halfDone
    options.log?.(
      `round ${round + 1}: ${ledger.tickets.size} tickets, ${ledger.calls.size} calls, ${ledger.bookings.size} bookings acknowledged so far; lost ${found.lost}, half-done ${found.halfDone}`,
    )
  }
  // A last start: the database opens, and the screen catches up with the calls of the last round.
  const server = startServer(engine, port)
  try {
    await server.ready
    const screen = watchScreen(base, morning.slug, lastEventId)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const missed = [...ledger.calls].filter((code) => !calledBefore.has(code) && !screen.seen.codes.has(code))
    report.missedCalls += missed.length
    if (missed.length > 0)
      report.problems.push(`at the end, the screen did not catch up with ${missed.join(', ')}`)
    screen.stop()
    await screen.done
  } finally {
    await killed(server.child)
  }
  report.acknowledged = {
    tickets: ledger.tickets.size,
    calls: ledger.calls.size,
    transfers: ledger.transfers.size,
    finishes: ledger.finishes.size,
    bookings: ledger.bookings.size,
    cancellations: [...ledger.bookings.values()].filter((status) => status === 'cancelled').length,
  }
  return report
}
