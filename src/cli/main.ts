import { SingleBar } from 'cli-progress'
import { Argument, Command, Option } from 'commander'
import { type BackupHeader, type BackupProgress, backupDatabase, restoreDatabase } from '../server/db/backup'
import { openDatabase } from '../server/db/client'
import { readEnv } from '../server/env'
import { AppError } from '../server/http/errors'
import { translate } from '../server/http/i18n'
import { createLogger } from '../server/http/logger'
import { buildRuntime, databaseOptions, listen, openBus, openMigratedDatabase } from '../server/main'
import { createApiToken, revokeApiTokens } from '../server/modules/auth/api-tokens'
import { createPasswordResetLink } from '../server/modules/auth/auth'
import { getCentreBySlug } from '../server/modules/centres/centres-service'
import { sendBookingNotices } from '../server/modules/events/notices'
import { sweepSessions } from '../server/modules/events/sweep'
import { sweepNotebooks } from '../server/modules/notebooks/notebook-service'
import {
  attributions,
  type ImportSource,
  importers,
  importSources,
} from '../server/modules/occupations/import'
import { readSearchIndex } from '../server/modules/occupations/search'
import { sweepQuestions } from '../server/modules/questions/question-service'
import { addStaff, findUserIdByEmail } from '../server/modules/staff/staff-service'
import { purgeRawRecords } from '../server/modules/statistics/retention'
import { closeStaleTickets } from '../server/modules/tickets/end-of-day'
import { isDatabaseEmpty, seedDemo } from '../server/seed/demo'
import { staffRoles } from '../shared/constants'
import { negotiateLocale } from '../shared/i18n/locales'

const program = new Command('cdm')
  .description('Cité — run and administer a Cité des Métiers')
  .showHelpAfterError()

/** Runs `work` with a migrated database, then closes it; typed errors are printed, not thrown. */
async function withRuntime<T>(
  work: (
    runtime: Awaited<ReturnType<typeof buildRuntime>> & {
      db: Awaited<ReturnType<typeof openMigratedDatabase>>['db']
    },
  ) => Promise<T>,
) {
  const env = readEnv()
  const handle = await openMigratedDatabase(env)
  try {
    const runtime = await buildRuntime(env, handle)
    return await work({ ...runtime, db: handle.db })
  } finally {
    await handle.close()
  }
}

function printAccounts(logins: { role: string; email: string; password: string | null }[]) {
  console.log('\nDemo accounts (passwords are shown only this once):')
  for (const login of logins)
    console.log(`  ${login.role.padEnd(20)} ${login.email.padEnd(28)} ${login.password ?? '(existing)'}`)
  console.log('')
}

