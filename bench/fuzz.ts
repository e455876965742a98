import type { DatabaseHandle } from '../src/server/db/client'
import { createTestContext, TEST_ORIGIN } from '../src/server/test/app'
import { buildFuzzGround } from '../src/server/test/fuzz/ground'
import type { OpenApiDocument } from '../src/server/test/fuzz/operations'
import { capturingLogger, createFuzzer, createTally, describeRequest } from '../src/server/test/fuzz/runner'
import { onEachEngine, withMigratedDatabase } from './support/engines'
import { percentile, printTable } from './support/figures'

/**
 * Bad input at scale: 20,000 requests generated from the OpenAPI document and mutated (wrong types,
 * missing and unknown fields, huge strings, unicode with lone surrogates and NUL, malformed JSON, wrong
 * content types, bodies over the limit, other methods), anonymous and signed in, over every operation, on
 * PGlite and on PostgreSQL. Figures: requests by status class, server errors and crashes (both should be
 * 0), other broken answers (a 4xx without a translated message), requests per second, the slowest
 * operations. The suite runs the same fuzzer with fewer requests (src/server/test/fuzz).
 */

const RUNS = Number(process.env.BENCH_FUZZ_RUNS ?? 20_000)
const SEED = Number(process.env.BENCH_FUZZ_SEED ?? 20_261_206)
const BODY_LIMIT = 64 * 1024

async function measure(handle: DatabaseHandle) {
  const { logger, lines } = capturingLogger()
  const t = await createTestContext({ handle, logger })
  const ground = await buildFuzzGround(t)
  const document = (await (await t.request('/api/openapi.json')).json()) as OpenApiDocument
  const fuzzer = createFuzzer({
    send: (url, init) => t.app.request(url, init),
    document,
    ground,
    bodyLimit: BODY_LIMIT,
    publicOrigin: TEST_ORIGIN,
    errorLines: lines,
  })
  const tally = createTally()
  let unhandled = 0
  const countUnhandled = () => void unhandled++
  process.on('unhandledRejection', countUnhandled)
  const started = performance.now()
  try {
    const { details } = await fuzzer.run({
      seed: SEED,
      numRuns: RUNS,
      stopOnProblem: false,
      onOutcome: tally.add,
    })
    const durationMs = performance.now() - started
    const crash = details.failed
      ? String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance)
      : null
    return { ...tally.summary(), durationMs, crash, unhandled, operations: fuzzer.operations.length }
  } finally {
    process.off('unhandledRejection', countUnhandled)
  }
}

export async function run() {
  console.log(
    `Fuzz benchmark: ${RUNS.toLocaleString('en')} generated and mutated requests per engine over every operation of the OpenAPI document, seed ${SEED}, body limit ${BODY_LIMIT / 1024} kB`,
  )
  const results = await onEachEngine('fuzz', (engine) => withMigratedDatabase(engine, measure))
  const count = (value: number | undefined) => (value ?? 0).toLocaleString('en')
  printTable(
    [
      'engine',
      'operations (2xx seen)',
      'requests',
      '2xx',
      '3xx',
      '4xx',
      '5xx',
      'crashes',
      'other problems',
      'requests/s',
    ],
    results.map(([label, r]) => [
      label,
      `${r.operations} (${r.succeeded.size})`,
      count(r.sent),
      count(r.byClass['2xx']),
      count(r.byClass['3xx']),
      count(r.byClass['4xx']),
      count(r.byClass['5xx']),
      String((r.byClass.crash ?? 0) + r.unhandled + (r.crash ? 1 : 0)),
      count(r.problemCount - (r.byClass['5xx'] ?? 0) - (r.byClass.crash ?? 0)),
      `${Math.round((r.sent / r.durationMs) * 1000)}/s`,
    ]),
  )
  const ms = (value: number) => `${value.toFixed(1)} ms`
  for (const [label, r] of results) {
    const statuses = Object.entries(r.byStatus).map(([status, n]) => `${status} ×${count(n)}`)
    console.log(`\n${label}, by status: ${statuses.join(', ')}`)
    const unreached = [...r.latencies.keys()].filter((operation) => !r.succeeded.has(operation))
    if (unreached.length) console.log(`${label}, never answered 2xx: ${unreached.join('; ')}`)
    const slowest = [...r.latencies.entries()]
      .map(([operation, values]) => ({ operation, values, p95: percentile(values, 0.95) }))
      .sort((a, b) => b.p95 - a.p95)
      .slice(0, 8)
    console.log(`\nSlowest operations on ${label} (by p95):`)
    printTable(
      ['operation', 'requests', 'p50', 'p95', 'max'],
      slowest.map(({ operation, values, p95 }) => [
        operation,
        String(values.length),
        ms(percentile(values, 0.5)),
        ms(p95),
        ms(Math.max(...values)),
      ]),
    )
    if (r.crash) console.log(`\n${label}: the app stopped answering: ${r.crash}`)
    if (r.problems.size) console.log(`\n${label}: ${r.problems.size} kinds of problem`)
    for (const { example, count } of r.problems.values())
      console.log(`\n${label}, ${count}×: ${example.problem}\n  request: ${describeRequest(example.request)}`)
  }
  console.log(
    `\nnode ${process.version}. In-process requests (app.request), one at a time, the database included.`,
  )
  if (results.some(([, r]) => r.problemCount > 0 || r.crash || r.unhandled > 0)) process.exitCode = 1
}
