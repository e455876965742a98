import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { type DatabaseOptions, openDatabase } from '../db/client'
import { rowsOf } from '../db/rows'
import { createAuth } from '../modules/auth/auth'
import { createArea } from '../modules/centres/areas-service'
import { createCentre } from '../modules/centres/centres-service'
import { createDesk } from '../modules/centres/desks-service'
import { replaceWeeklyHours } from '../modules/centres/hours-service'
import { createEvent } from '../modules/events/events-service'
import { addStaff } from '../modules/staff/staff-service'

/**
 * Real Cité servers in their own processes, for the tests and benchmarks that kill them or run several
 * behind a proxy: a centre written straight into the database, the server started with `cdm serve`, a
 * JSON client with the staff cookie and the same-origin header, and a waiting-room screen's live stream.
 */
export type ServerEngine = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string }

export const AREAS = ['emploi', 'formation'] as const
const TIMEZONE = 'UTC'

export const databaseOptions = (engine: ServerEngine): DatabaseOptions =>
  engine.kind === 'pglite' ? { dataDir: engine.dataDir } : { url: engine.url, poolMax: 2 }

/** The centre of the morning, written straight into the database before the server first starts. */
export async function buildMorning(
  engine: ServerEngine,
  options: { desks?: number; sessions?: number; capacity?: number } = {},
) {
  const { desks: deskCount = 2, sessions: sessionCount = 1, capacity = 40 } = options
  const handle = await openDatabase(databaseOptions(engine))
  try {
    await handle.migrate()
    const db = handle.db
    const auth = createAuth({ db, secret: randomBytes(32).toString('hex'), baseUrl: 'http://127.0.0.1' })
    const slug = `matin-${randomBytes(3).toString('hex')}`
    const centre = await createCentre({
      db,
      actorUserId: null,
      input: {
        slug,
        name: { fr: 'Matinée chargée' },
        timezone: TIMEZONE,
        languages: ['fr'],
        defaultLanguage: 'fr',
      },
    })
    await replaceWeeklyHours({
      db,
      centreId: centre.id,
      actorUserId: null,
      input: {
        spans: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '23:59' })),
      },
    })
    const areaIds: string[] = []
    for (const [position, area] of AREAS.entries()) {
      const created = await createArea({
        db,
        centreId: centre.id,
        actorUserId: null,
        input: {
          slug: area,
          name: { fr: area },
          description: {},
          colour: '#2f6f9f',
          pictogram: 'compass',
          ticketLetter: area === 'emploi' ? 'E' : 'F',
          position,
        },
      })
      areaIds.push(created.id)
    }
    const desks = []
    for (const name of Array.from({ length: deskCount }, (_, index) => `Bureau ${index + 1}`))
      desks.push(
        (await createDesk({ db, centreId: centre.id, actorUserId: null, input: { name, areaIds } })).row.id,
      )
    const staff = async (role: 'counsellor' | 'reception') => {
      const email = `${role}-${randomBytes(3).toString('hex')}@crash.example`
      const added = await addStaff({
        db,
        auth,
        actorUserId: null,
        input: { email, name: role, role, centreId: centre.id },
      })
      return { email, password: added.password ?? '' }
    }
    const counsellor = await staff('counsellor')
    const reception = await staff('reception')
    const tomorrow = new Date(Date.now() + 86_400_000)
    const at = (hour: number) =>
      new Date(
        Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth(), tomorrow.getUTCDate(), hour),
      ).toISOString()
    const eventId = await createEvent({
      db,
      centreId: centre.id,
      actorUserId: null,
      writer: { kind: 'manager' },
      now: new Date(),
      input: {
        type: 'workshop',
        title: { fr: 'Atelier CV' },
        language: 'fr',
        place: 'Salle 1',
        sessions: Array.from({ length: sessionCount }, (_, index) => ({
          startsAt: at(8 + index),
          endsAt: at(9 + index),
          booking: true,
          capacity,
          maxGroup: 2,
        })),
      },
    })
    const sessionIds = rowsOf<{ id: string }>(
      await db.execute(sql`select id from event_session where event_id = ${eventId} order by starts_at`),
    ).map((row) => row.id)
    const sessionId = sessionIds[0] ?? ''
    return { slug, centreId: centre.id, desks, counsellor, reception, sessionId, sessionIds, capacity }
  } finally {
    await handle.close()
  }
}

export type Morning = Awaited<ReturnType<typeof buildMorning>>

export function startServer(
  engine: ServerEngine,
  port: number,
  publicUrl = `http://127.0.0.1:${port}`,
  extraEnv: Record<string, string> = {},
) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: publicUrl,
    CDM_LOG_LEVEL: 'silent',
    ...extraEnv,
  }
  if (engine.kind === 'pglite') {
    env.CDM_DATA_DIR = engine.dataDir
    delete env.DATABASE_URL
  } else env.DATABASE_URL = engine.url
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-demo', '--port', String(port)],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Cité is ready')) resolve()
    })
    child.once('exit', (code) =>
      reject(new Error(`the server stopped (${code}) before it was ready: ${errors}`)),
    )
  })
  return { child, ready }
}

export const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })

/** One client of the server: JSON in and out, the staff cookie, and the same-origin header for writes. */
/** `origin`: the address the server knows itself by (a proxy's, behind one), for the same-origin check. */
export function client(base: string, origin = base) {
  return async (
    path: string,
    init: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        origin,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null }
  }
}

export async function signIn(call: ReturnType<typeof client>, who: { email: string; password: string }) {
  const response = await call('/api/auth/sign-in/email', { method: 'POST', body: who })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (response.status !== 200 || !cookie) throw new Error(`sign-in refused: ${response.status}`)
  return cookie
}

/** The screen: reads the public live stream, keeping the last event id and the ticket codes called. */
export function watchScreen(
  base: string,
  slug: string,
  lastEventId: number | undefined,
  onCall?: (code: string) => void,
) {
  const controller = new AbortController()
  const seen = { lastId: lastEventId, codes: new Set<string>() }
  const done = (async () => {
    const response = await fetch(`${base}/api/v1/centres/${slug}/live`, {
      signal: controller.signal,
      headers: lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) },
    })
    const reader = response.body?.getReader()
    if (!reader) return
    const decoder = new TextDecoder()
    let buffer = ''
    for (;;) {
      const { value, done: ended } = await reader.read()
      if (ended) return
      buffer += decoder.decode(value, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const id = /^id: (\d+)$/m.exec(block)?.[1]
        const event = /^event: (.+)$/m.exec(block)?.[1]
        const data = /^data: (.+)$/m.exec(block)?.[1]
        if (event === 'call' && data) {
          const { code } = JSON.parse(data) as { code: string }
          seen.codes.add(code)
          onCall?.(code)
          if (id) seen.lastId = Number(id)
        }
        end = buffer.indexOf('\n\n')
      }
    }
  })().catch(() => {})
  return { seen, stop: () => controller.abort(), done }
}
