import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { clientDist, createApp } from './app'
import { type DatabaseHandle, openDatabase } from './db/client'
import { loadSecret } from './db/secret'
import { type Env, publicUrlOf } from './env'
import { createLogger, type Logger } from './http/logger'
import { createAuth } from './modules/auth/auth'
import { createMailer } from './modules/auth/mailer'
import { createNoticeSender } from './modules/events/notices'
import { createLocalBus, createPostgresBus, type EventBus } from './realtime/bus'

export function databaseOptions(env: Env) {
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.CDM_DATA_DIR }
}

/** Opens the database named by the environment and applies committed migrations. */
export async function openMigratedDatabase(env: Env): Promise<DatabaseHandle> {
  const handle = await openDatabase(databaseOptions(env))
  await handle.migrate()
  return handle
}

export async function buildRuntime(
  env: Env,
  handle: DatabaseHandle,
  options: { logger?: Logger; bus?: EventBus } = {},
) {
  const logger = options.logger ?? createLogger(env.CDM_LOG_LEVEL)
  const publicUrl = publicUrlOf(env)
  const secret = await loadSecret(handle.db, env.CDM_SECRET)
  const mailer = createMailer(env.SMTP_URL, env.SMTP_FROM)
  const auth = createAuth({ db: handle.db, secret, baseUrl: publicUrl, mailer })
  const notices = createNoticeSender({ mailer, smsWebhookUrl: env.SMS_WEBHOOK_URL })
  const app = createApp({
    db: handle.db,
    auth,
    now: () => new Date(),
    logger,
    publicUrl,
    bodyLimit: env.CDM_BODY_LIMIT,
    trustProxy: env.CDM_TRUST_PROXY,
    clientDir: clientDist,
    bus: options.bus,
  })
  return { app, auth, logger, publicUrl, notices }
}

/**
 * The bus live events travel on: in this process with the embedded database, PostgreSQL NOTIFY with a
 * server, so that instances sharing the database share their events.
 */
export async function openBus(env: Env, logger: Logger): Promise<EventBus> {
  return env.DATABASE_URL ? createPostgresBus(env.DATABASE_URL, logger) : createLocalBus(logger)
}

/** Starts listening; resolves once the port is bound, with a function that stops cleanly. */
export function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  env: Pick<Env, 'PORT' | 'HOST'>,
) {
  return new Promise<{ port: number; close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            // Live streams never end by themselves: close them so the server can stop.
            if ('closeAllConnections' in server) server.closeAllConnections()
          }),
      })
    })
  })
}
