import { AREAS, client, type Morning, signIn, watchScreen } from './processes'

/**
 * A centre's day compressed: visitors arrive all along (reception issues their tickets), desks call and
 * serve them, some are transferred; phones follow their tickets (the live stream, and their ticket's page now
 * and then); waiting-room screens stay connected all day; visitors book and cancel seats and search the
 * portal. Every request is timed; the day is cut into ten slices for latency and errors over time, and the
 * server's memory is sampled by the caller's probe.
 */
export type SoakPlan = {
  durationMs: number
  visitors: number
  screens: number
  phones: number
  bookings: number
  searches: number
}

export type SoakReport = {
  requests: number
  errors: number
  errorSamples: string[]
  served: number
  /** Tickets called at least once. */
  called: number
  /** Tickets whose call each screen received (each should see every one). */
  screenCalls: number[]
  slices: { from: number; requests: number; errors: number; p50: number; p99: number }[]
  /** Latency by kind of request over the whole day. */
  byKind: { kind: string; requests: number; p50: number; p99: number }[]
  memory: { at: number; bytes: number }[]
}

const WORDS = [
  'cv',
  'formation',
  'emploi',
  'entretien',
  'cariste',
  'infirmier',
  'apprentissage',
  'vae',
  'stage',
  'métier',
]

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function quantile(sorted: number[], q: number) {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

export async function runSoak(options: {
  base: string
  morning: Morning
  plan: SoakPlan
  /** The server's memory in bytes, read by the caller (after a collection, where it can). */
  memory?: () => Promise<number>
}): Promise<SoakReport> {
  const { base, morning, plan } = options
  const call = client(base)
  const cookies = {
    counsellor: await signIn(call, morning.counsellor),
    reception: await signIn(call, morning.reception),
  }
  const started = Date.now()
  const end = started + plan.durationMs
  const timings: { at: number; ms: number; ok: boolean; label: string }[] = []
  const errorSamples: string[] = []
  const timed = async (
    label: string,
    work: () => ReturnType<typeof call>,
    ok = (status: number) => status < 400,
  ) => {
    const at = Date.now()
    const t0 = performance.now()
    try {
      const response = await work()
      const good = ok(response.status)
      timings.push({ at: at - started, ms: performance.now() - t0, ok: good, label })
      if (!good && errorSamples.length < 20)
        errorSamples.push(`${label}: ${response.status} ${JSON.stringify(response.body)}`)
      return response
    } catch (error) {
      timings.push({ at: at - started, ms: performance.now() - t0, ok: false, label })
      if (errorSamples.length < 20) errorSamples.push(`${label}: ${(error as Error).message}`)
      return null
    }
  }

  const screens = Array.from({ length: plan.screens }, () => watchScreen(base, morning.slug, undefined))
  const phones: ReturnType<typeof watchScreen>[] = []
  let served = 0
  const calledCodes = new Set<string>()
  const memory: { at: number; bytes: number }[] = []
  const sampler = (async () => {
    while (Date.now() < end && options.memory) {
      memory.push({ at: Date.now() - started, bytes: await options.memory() })
      await sleep(Math.max(200, plan.durationMs / 60))
    }
  })()

  // Each phone looks at its ticket's page now and then until the end of the day, each at its own moments
  // (phones are not in step with one another).
  const every = Math.max(1_000, plan.durationMs / 30)
  const phonePages: Promise<void>[] = []
  const follow = async (token: string) => {
    await sleep(Math.random() * every)
    while (Date.now() < end) {
      await timed('track', () => call(`/api/v1/tickets/track/${token}`))
      await sleep(every)
    }
  }
  // Visitors arrive over the first 85% of the day, at random.
  const arrivals = Array.from({ length: plan.visitors }, () => Math.random() * plan.durationMs * 0.85).sort(
    (a, b) => a - b,
  )
  const reception = (async () => {
    for (const [index, at] of arrivals.entries()) {
      const wait = started + at - Date.now()
      if (wait > 0) await sleep(wait)
      const issued = await timed('ticket', () =>
        call(`/api/v1/centres/${morning.slug}/tickets`, {
          method: 'POST',
          cookie: cookies.reception,
          body: { area: AREAS[index % AREAS.length], language: 'fr', channel: 'reception' },
        }),
      )
      if (issued?.status === 201 && phones.length < plan.phones) {
        phones.push(watchScreen(base, morning.slug, undefined))
        phonePages.push(follow(issued.body.trackToken))
      }
    }
  })()
  // Desks serve at the pace that gets through the day's visitors.
  const serviceMs = (plan.durationMs * 0.8 * morning.desks.length) / Math.max(1, plan.visitors)
  const desks = morning.desks.map(async (desk, index) => {
    await timed('desk session', () =>
      call(`/api/v1/desks/${desk}/session`, {
        method: 'POST',
        cookie: cookies.counsellor,
        body: { areas: [...AREAS], languages: ['fr'] },
      }),
    )
    for (let n = 0; Date.now() < end; n++) {
      const next = await timed(
        'call-next',
        () => call(`/api/v1/desks/${desk}/call-next`, { method: 'POST', cookie: cookies.counsellor }),
        (status) => status === 200 || status === 204,
      )
      if (next?.status !== 200) {
        await sleep(Math.min(500, serviceMs / 4))
        continue
      }
      calledCodes.add(next.body.code)
      await sleep(serviceMs * (0.5 + Math.random()))
      const transfer = (n + index) % 7 === 0
      const done = await timed(transfer ? 'transfer' : 'finish', () =>
        call(`/api/v1/tickets/${next.body.id}/${transfer ? 'transfer' : 'finish'}`, {
          method: 'POST',
          cookie: cookies.counsellor,
          body: transfer ? { transfer: { area: AREAS.find((a) => a !== next.body.area) } } : {},
        }),
      )
      if (done?.status === 200 && !transfer) served++
    }
  })
  const spread = async (count: number, work: (index: number) => Promise<unknown>) => {
    const times = Array.from({ length: count }, () => Math.random() * plan.durationMs * 0.9).sort(
      (a, b) => a - b,
    )
    await Promise.all(
      times.map(async (at, index) => {
        await sleep(at)
        await work(index)
      }),
    )
  }
  const bookings = spread(plan.bookings, async (index) => {
    const session = morning.sessionIds[index % morning.sessionIds.length]
    const booked = await timed('booking', () =>
      call(`/api/v1/sessions/${session}/bookings`, { method: 'POST', body: { seats: 1 + (index % 2) } }),
    )
    if (booked?.status === 201 && index % 5 === 0)
      await timed('cancel booking', () =>
        call(`/api/v1/bookings/${encodeURIComponent(booked.body.code)}`, { method: 'DELETE' }),
      )
  })
  const searches = spread(plan.searches, async (index) => {
    const q = WORDS[index % WORDS.length] ?? 'cv'
    await timed('search', () => call(`/api/v1/search?${new URLSearchParams({ q, centre: morning.slug })}`))
    if (index % 4 === 0) await timed('portal', () => call(`/api/v1/centres/${morning.slug}/portal`))
  })

  await Promise.all([reception, ...desks, bookings, searches, sampler])
  await Promise.all(phonePages)
  if (options.memory) memory.push({ at: Date.now() - started, bytes: await options.memory() })
  for (const stream of [...screens, ...phones]) stream.stop()
  await Promise.all([...screens, ...phones].map((stream) => stream.done))

  const slices = Array.from({ length: 10 }, (_, slice) => {
    const from = (slice * plan.durationMs) / 10
    const to = ((slice + 1) * plan.durationMs) / 10
    const inSlice = timings.filter((timing) => timing.at >= from && (timing.at < to || slice === 9))
    const sorted = inSlice.map((timing) => timing.ms).sort((a, b) => a - b)
    return {
      from,
      requests: inSlice.length,
      errors: inSlice.filter((timing) => !timing.ok).length,
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
    }
  })
  const labels = [...new Set(timings.map((timing) => timing.label))].sort()
  const byKind = labels.map((label) => {
    const sorted = timings
      .filter((timing) => timing.label === label)
      .map((timing) => timing.ms)
      .sort((a, b) => a - b)
    return { kind: label, requests: sorted.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) }
  })
  return {
    byKind,
    requests: timings.length,
    errors: timings.filter((timing) => !timing.ok).length,
    errorSamples,
    served,
    called: calledCodes.size,
    screenCalls: screens.map((screen) => screen.seen.codes.size),
    slices,
    memory,
  }
}
