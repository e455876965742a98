import { Hono } from 'hono'
import { isDatabaseReady } from '../../db/client'
import type { AppEnv } from '../../http/context'

export const healthRoutes = new Hono<AppEnv>()
  // Liveness: the process answers. Never touches the database, so a slow database does not get us killed.
  .get('/healthz', (c) => c.json({ status: 'ok' }))
  // Readiness: the database answers and every committed migration is applied.
  .get('/readyz', async (c) => {
    const ready = await isDatabaseReady(c.var.deps.db)
    return c.json({ status: ready ? 'ready' : 'not_ready' }, ready ? 200 : 503)
  })