program
  .command('serve')
  .description('Start the server (applies migrations; seeds the demo centre into an empty database)')
  .option('--no-demo', 'start with an empty database, without demo data')
  .addOption(new Option('--port <port>', 'port to listen on').env('PORT'))
  .addOption(new Option('--host <host>', 'address to listen on').env('HOST'))
  .action(async (options: { demo: boolean; port?: string; host?: string }) => {
    const env = readEnv({
      ...process.env,
      ...(options.port ? { PORT: options.port } : {}),
      ...(options.host ? { HOST: options.host } : {}),
    })
    const handle = await openMigratedDatabase(env)
    const logger = createLogger(env.CDM_LOG_LEVEL)
    const bus = await openBus(env, logger)
    const { app, auth, publicUrl, notices } = await buildRuntime(env, handle, { logger, bus })
    if (options.demo && (await isDatabaseEmpty(handle.db))) {
      const { centreSlug, logins } = await seedDemo({ db: handle.db, auth })
      console.log(`Demo centre created: ${publicUrl}/c/${centreSlug}`)
      printAccounts(logins)
    }
    // The search index into memory now, rather than on the first visitors' searches (`/readyz` waits).
    readSearchIndex(handle.db).catch((error: unknown) =>
      logger.warn({ err: error }, 'reading the search index failed'),
    )
    const server = await listen(app, env)
    // End of day: tickets nobody will call any more are closed; walk-in seats released to waiting lists,
    // reminder contacts of ended sessions erased, notices sent to the contacts given for them. Idempotent, so every instance may run it.
    const sweep = setInterval(() => {
      closeStaleTickets({
        db: handle.db,
        now: new Date(),
        onClosed: (centreId) => app.live.queueChanged(centreId),
      }).catch((error: unknown) => logger.error({ err: error }, 'end of day sweep failed'))
      sweepSessions({ db: handle.db, now: new Date() })
        .then(() =>
          notices
            ? sendBookingNotices({
                db: handle.db,
                now: new Date(),
                send: notices,
                onError: (error) => logger.warn({ err: error }, 'a booking notice could not be sent'),
              })
            : undefined,
        )
        .catch((error: unknown) => logger.error({ err: error }, 'sessions sweep failed'))
    }, 60_000)
    sweep.unref()
    // Daily retention: past days folded into the statistics, raw records and online questions past the
    // period deleted, notebooks unused past theirs erased. Every hour, so a day is folded soon after it ends; each
    // centre's fold runs under its row lock.
    const retain = () =>
      Promise.all([
        purgeRawRecords({ db: handle.db, now: new Date() }),
        sweepNotebooks({ db: handle.db, now: new Date() }),
        sweepQuestions({ db: handle.db, now: new Date() }),
      ]).catch((error: unknown) => logger.error({ err: error }, 'retention failed'))
    const firstRetention = setTimeout(retain, 30_000).unref()
    const retention = setInterval(retain, 3_600_000).unref()
    logger.info({ url: publicUrl, port: server.port, database: handle.kind }, 'Cité is listening')
    console.log(
      `Cité is ready on ${publicUrl} (database: ${handle.kind === 'pglite' ? `embedded, in ${env.CDM_DATA_DIR}` : 'PostgreSQL server'})`,
    )
    const stop = async () => {
      // No sweep may start on a database that is closing.
      for (const timer of [sweep, retention]) clearInterval(timer)
      clearTimeout(firstRetention)
      await server.close()
      await bus.close()
      await handle.close()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })

program
  .command('migrate')
  .description('Apply committed database migrations and exit')
  .action(async () => {
    const handle = await openMigratedDatabase(readEnv())
    await handle.close()
    console.log('Migrations applied.')
  })

program
  .command('seed')
  .description('Load the demo centre into an empty database')
  .action(() =>
    withRuntime(async ({ db, auth }) => {
      if (!(await isDatabaseEmpty(db)))
        throw new Error('The database already holds a centre; the demo is only loaded into an empty one.')
      const { logins } = await seedDemo({ db, auth })
      printAccounts(logins)
    }),
  )

program
  .command('import')
  .description(
    'Import a reference data set (occupations, skills, trainings) from its folder, in place of its last import',
  )
  .addArgument(new Argument('<source>', 'the data set').choices(importSources))
  .argument('<folder>', 'the folder of the release, as published')
  .action((source: ImportSource, folder: string) =>
    withRuntime(async ({ db }) => {
      const bar = new SingleBar({
        format: '{bar} {percentage}% | {value}/{total} KiB | {step}',
        hideCursor: true,
        clearOnComplete: true,
      })
      let started = false
      const summary = await importers[source]({
        db,
        folder,
        onProgress: ({ step, bytes, totalBytes }) => {
          const kib = (value: number) => Math.round(value / 1024)
          if (!started) bar.start(kib(totalBytes), 0, { step })
          started = true
          bar.update(kib(bytes), { step: bytes === totalBytes ? 'writing to the database' : step })
        },
      }).finally(() => started && bar.stop())
      const figures = Object.entries(summary.counts)
        .map(([name, value]) => `${value.toLocaleString('en')} ${name}`)
        .join(', ')
      console.log(
        `${source} ${summary.release} imported in ${(summary.durationMs / 1000).toFixed(1)} s: ${figures}.`,
      )
      console.log(attributions[source](summary.release))
    }),
  )

program
  .command('purge')
  .description(
    'Fold past days into the daily statistics, then delete raw tickets, interviews and visit profiles older than each centre’s retention period, and notebooks unused for longer than it keeps them',
  )
  .action(() =>
    withRuntime(async ({ db }) => {
      const report = await purgeRawRecords({ db, now: new Date() })
      const notebooks = await sweepNotebooks({ db, now: new Date() })
      const questions = await sweepQuestions({ db, now: new Date() })
      console.log(
        `${report.days} day(s) folded into the statistics; deleted ${report.tickets} ticket(s), ` +
          `${report.interviews} interview record(s), ${report.profiles} visit profile(s) and ` +
          `${report.queries} search word count(s) past their retention period; erased ${notebooks} notebook(s) unused past theirs and ${questions} online question(s).`,
      )
    }),
  )

/** A progress bar over the rows of each table, for backups and restores of a large database. */
function tableProgress() {
  const bar = new SingleBar({
    format: '{bar} {percentage}% | {value}/{total} rows | {table}',
    hideCursor: true,
    clearOnComplete: true,
  })
  let current = ''
  return {
    update: ({ table, done, total }: BackupProgress) => {
      if (table !== current) {
        if (current) bar.stop()
        current = table
        bar.start(Math.max(total, 1), 0, { table })
      }
      bar.update(Math.min(done, Math.max(total, 1)), { table })
    },
    stop: () => current && bar.stop(),
  }
}

const rowCount = (header: BackupHeader) =>
  header.tables.reduce((sum, table) => sum + table.rows, 0).toLocaleString('en')

program
  .command('backup')
  .description(
    'Write the whole database to a file (gzip, JSON lines; the same on the embedded database and a PostgreSQL server), from a consistent snapshot while Cité keeps running',
  )
  .argument('<file>', 'the backup file to write')
  .action(async (file: string) => {
    const handle = await openMigratedDatabase(readEnv())
    const progress = tableProgress()
    try {
      const header = await backupDatabase({ handle, file, onProgress: progress.update })
      progress.stop()
      console.log(
        `Backup written to ${file}: ${header.tables.length} tables, ${rowCount(header)} rows (schema ${header.lastMigration}).`,
      )
    } finally {
      progress.stop()
      await handle.close()
    }
  })

program
  .command('restore')
  .description(
    'Load a backup into an empty database (a new CDM_DATA_DIR folder, or an empty DATABASE_URL database), then apply newer migrations',
  )
  .argument('<file>', 'the backup file to read')
  .action(async (file: string) => {
    const env = readEnv()
    const handle = await openDatabase(databaseOptions(env))
    const progress = tableProgress()
    try {
      const header = await restoreDatabase({ handle, file, onProgress: progress.update })
      progress.stop()
      console.log(
        `Restored ${rowCount(header)} rows of ${header.tables.length} tables from the backup of ${header.createdAt} (made on ${header.engine === 'pglite' ? 'the embedded database' : 'a PostgreSQL server'}).`,
      )
    } finally {
      progress.stop()
      await handle.close()
    }
  })

const staff = program.command('staff').description('Manage staff accounts')
staff
  .command('add')
  .description('Give someone a role in a centre; a new person gets a one-time password')
  .requiredOption('--email <email>', 'their email (used as login)')
  .requiredOption('--name <name>', 'their name, as colleagues see it')
  .addOption(new Option('--role <role>', 'role').choices(staffRoles).makeOptionMandatory())
  .option('--centre <slug>', 'centre slug (not for network_admin)')
  .action((options: { email: string; name: string; role: (typeof staffRoles)[number]; centre?: string }) =>
    withRuntime(async ({ db, auth }) => {
      const centreId = options.centre ? (await getCentreBySlug({ db, slug: options.centre })).id : null
      const added = await addStaff({ db, auth, actorUserId: null, input: { ...options, centreId } })
      if (added.password)
        console.log(`Account created for ${added.email}.\nOne-time password: ${added.password}`)
      else console.log(`${added.email} already had a login; the role ${options.role} was added.`)
    }),
  )
staff
  .command('reset-link')
  .description('Print a password reset link to hand over (valid 24 hours)')
  .requiredOption('--email <email>', 'the staff member’s email')
  .action((options: { email: string }) =>
    withRuntime(async ({ auth }) =>
      console.log(await createPasswordResetLink(auth, options.email.trim().toLowerCase())),
    ),
  )

const tokens = program.command('token').description('Personal API tokens')
tokens
  .command('create')
  .description('Print a personal API token for `Authorization: Bearer <token>`')
  .requiredOption('--email <email>', 'the staff member the token acts as')
  .option('--label <label>', 'what the token is for', 'cli')
  .action((options: { email: string; label: string }) =>
    withRuntime(async ({ db }) => {
      const userId = await findUserIdByEmail({ db, email: options.email })
      if (!userId) throw new Error(`No staff member with the email ${options.email}.`)
      const { token } = await createApiToken({ db, userId, label: options.label })
      console.log(token)
    }),
  )
tokens
  .command('revoke')
  .description('Revoke a staff member’s API tokens (all of them, or those with a label)')
  .requiredOption('--email <email>', 'the staff member the tokens act as')
  .option('--label <label>', 'only the tokens with this label')
  .action((options: { email: string; label?: string }) =>
    withRuntime(async ({ db }) => {
      const userId = await findUserIdByEmail({ db, email: options.email })
      if (!userId) throw new Error(`No staff member with the email ${options.email}.`)
      const count = await revokeApiTokens({ db, userId, label: options.label })
      console.log(`${count} token(s) revoked.`)
    }),
  )

program.parseAsync().catch((error: unknown) => {
  const locale = negotiateLocale([process.env.LANG ?? ''], 'en')
  console.error(
    error instanceof AppError
      ? translate(locale, error.messageKey, error.values)
      : error instanceof Error
        ? error.message
        : error,
  )
  process.exit(1)
})
