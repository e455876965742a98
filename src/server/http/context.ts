import { OpenAPIHono } from '@hono/zod-openapi'
import type { UiLocale } from '../../shared/i18n/locales'
import type { Database } from '../db/client'
import type { centre } from '../db/schema/centres'
import type { Actor } from '../modules/auth/actor'
import type { Auth } from '../modules/auth/auth'
import type { TicketLive } from '../modules/tickets/live'
import type { LiveHub } from '../realtime/hub'
import { validationError } from './validation'

/** What every handler can reach: dependencies are injected once at composition, never imported. */
export type AppDeps = {
  db: Database
  auth: Auth
  now: () => Date
  /** Where visitors reach this deployment, for links in what leaves it (calendar feeds). */
  publicUrl: string
  /** The live streams of this instance. */
  hub: LiveHub
  /** Announces ticket changes on the bus after they are committed. */
  live: TicketLive
}

export type StaffScope = {
  db: Database
  centre: typeof centre.$inferSelect
  centreId: string
  actor: Actor
  actorUserId: string
}

export type AppEnv = {
  Variables: {
    deps: AppDeps
    locale: UiLocale
    /** Resolved lazily: public endpoints never touch the session store. */
    getActor: () => Promise<Actor | null>
    /** Set by the `centreRole` route middleware: the centre in the path and the authorised caller. */
    scope: StaffScope
  }
}

/** A router whose failed validations become translated 422s, like every other error. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues)
    },
  })
}
