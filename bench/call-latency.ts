import { type ChildProcess, fork } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../src/server/db/client'
import { loadSecret } from '../src/server/db/secret'
import { createApiToken } from '../src/server/modules/auth/api-tokens'
import { createAuth } from '../src/server/modules/auth/auth'
import { createArea } from '../src/server/modules/centres/areas-service'
import { createCentre } from '../src/server/modules/centres/centres-service'
import { createDesk } from '../src/server/modules/centres/desks-service'
import { replaceWeeklyHours } from '../src/server/modules/centres/hours-service'
import { addStaff } from '../src/server/modules/staff/staff-service'
import { openDeskSession } from '../src/server/modules/tickets/desk-sessions'
import { median, percentile, printTable } from './support/figures'
import { citeScript, memoryOf, memoryProbe, startServer, stop } from './support/processes'
import type { ClientCommand, ClientReply } from './support/sse-clients'

/**
 * Call-to-screen latency: N subscribers hold the public live stream of one centre (a waiting room's
 * screens and phones), a desk calls the next ticket, and the figure is the time from the call's HTTP
 * answer reaching the desk to the `call` event reaching every subscriber — p50 and p99 over the calls —
 * with the server's resident memory per open stream. The same run measures a bare Node SSE broadcaster
 * of about thirty lines (bench/support/bare-sse.ts) the same way: the floor on this machine, and the
 * control for the subscribers' own process, which on two cores competes with the server for CPU.
 *
 * Cité runs as `cdm serve` on PGlite, the default deployment (the live path is the same on PostgreSQL
 * with one instance), in a folder prepared beforehand with a centre open all day, one area, one desk
 * with an open session and a counsellor's API token; each call is a real `POST /desks/:id/call-next`.
 * Each server is its own child process (its memory is the server's alone, read after a full collection
 * by bench/support/memory-probe.ts); the subscribers live in another (bench/support/sse-clients.ts);
 * this process only makes the calls, one at a time, and reads clocks.
 *
 * Both servers answer a call only once its event has been handed to every subscriber's socket (Cité
 * confirms a desk's call once its screens have it; the bare one does the same), so "from the
 * answer" is what the subscribers still wait after that, and a delivery may even precede the answer (a
 * negative time). The cost of the fan-out inside the server shows in the answer's own round trip;
 * "from request" adds the two: from the moment the desk sent the call to the moment the last screen had it.
 */

const SUBSCRIBERS = [1_000, 5_000]
const WARMUP_CALLS = 5
const CALLS = 100
/** Pause between calls: one at a time, each one's deliveries done before the next. */
const CALL_SPACING_MS = 100
/** Streams being opened at once: each costs Cité a few queries for its snapshot. */
const CONNECT_CONCURRENCY = 100
const CONNECT_TIMEOUT_MS = 60_000
const DELIVERY_TIMEOUT_MS = 10_000
/** Time for the server's memory to settle after its streams are opened. */
const SETTLE_MS = 2_000
const LANGUAGE = 'fr'
const TARGETS = { p99Ms: 50, ratio: 2, kibPerConnection: 20 }

const root = fileURLToPath(new URL('..', import.meta.url))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** The system's monotonic clock in milliseconds, as the subscribers' process reads it too. */
const clock = () => Number(process.hrtime.bigint()) / 1e6

type Centre = { slug: string; deskId: string; area: string; token: string }
type ServerKind = 'cite' | 'bare'
/** A server's memory after a full collection, in KiB: resident, and what JavaScript holds (heap and external). */
type Memory = { rss: number; js: number }
type Scenario = {
  kind: ServerKind
  subscribers: number
  connectMs: number
  /** Ready, with a tenth of the streams, with all of them, after the calls. */
  memory: { before: Memory; tenth: Memory; after: Memory; end: Memory }
  /** Per call: last delivery minus the call's answer, and minus the call's request. */
  lastFromAnswer: number[]
  lastFromRequest: number[]
  /** Every delivery of every call, minus that call's answer. */
  deliveries: number[]
  answerMs: number[]
  missed: number
  dropped: number
  /** Events of any kind each subscriber received per call (Cité follows a call with fresh queue figures). */
  eventsPerCall: number
  serverCpuMsPerCall: number
  clientCpuMsPerCall: number
}

