import type { DatabaseHandle } from '../src/server/db/client'
import { FUZZ_BODY_LIMIT, fuzzApp } from '../src/server/test/fuzz/ground'
import { createTally, describeRequest } from '../src/server/test/fuzz/runner'
import { onEachEngine, withMigratedDatabase } from './support/engines'
import { percentile, printTable } from './support/figures'

/**
 * Bad input at scale. On PGlite, then on PostgreSQL: 20,000 requests generated from the OpenAPI document
 * and mutated (wrong types, missing and unknown fields, huge strings, unicode with lone surrogates and
 * NUL, deep nesting, malformed JSON, wrong content types, bodies over the limit, other methods, hostile
 * path segments and query strings), anonymous, signed in or with forged credentials, over every
 * operation; then the sweep, which gives every parameter and body field of every operation each hostile
 * value in turn while the rest stays valid. Figures: requests by status class, server errors and crashes
 * (both should be 0), other broken answers (a 4xx without a translated message), requests per second and
 * the slowest operations. The test suite runs the same fuzzer with fewer requests (src/server/test/fuzz).
 */

const RUNS = Number(process.env.BENCH_FUZZ_RUNS ?? 20_000)
const SEED = Number(process.env.BENCH_FUZZ_SEED ?? 20_261_206)

async function measure(handle: DatabaseHandle) {
  const { fuzzer } = await fuzzApp({ handle })
  let unhandled = 0
  const countUnhandled = () => void unhandled++
  process.on('unhandledRejection', countUnhandled)
  try {
    const random = createTally()
    let started = performance.now()
    const { details } = await fuzzer.run({
      seed: SEED,
      numRuns: RUNS,
      stopOnProblem: false,
      onOutcome: random.add,
    })
    const randomMs = performance.now() - started
    const crash = details.failed
      ? String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance)
      : null
    const swept = createTally()
    started = performance.now()
    await fuzzer.sweep({ seed: SEED, oneEach: false, onOutcome: swept.add })
    const sweepMs = performance.now() - started
    return {
      parts: [
        { part: 'generated', durationMs: randomMs, ...random.summary() },
        { part: 'sweep', durationMs: sweepMs, ...swept.summary() },
      ],
      crash,
      unhandled,
      operations: fuzzer.operations.length,
    }
  } finally {
    process.off('unhandledRejection', countUnhandled)
  }
}

export async function run() {
  console.log(
    `Fuzz benchmark: ${RUNS.toLocaleString('en')} generated and mutated requests, then the sweep, per engine, over every operation of the OpenAPI document; seed ${SEED}, body limit ${FUZZ_BODY_LIMIT / 1024} kB`,
  )
  const results = await onEachEngine('fuzz', (engine) => withMigratedDatabase(engine, measure))
  const count = (value: number | undefined) => (value ?? 0).toLocaleString('en')
  printTable(
    [
      'engine',
      'requests',
      'operations (2xx seen)',
      '2xx',
      '3xx',
      '4xx',
      '5xx',
      'crashes',
      'other problems',
      'requests/s',
    ],
    results.flatMap(([label, r]) =>
      r.parts.map((p) => [
        `${label}, ${p.part}`,
        count(p.sent),
        `${r.operations} (${p.succeeded.size})`,
        count(p.byClass['2xx']),
        count(p.byClass['3xx']),
        count(p.byClass['4xx']),
        count(p.byClass['5xx']),
        String((p.byClass.crash ?? 0) + (p.part === 'generated' ? r.unhandled + (r.crash ? 1 : 0) : 0)),
        count(p.problemCount - (p.byClass['5xx'] ?? 0) - (p.byClass.crash ?? 0)),
        `${Math.round((p.sent / p.durationMs) * 1000)}/s`,
      ]),
    ),
  )
  const ms = (value: number) => `${value.toFixed(1)} ms`
  for (const [label, r] of results) {
    for (const p of r.parts) {
      const statuses = Object.entries(p.byStatus).map(([status, n]) => `${status} ×${count(n)}`)
      console.log(`\n${label}, ${p.part}, by status: ${statuses.join(', ')}`)
    }
    const latencies = new Map<string, number[]>()
    for (const p of r.parts)
      for (const [operation, values] of p.latencies)
        latencies.set(operation, [...(latencies.get(operation) ?? []), ...values])
    const slowest = [...latencies.entries()]
      .map(([operation, values]) => ({ operation, values, p95: percentile(values, 0.95) }))
      .sort((a, b) => b.p95 - a.p95)
      .slice(0, 8)
    console.log(`\nSlowest operations on ${label} (by p95, both parts):`)
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
    for (const p of r.parts)
      for (const { example, count: seen } of p.problems.values())
        console.log(
          `\n${label}, ${p.part}, ${seen}×: ${example.problem}\n  request: ${describeRequest(example.request)}`,
        )
  }
  console.log(
    `\nnode ${process.version}. In-process requests (app.request), one at a time, the database included.`,
  )
  const broken = results.some(
    ([, r]) => r.crash || r.unhandled > 0 || r.parts.some((p) => p.problemCount > 0),
  )
  if (broken) process.exitCode = 1
}
