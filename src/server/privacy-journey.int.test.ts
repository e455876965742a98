import { sql } from 'drizzle-orm'
import type { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from './db/rows'
import { session } from './db/schema/auth'
import { createLogger } from './http/logger'
import { createTestContext, type TestContext } from './test/app'
import { duringOpeningHours, walkInCentre } from './test/walk-in'

/**
 * A visitor's whole journey and a staff member's day, over HTTP, from a distinctive address and
 * browser, behind a proxy that passes the address on (the worst case: the app could read it). Then
 * every row of every table and every line the server logged is read back as text: neither the address
 * nor the user agent may be anywhere. Limits may count per address — in memory, salted — never write it.
 */
const VISITOR_IP = '203.0.113.77'
const PROXY_IP = '198.51.100.23'
const STAFF_IP = '192.0.2.45'
const USER_AGENT = 'Mozilla/5.0 (CiteProbe; Fingerprint-7f3a9c) PrivacyCheck/1.0'
const STAFF_AGENT = 'Mozilla/5.0 (StaffProbe; Desk-Browser-41d2) PrivacyCheck/1.0'
const SECRETS = [
  VISITOR_IP,
  PROXY_IP,
  STAFF_IP,
  USER_AGENT,
  STAFF_AGENT,
  'Fingerprint-7f3a9c',
  'Desk-Browser-41d2',
]

const logLines: string[] = []
const destination: pino.DestinationStream = { write: (line: string) => void logLines.push(line) }

let t: TestContext
beforeAll(async () => {
  t = await createTestContext({ logger: createLogger('debug', destination), trustProxy: true })
  duringOpeningHours(t)
})
afterAll(() => t.close())

const visitorHeaders = {
  'user-agent': USER_AGENT,
  'x-forwarded-for': `${VISITOR_IP}, ${PROXY_IP}`,
  'x-real-ip': VISITOR_IP,
  forwarded: `for=${VISITOR_IP};proto=https`,
}
const staffHeaders = {
  'user-agent': STAFF_AGENT,
  'x-forwarded-for': STAFF_IP,
  'x-real-ip': STAFF_IP,
}

/** A request that must succeed; answers its JSON. */
async function call<T = Record<string, unknown>>(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; headers: Record<string, string> },
): Promise<T> {
  const response = await t.request(path, init)
  if (response.status >= 300)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`)
  return (response.status === 204 ? null : await response.json()) as T
}

async function signInStaff(email: string, password: string): Promise<string> {
  const response = await t.request('/api/auth/sign-in/email', {
    method: 'POST',
    body: { email, password },
    headers: staffHeaders,
  })
  expect(response.status).toBe(200)
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ')
}

/** Every row of every table of the database, as PostgreSQL writes it out as text. */
async function dumpDatabase(): Promise<string> {
  const tables = rowsOf<{ schema: string; name: string }>(
    await t.db.execute(sql`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`),
  )
  const dumps: string[] = []
  for (const { schema, name } of tables) {
    const rows = rowsOf<{ row: string }>(
      await t.db.execute(sql`select r::text as row from ${sql.identifier(schema)}.${sql.identifier(name)} r`),
    )
    dumps.push(`${schema}.${name}: ${rows.map((r) => r.row).join('\n')}`)
  }
  expect(tables.length).toBeGreaterThan(50)
  return dumps.join('\n')
}

describe('a visitor’s address and browser', () => {
  it('are kept nowhere — no table, no log line — after a whole visit and a staff member’s work', async () => {
    const { centre, desks } = await walkInCentre(t)
    const base = `/api/v1/centres/${centre.slug}`
    const manager = await t.buildStaff('manager', centre.id)
    const counsellor = await t.buildStaff('counsellor', centre.id)

    // Staff sign in from their own browser: their sessions keep neither address nor user agent.
    const managerCookie = await signInStaff(manager.email, manager.password)
    const counsellorCookie = await signInStaff(counsellor.email, counsellor.password)
    const startsAt = new Date(t.clock.now.getTime() + 26 * 3_600_000)
    const created = await call<{ sessions: { id: string }[] }>(`${base}/events`, {
      method: 'POST',
      cookie: managerCookie,
      headers: staffHeaders,
      body: {
        type: 'workshop',
        title: { fr: 'Atelier CV' },
        description: {},
        language: 'fr',
        place: 'Salle 2',
        sessions: [
          {
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
            booking: true,
            capacity: 10,
            maxGroup: 2,
          },
        ],
      },
    })
    const eventSession = created.sessions[0]?.id

    // The visitor: the portal, a ticket followed on the phone, a seat, a notebook, a question, searches.
    const headers = visitorHeaders
    await call(`${base}/portal`, { headers })
    const ticket = await call<{ trackToken: string }>(`${base}/tickets`, {
      method: 'POST',
      headers,
      body: { area: 'emploi', language: 'fr', channel: 'portal' },
    })
    await call(`/api/v1/tickets/track/${ticket.trackToken}`, { headers })
    const booking = await call<{ code: string }>(`/api/v1/sessions/${eventSession}/bookings`, {
      method: 'POST',
      headers,
      body: { seats: 1 },
    })
    await call(`/api/v1/bookings/${booking.code}`, { headers })
    const notebook = await call<{ code: string }>(`${base}/notebooks`, { method: 'POST', headers })
    await call(`/api/v1/notebooks/${notebook.code}/notes`, {
      method: 'PUT',
      headers,
      body: { notes: 'Appeler la mission locale lundi.' },
    })
    await call(`/api/v1/notebooks/${notebook.code}`, { headers })
    const question = await call<{ code: string }>(`${base}/questions`, {
      method: 'POST',
      headers,
      body: { language: 'fr', text: 'Comment trouver une formation en alternance ?' },
    })
    await call(`/api/v1/questions/${question.code}`, { headers })
    await call(`/api/v1/search?centre=${centre.slug}&q=emploi`, { headers })
    await call(`${base}/guide/understand`, {
      method: 'POST',
      headers,
      body: { text: 'je cherche un travail' },
    })
    // A wrong code: refused, and the refusal counted per address (in memory only).
    expect((await t.request('/api/v1/notebooks/AAAA-BBBB-CCCC-DDDD', { headers })).status).toBe(404)

    // The counsellor serves the ticket.
    await call(`/api/v1/desks/${desks[0]?.row.id}/session`, {
      method: 'POST',
      cookie: counsellorCookie,
      headers: staffHeaders,
      body: { areas: ['emploi'], languages: ['fr'] },
    })
    await call(`/api/v1/desks/${desks[0]?.row.id}/call-next`, {
      method: 'POST',
      cookie: counsellorCookie,
      headers: staffHeaders,
    })
    await call('/api/v1/me', { cookie: counsellorCookie, headers: staffHeaders })

    const sessions = await t.db
      .select({ ipAddress: session.ipAddress, userAgent: session.userAgent })
      .from(session)
    expect(sessions.length).toBeGreaterThanOrEqual(2)
    for (const row of sessions) {
      expect(row.userAgent ?? '').toBe('')
      expect(row.ipAddress ?? '').toBe('')
    }

    const database = await dumpDatabase()
    // The dump holds the journey (so the check below reads real rows), but not who made it.
    expect(database).toContain('Atelier CV')
    expect(database).toContain('emploi')
    const log = logLines.join('')
    expect(log).toContain('/tickets')
    for (const secret of SECRETS) {
      expect(database.includes(secret), `the database holds ${secret}`).toBe(false)
      expect(log.includes(secret), `the logs hold ${secret}`).toBe(false)
    }
  })
})
