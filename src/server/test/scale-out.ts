import { sql } from 'drizzle-orm'
import { freePort } from '../../../tests/setup/free-port'
import { openDatabase } from '../db/client'
import { rowsOf } from '../db/rows'
import { startNginx } from './nginx'
import { buildMorning, client, killed, type Morning, signIn, startServer, watchScreen } from './processes'

/**
 * Several Cité instances on one PostgreSQL server behind nginx, each its own `cdm serve` process: what
 * `docs/deploy.md` describes. Used by the scale-out test (small numbers) and benchmark (large ones).
 */
export async function startCluster(options: { url: string; instances: number }) {
  const morning = await buildMorning({ kind: 'postgres', url: options.url })
  const proxyPort = await freePort()
  const publicUrl = `http://127.0.0.1:${proxyPort}`
  const ports: number[] = []
  for (let i = 0; i < options.instances; i++) ports.push(await freePort())
  const servers = ports.map((port) =>
    startServer({ kind: 'postgres', url: options.url }, port, publicUrl, { CDM_TRUST_PROXY: 'true' }),
  )
  try {
    await Promise.all(servers.map((server) => server.ready))
  } catch (error) {
    await Promise.all(servers.map((server) => killed(server.child)))
    throw error
  }
  const proxy = await startNginx({ port: proxyPort, upstreams: ports })
  const viaProxy = client(publicUrl)
  const cookies = {
    counsellor: await signIn(viaProxy, morning.counsellor),
    reception: await signIn(viaProxy, morning.reception),
  }
  return {
    morning,
    publicUrl,
    viaProxy,
    cookies,
    /** Straight to one instance, as the proxy would send it (same public origin). */
    instance: (index: number) => ({
      base: `http://127.0.0.1:${ports[index]}`,
      call: client(`http://127.0.0.1:${ports[index]}`, publicUrl),
      kill: () => {
        const server = servers[index]
        return server ? killed(server.child) : Promise.resolve()
      },
    }),
    stop: async () => {
      await proxy.stop()
      await Promise.all(servers.map((server) => killed(server.child)))
    },
  }
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>

/**
 * Milliseconds from a desk's call on instance `from` to the screen on instance `to` showing it, for
 * `calls` calls one after another (each ticket issued first).
 */
export async function crossInstanceDelivery(
  cluster: Cluster,
  options: { from: number; to: number; calls: number },
) {
  const { morning, cookies } = cluster
  const from = cluster.instance(options.from)
  const waiting = new Map<string, () => void>()
  const screen = watchScreen(cluster.instance(options.to).base, morning.slug, undefined, (code) =>
    waiting.get(code)?.(),
  )
  const desk = morning.desks[0] ?? ''
  await from.call(`/api/v1/desks/${desk}/session`, {
    method: 'POST',
    cookie: cookies.counsellor,
    body: { areas: ['emploi', 'formation'], languages: ['fr'] },
  })
  await new Promise((resolve) => setTimeout(resolve, 300))
  const latencies: number[] = []
  try {
    for (let i = 0; i < options.calls; i++) {
      const issued = await from.call(`/api/v1/centres/${morning.slug}/tickets`, {
        method: 'POST',
        cookie: cookies.reception,
        body: { area: 'emploi', language: 'fr', channel: 'reception' },
      })
      if (issued.status !== 201) throw new Error(`ticket refused: ${issued.status}`)
      const code = issued.body.code as string
      const shown = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`the call of ${code} never reached the other instance`)),
          10_000,
        )
        waiting.set(code, () => {
          clearTimeout(timer)
          resolve()
        })
      })
      const started = performance.now()
      let called = await from.call(`/api/v1/desks/${desk}/call-next`, {
        method: 'POST',
        cookie: cookies.counsellor,
      })
      // A ticket called earlier is still at the desk: finish it and call again.
      while (called.status === 200 && called.body.code !== code) {
        await from.call(`/api/v1/tickets/${called.body.id}/finish`, {
          method: 'POST',
          cookie: cookies.counsellor,
          body: {},
        })
        called = await from.call(`/api/v1/desks/${desk}/call-next`, {
          method: 'POST',
          cookie: cookies.counsellor,
        })
      }
      if (called.status !== 200) throw new Error(`call refused: ${called.status}`)
      await shown
      latencies.push(performance.now() - started)
      waiting.delete(code)
      await from.call(`/api/v1/tickets/${called.body.id}/finish`, {
        method: 'POST',
        cookie: cookies.counsellor,
        body: {},
      })
    }
  } finally {
    screen.stop()
    await screen.done
  }
  return latencies
}

