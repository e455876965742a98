import { Hono } from 'hono'
import { isDatabaseReady } from '../../db/client'
import type { AppEnv } from '../../http/context'
import { isIndexBeingRead } from '../search/index-reader'

export const healthRoutes = new Hono<AppEnv>()
  // Liveness: the process answers. Never touches the database, so a slow database does not get us killed.
  .get('/healthz', (c) => c.json({ status: 'ok' }))
  // Readiness: the database answers, every committed migration is applied, and the search index is in
  // memory (read as the server starts: a few seconds with every reference data set).
  .get('/readyz', async (c) => {
    const ready = !isIndexBeingRead(c.var.deps.db) && (await isDatabaseReady(c.var.deps.db))
    return c.json({ status: ready ? 'ready' : 'not_ready' }, ready ? 200 : 503)
  })
