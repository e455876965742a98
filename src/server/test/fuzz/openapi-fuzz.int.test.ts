import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestContext } from '../app'
import { fuzzApp } from './ground'
import { createTally, describeRequest, type Fuzzer } from './runner'

/**
 * Bad input at scale, the suite's share (`npm run bench -- fuzz` sends many more): requests generated
 * from the OpenAPI document over every operation, anonymous and signed in, must never get a server
 * error, and every refusal must carry a translated message. A failure prints its seed and shrink path:
 * `FUZZ_SEED=… FUZZ_PATH=… npx vitest run <this file>` replays it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_206)
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000)
const FILE = 'src/server/test/fuzz/openapi-fuzz.int.test.ts'

let t: TestContext
let fuzzer: Fuzzer
beforeAll(async () => {
  ;({ t, fuzzer } = await fuzzApp())
})
afterAll(() => t.close())

describe('bad input at scale', () => {
  it('answers each parameter and body field given NUL or a lone surrogate, the rest valid, without a server error', async () => {
    // The two values that have reached PostgreSQL before: NUL in text, half a surrogate pair in JSON.
    const values = ['a\u0000b', '\uD800']
    const { sent, problems } = await fuzzer.sweep({ seed: SEED, oneEach: false, values })
    expect(
      problems.map((outcome) => `${outcome.problem}\n  request: ${describeRequest(outcome.request)}`),
    ).toEqual([])
    expect(sent).toBeGreaterThan(fuzzer.operations.length * 2)
  }, 120_000)

  it('answers generated and mutated requests without a server error, and every refusal with a message', async () => {
    const tally = createTally()
    const { details } = await fuzzer.run({
      seed: SEED,
      numRuns: RUNS,
      path: process.env.FUZZ_PATH,
      stopOnProblem: true,
      onOutcome: tally.add,
    })
    if (details.failed) {
      const shrunk = details.counterexample?.[0]
      const error =
        details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance
      throw new Error(
        `${String(error)}\n${shrunk ? `shrunk to: ${describeRequest(shrunk)}\n` : ''}` +
          `replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} npx vitest run ${FILE}`,
      )
    }
    const { sent, byClass, latencies } = tally.summary()
    expect(sent).toBeGreaterThanOrEqual(RUNS)
    // Every operation was tried, and a good share of requests got through validation to the services.
    expect([...latencies.keys()].sort()).toEqual(fuzzer.operations.map((operation) => operation.label).sort())
    expect(byClass['2xx'] ?? 0).toBeGreaterThan(RUNS / 10)
  }, 240_000)
})