/** `requests` bookings of one seat sent at once through the proxy; answers the seats confirmed and waiting. */
export async function bookingRush(cluster: Cluster, url: string, requests: number) {
  const answers = await Promise.all(
    Array.from({ length: requests }, () =>
      cluster.viaProxy(`/api/v1/sessions/${cluster.morning.sessionId}/bookings`, {
        method: 'POST',
        body: { seats: 1 },
      }),
    ),
  )
  const handle = await openDatabase({ url, poolMax: 1 })
  try {
    const [row] = rowsOf<{ confirmed: number; waiting: number }>(
      await handle.db.execute(sql`select
          coalesce(sum(seats) filter (where status = 'confirmed'), 0)::int as confirmed,
          coalesce(sum(seats) filter (where status = 'waiting'), 0)::int as waiting
        from booking where session_id = ${cluster.morning.sessionId}`),
    )
    return {
      accepted: answers.filter((answer) => answer.status === 201).length,
      failed: answers.filter((answer) => answer.status >= 500).length,
      confirmed: row?.confirmed ?? 0,
      waiting: row?.waiting ?? 0,
      capacity: cluster.morning.capacity,
    }
  } finally {
    await handle.close()
  }
}

/**
 * Reception issues tickets through the proxy from `clients` loops for `durationMs`; instance 0 is killed
 * with SIGKILL at `killAtMs`. Answers what was acknowledged and what the database holds of it.
 */
export async function killUnderLoad(
  cluster: Cluster,
  url: string,
  options: { clients: number; durationMs: number; killAtMs: number },
) {
  const acknowledged = new Set<string>()
  let refused = 0
  let afterKill = 0
  let killedAt = 0
  const end = Date.now() + options.durationMs
  const loop = async () => {
    while (Date.now() < end) {
      try {
        const issued = await cluster.viaProxy(`/api/v1/centres/${cluster.morning.slug}/tickets`, {
          method: 'POST',
          cookie: cluster.cookies.reception,
          body: { area: 'formation', language: 'fr', channel: 'reception' },
        })
        if (issued.status === 201) {
          acknowledged.add(issued.body.id)
          if (killedAt) afterKill++
        } else refused++
      } catch {
        refused++
      }
    }
  }
  const kill = new Promise<void>((resolve) =>
    setTimeout(async () => {
      await cluster.instance(0).kill()
      killedAt = Date.now()
      resolve()
    }, options.killAtMs),
  )
  await Promise.all([...Array.from({ length: options.clients }, loop), kill])
  const handle = await openDatabase({ url, poolMax: 1 })
  try {
    const rows = rowsOf<{ id: string; issued: number }>(
      await handle.db.execute(sql`select t.id, count(s.id)::int as issued from ticket t
        join ticket_step s on s.ticket_id = t.id and s.kind = 'issued'
        where t.centre_id = ${cluster.morning.centreId} and t.area_id = (select id from area
          where centre_id = ${cluster.morning.centreId} and slug = 'formation')
        group by t.id`),
    )
    const stored = new Map(rows.map((row) => [row.id, row.issued]))
    return {
      acknowledged: acknowledged.size,
      afterKill,
      refused,
      missing: [...acknowledged].filter((id) => !stored.has(id)).length,
      twice: rows.filter((row) => row.issued !== 1).length,
    }
  } finally {
    await handle.close()
  }
}

export type { Morning }