/** A centre open all day, every day, around noon in its own time zone so no run crosses its midnight. */
function timezoneNearNoon(): string {
  const offset = 12 - new Date().getUTCHours()
  // POSIX signs: Etc/GMT-3 is three hours ahead of UTC.
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`
}

/** Prepares the data folder with the services themselves, then closes it for the server to open. */
async function prepareCentre(dataDir: string): Promise<Centre> {
  const handle = await openDatabase({ dataDir })
  try {
    await handle.migrate()
    const { db } = handle
    const auth = createAuth({ db, secret: await loadSecret(db, undefined), baseUrl: 'http://127.0.0.1' })
    const centre = await createCentre({
      db,
      actorUserId: null,
      input: {
        slug: 'bench-live',
        name: { fr: 'Centre du banc', en: 'Bench centre' },
        timezone: timezoneNearNoon(),
        languages: [LANGUAGE],
        defaultLanguage: LANGUAGE,
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
    const place = await createArea({
      db,
      centreId: centre.id,
      actorUserId: null,
      input: {
        slug: 'emploi',
        name: { fr: 'Trouver un emploi', en: 'Find a job' },
        colour: '#336699',
        pictogram: 'compass',
        ticketLetter: 'E',
      },
    })
    const { row: desk } = await createDesk({
      db,
      centreId: centre.id,
      actorUserId: null,
      input: { name: 'Bureau 1', areaIds: [place.id] },
    })
    await openDeskSession({
      db,
      deskId: desk.id,
      userId: null,
      input: { areas: [place.slug], languages: [LANGUAGE] },
    })
    const counsellor = await addStaff({
      db,
      auth,
      actorUserId: null,
      input: { email: 'counsellor@bench.example', name: 'Bench', role: 'counsellor', centreId: centre.id },
    })
    const { token } = await createApiToken({ db, userId: counsellor.userId, label: 'bench' })
    return { slug: centre.slug, deskId: desk.id, area: place.slug, token }
  } finally {
    await handle.close()
  }
}

/** CPU time (user + system) a process has used, in milliseconds. */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name, which may hold spaces: utime and stime are the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}

/** The soft limit on open files of this process, which its children inherit. */
function openFilesLimit(): number {
  const match = /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))
  return match?.[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match?.[1] ?? 1024)
}

type Server = { kind: ServerKind; child: ChildProcess; pid: number; port: number }

/** The server's memory after a full collection, in KiB. */
async function memoryOfServer(server: Server): Promise<Memory> {
  const figures = await memoryOf(server.child)
  return { rss: figures.rss / 1024, js: (figures.heapUsed + figures.external) / 1024 }
}

/** Starts Cité as a centre would (minus npm), or the bare broadcaster, and waits until it answers. */
async function startServerOf(kind: ServerKind, dataDir: string): Promise<Server> {
  const served = await startServer({
    dataDir,
    nodeArgs: ['--expose-gc', '--import', memoryProbe],
    ipc: true,
    script: kind === 'cite' ? citeScript : (port) => ['bench/support/bare-sse.ts', String(port)],
  })
  return { kind, ...served }
}

/** The subscribers' process, and one question at a time to it. */
function startClients() {
  const child = fork(join(root, 'bench/support/sse-clients.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const ask = <T extends ClientReply['type']>(command: ClientCommand, type: T, timeoutMs: number) =>
    new Promise<Extract<ClientReply, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage)
        reject(new Error(`the subscribers did not answer ${command.type} within ${timeoutMs} ms`))
      }, timeoutMs)
      const onMessage = (reply: ClientReply) => {
        if (reply.type !== type) return
        clearTimeout(timer)
        child.off('message', onMessage)
        resolve(reply as Extract<ClientReply, { type: T }>)
      }
      child.on('message', onMessage)
      child.send(command)
    })
  return {
    connect: (server: Server, count: number) =>
      ask(
        {
          type: 'connect',
          host: '127.0.0.1',
          port: server.port,
          path: server.kind === 'cite' ? '/api/v1/centres/bench-live/live' : '/live',
          count,
          readyEvent: 'queue',
          concurrency: CONNECT_CONCURRENCY,
          timeoutMs: CONNECT_TIMEOUT_MS,
        },
        'connected',
        CONNECT_TIMEOUT_MS * Math.ceil(count / CONNECT_CONCURRENCY) + 10_000,
      ),
    /** Every delivery of the call announcing `code` (with no wait: what has arrived so far). */
    received: (code: string, timeoutMs = DELIVERY_TIMEOUT_MS) =>
      ask({ type: 'await', code, timeoutMs }, 'received', timeoutMs + 10_000),
    closeAll: () => ask({ type: 'close' }, 'closed', 30_000),
    stop: () => stop(child),
    pid: child.pid ?? 0,
  }
}

type Clients = ReturnType<typeof startClients>

/** Cité needs a waiting ticket per call; reception issues them, as at the front desk. */
async function issueTickets(server: Server, centre: Centre, count: number) {
  for (let index = 0; index < count; index++) {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/centres/${centre.slug}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${centre.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ area: centre.area, language: LANGUAGE, channel: 'reception' }),
    })
    if (response.status !== 201 && response.status !== 200)
      throw new Error(`issuing a ticket answered ${response.status}: ${await response.text()}`)
    await response.arrayBuffer()
  }
}

/** One call: the code it announced, when it was sent and when its answer arrived. */
async function call(server: Server, centre: Centre) {
  const url =
    server.kind === 'cite'
      ? `http://127.0.0.1:${server.port}/api/v1/desks/${centre.deskId}/call-next`
      : `http://127.0.0.1:${server.port}/call`
  const sent = clock()
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${centre.token}` } })
  const answered = clock()
  if (response.status !== 200)
    throw new Error(`the call answered ${response.status}: ${await response.text()}`)
  const { code } = (await response.json()) as { code: string }
  return { code, sent, answered }
}

async function measure(
  kind: ServerKind,
  subscribers: number,
  dataDir: string,
  centre: Centre,
  clients: Clients,
): Promise<Scenario> {
  const server = await startServerOf(kind, dataDir)
  try {
    if (kind === 'cite') await issueTickets(server, centre, WARMUP_CALLS + CALLS)
    await sleep(SETTLE_MS)
    const before = await memoryOfServer(server)
    const tenthCount = Math.round(subscribers / 10)
    const first = await clients.connect(server, tenthCount)
    await sleep(SETTLE_MS)
    const tenth = await memoryOfServer(server)
    const rest = await clients.connect(server, subscribers - tenthCount)
    const open = rest.open
    if (open < subscribers)
      throw new Error(
        `${subscribers - open} of ${subscribers} subscribers could not connect (${first.firstError ?? rest.firstError})`,
      )
    await sleep(SETTLE_MS)
    const after = await memoryOfServer(server)

    const scenario: Scenario = {
      kind,
      subscribers,
      connectMs: first.ms + rest.ms,
      memory: { before, tenth, after, end: after },
      lastFromAnswer: [],
      lastFromRequest: [],
      deliveries: [],
      answerMs: [],
      missed: 0,
      dropped: 0,
      eventsPerCall: 0,
      serverCpuMsPerCall: 0,
      clientCpuMsPerCall: 0,
    }
    const start = { server: 0, client: 0, events: 0 }
    let events = 0
    for (let index = 0; index < WARMUP_CALLS + CALLS; index++) {
      if (index === WARMUP_CALLS) {
        Object.assign(start, { server: cpuMsOf(server.pid), client: cpuMsOf(clients.pid), events })
      }
      await sleep(CALL_SPACING_MS)
      const { code, sent, answered } = await call(server, centre)
      const got = await clients.received(code)
      scenario.dropped = got.dropped
      events = got.events
      if (index < WARMUP_CALLS) continue
      scenario.missed += Math.max(0, open - got.dropped - got.times.length)
      if (got.times.length === 0) continue
      const last = Math.max(...got.times)
      scenario.lastFromAnswer.push(last - answered)
      scenario.lastFromRequest.push(last - sent)
      scenario.answerMs.push(answered - sent)
      for (const time of got.times) scenario.deliveries.push(time - answered)
    }
    // The spacing is idle time for both servers alike; what is left is the calls and their fan-out.
    scenario.serverCpuMsPerCall = (cpuMsOf(server.pid) - start.server) / CALLS
    scenario.clientCpuMsPerCall = (cpuMsOf(clients.pid) - start.client) / CALLS
    // Events still on their way after the last call's are few: the queue figures trail by 25 ms.
    await sleep(500)
    scenario.eventsPerCall = ((await clients.received('', 0)).events - start.events) / (CALLS * open)
    scenario.memory.end = await memoryOfServer(server)
    return scenario
  } finally {
    await clients.closeAll().catch(() => {})
    await stop(server.child)
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`
const kib = (value: number) => `${value.toFixed(1)} KB`
const mib = (value: number) => `${(value / 1024).toFixed(0)} MiB`
/** Growth per stream of one memory figure: from no stream, or (marginal) from a tenth of them. */
const perStream = (s: Scenario, figure: keyof Memory, from: 'before' | 'tenth') =>
  (s.memory.after[figure] - s.memory[from][figure]) /
  (s.subscribers - (from === 'tenth' ? Math.round(s.subscribers / 10) : 0))
const label = (kind: ServerKind) => (kind === 'cite' ? 'Cité' : 'bare Node')

function report(scenarios: Scenario[]) {
  printTable(
    [
      'server',
      'subscribers',
      'last p50',
      'last p99',
      'each p50',
      'from request p50',
      'from request p99',
      'answer p50',
      'missed',
      'events/call',
      'CPU/call server',
      'CPU/call subscribers',
    ],
    scenarios.map((s) => [
      label(s.kind),
      s.subscribers.toLocaleString('en'),
      ms(percentile(s.lastFromAnswer, 0.5)),
      ms(percentile(s.lastFromAnswer, 0.99)),
      ms(median(s.deliveries)),
      ms(percentile(s.lastFromRequest, 0.5)),
      ms(percentile(s.lastFromRequest, 0.99)),
      ms(median(s.answerMs)),
      String(s.missed + s.dropped),
      s.eventsPerCall.toFixed(2),
      ms(s.serverCpuMsPerCall),
      ms(s.clientCpuMsPerCall),
    ]),
  )
  printTable(
    [
      'server',
      'subscribers',
      'connect all',
      'RSS ready',
      'RSS connected',
      'RSS after calls',
      'RSS/conn',
      'RSS/conn marginal',
      'JS/conn',
      'JS/conn marginal',
    ],
    scenarios.map((s) => [
      label(s.kind),
      s.subscribers.toLocaleString('en'),
      `${(s.connectMs / 1000).toFixed(1)} s`,
      mib(s.memory.before.rss),
      mib(s.memory.after.rss),
      mib(s.memory.end.rss),
      kib(perStream(s, 'rss', 'before')),
      kib(perStream(s, 'rss', 'tenth')),
      kib(perStream(s, 'js', 'before')),
      kib(perStream(s, 'js', 'tenth')),
    ]),
  )
  const ratio = (ours: number, bare: number) => (bare > 0 ? `${(ours / bare).toFixed(2)}×` : 'n/a')
  const rows: string[][] = []
  for (const subscribers of SUBSCRIBERS) {
    const ours = scenarios.find((s) => s.kind === 'cite' && s.subscribers === subscribers)
    const bare = scenarios.find((s) => s.kind === 'bare' && s.subscribers === subscribers)
    if (!ours || !bare) continue
    rows.push([
      subscribers.toLocaleString('en'),
      ratio(percentile(ours.lastFromAnswer, 0.5), percentile(bare.lastFromAnswer, 0.5)),
      ratio(percentile(ours.lastFromAnswer, 0.99), percentile(bare.lastFromAnswer, 0.99)),
      ratio(percentile(ours.lastFromRequest, 0.5), percentile(bare.lastFromRequest, 0.5)),
      ratio(percentile(ours.lastFromRequest, 0.99), percentile(bare.lastFromRequest, 0.99)),
      ratio(ours.serverCpuMsPerCall, bare.serverCpuMsPerCall),
      ratio(perStream(ours, 'rss', 'tenth'), perStream(bare, 'rss', 'tenth')),
    ])
  }
  printTable(
    [
      'subscribers',
      'Cité/bare: last p50',
      'last p99',
      'from request p50',
      'from request p99',
      'server CPU/call',
      'RSS/conn marginal',
    ],
    rows,
  )
  console.log(
    `\nnode ${process.version}, ${CALLS} calls per scenario (after ${WARMUP_CALLS} unmeasured), ${CALL_SPACING_MS} ms apart.` +
      '\n"last": until the last subscriber has the call, from the moment the call’s answer reached the desk' +
      ' (negative when every subscriber had it first); "each": every single delivery, from the same moment;' +
      '\n"from request": the same last delivery, from the moment the call was sent; "answer": the call’s own round trip.' +
      '\n"events/call": events each subscriber received per call; "CPU/call": user + system time per call, spacing excluded.' +
      '\nMemory after a full collection; "/conn": growth with all streams open over none, per stream; "marginal": from a' +
      ' tenth of the streams to all of them (the first streams’ fixed costs left out); "JS": V8 heap used + external.' +
      `\nTargets: last p99 ≤ ${TARGETS.p99Ms} ms at 5,000 subscribers, Cité/bare ≤ ${TARGETS.ratio}, ≤ ${TARGETS.kibPerConnection} KB per connection.`,
  )
}

export async function run() {
  console.log(
    `Call-to-screen latency: ${SUBSCRIBERS.map((n) => n.toLocaleString('en')).join(' and ')} subscribers on the live stream, Cité against a bare Node SSE broadcaster`,
  )
  const limit = openFilesLimit()
  const needed = Math.max(...SUBSCRIBERS) + 200
  if (limit < needed)
    throw new Error(
      `the open files limit is ${limit}; ${needed} are needed (one socket per subscriber in the server and in the subscribers' process): raise it with \`ulimit -n ${needed}\``,
    )
  const dataDir = mkdtempSync(join(tmpdir(), 'cite-bench-live-'))
  const clients = startClients()
  const scenarios: Scenario[] = []
  try {
    const centre = await prepareCentre(dataDir)
    for (const subscribers of SUBSCRIBERS) {
      // Cité and the floor back to back, so both see the machine in the same state.
      for (const kind of ['cite', 'bare'] as const) {
        const scenario = await measure(kind, subscribers, dataDir, centre, clients)
        scenarios.push(scenario)
        console.log(
          `  ${label(kind)}, ${subscribers.toLocaleString('en')} subscribers: last p99 ${ms(percentile(scenario.lastFromAnswer, 0.99))}`,
        )
      }
    }
  } finally {
    await clients.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  report(scenarios)
}
