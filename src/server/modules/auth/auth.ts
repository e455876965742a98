import { AsyncLocalStorage } from 'node:async_hooks'
import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import type { Database } from '../../db/client'
import { account, session, user, verification } from '../../db/schema/auth'
import type { Mailer } from './mailer'

export type AuthOptions = {
  db: Database
  secret: string
  baseUrl: string
  mailer?: Mailer | undefined
}

const noClientDetails = { ipAddress: null, userAgent: null }

// A manager asking for a reset link gets the link back instead of (or as well as) an email:
// centres often have no mail server, and the manager hands the link over in person.
const resetLinkCapture = new AsyncLocalStorage<{ url?: string }>()

export function createAuth({ db, secret, baseUrl, mailer }: AuthOptions) {
  return betterAuth({
    appName: 'Cité',
    baseURL: baseUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [baseUrl],
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      // Staff accounts are created by a manager or the CLI, never by self sign-up.
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 60 * 60 * 24,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user: staff, token }) => {
        const url = `${baseUrl}/staff/reset-password?token=${encodeURIComponent(token)}`
        const capture = resetLinkCapture.getStore()
        if (capture) capture.url = url
        await mailer?.sendPasswordReset({ to: staff.email, name: staff.name, url })
      },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    // The library keeps each session's user agent (and address) by default, with no option to stop it:
    // both are blanked before the row is written. A browser's user agent is a fingerprint, and nothing
    // here needs it (privacy rules: no fingerprinting, even for staff).
    databaseHooks: {
      session: {
        create: { before: async (row) => ({ data: { ...row, ...noClientDetails } }) },
        update: { before: async (row) => ({ data: { ...row, ...noClientDetails } }) },
      },
    },
    // The library's own limiter needs client addresses, which we do not track: see sign-in-throttle.ts.
    rateLimit: { enabled: false },
    advanced: {
      // Privacy rules: no address is stored anywhere, even for staff sessions.
      ipAddress: { disableIpTracking: true },
      useSecureCookies: baseUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      database: { generateId: () => crypto.randomUUID() },
    },
  })
}

export type Auth = ReturnType<typeof createAuth>

/** Asks the auth library for a reset token and returns the link it would have mailed. */
export async function createPasswordResetLink(auth: Auth, email: string): Promise<string> {
  const capture: { url?: string } = {}
  await resetLinkCapture.run(capture, () =>
    auth.api.requestPasswordReset({ body: { email, redirectTo: '/staff/reset-password' } }),
  )
  if (!capture.url) throw new Error(`No reset link was produced for ${email}`)
  return capture.url
}

/** Creates a staff login with a password; the caller hands the password over once. */
export async function createStaffLogin(auth: Auth, input: { email: string; name: string; password: string }) {
  const context = await auth.$context
  const hash = await context.password.hash(input.password)
  const created = await context.internalAdapter.createUser(
    { email: input.email.toLowerCase(), name: input.name, emailVerified: true },
    { method: 'admin' },
  )
  await context.internalAdapter.linkAccount({
    userId: created.id,
    providerId: 'credential',
    accountId: created.id,
    password: hash,
  })
  return { id: created.id, email: created.email, name: created.name }
}
