import { runCrashRounds } from '../src/server/test/crash'
import { onEachEngine } from './support/engines'
import { median, printTable } from './support/figures'

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20)

/**
 * `npm run bench -- crash`: a busy morning on the real server, killed with SIGKILL at a random moment
 * ROUNDS times (20 by default, `CRASH_ROUNDS=n`) and started again, on each engine. After each kill the
 * database is opened directly and every acknowledged ticket, call, transfer, finish, booking and
 * cancellation is looked for; the screen reconnects with its Last-Event-ID and must get every call.
 */
export async function run() {
  console.log(`Crash safety: ${ROUNDS} kills per engine, each 1–4 s into the traffic`)
  const results = await onEachEngine('crash', (engine) =>
    runCrashRounds({
      engine:
        'dataDir' in engine.database
          ? { kind: 'pglite', dataDir: engine.database.dataDir }
          : { kind: 'postgres', url: engine.database.url },
      rounds: ROUNDS,
      killAfterMs: [1000, 4000],
      log: (line) => console.log(`  ${engine.label}: ${line}`),
    }),
  )
  printTable(
    [
      'engine',
      'kills',
      'tickets',
      'calls',
      'transfers',
      'finishes',
      'bookings',
      'cancelled',
      'lost',
      'half-done',
      'calls missed by the screen',
      'restart (median)',
    ],
    results.map(([label, report]) => [
      label,
      String(report.kills),
      String(report.acknowledged.tickets),
      String(report.acknowledged.calls),
      String(report.acknowledged.transfers),
      String(report.acknowledged.finishes),
      String(report.acknowledged.bookings),
      String(report.acknowledged.cancellations),
      String(report.lost),
      String(report.halfDone),
      String(report.missedCalls),
      `${(median(report.restartMs) / 1000).toFixed(1)} s`,
    ]),
  )
  for (const [label, report] of results)
    for (const problem of report.problems) console.log(`  ${label}: ${problem}`)
  if (results.some(([, report]) => report.lost + report.halfDone + report.missedCalls > 0))
    process.exitCode = 1
}
