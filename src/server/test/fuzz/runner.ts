import fc from 'fast-check'
import { pino } from 'pino'
import type { Logger } from '../../http/logger'
import type { FuzzGround } from './ground'
import { harvest } from './known-values'
import { type OpenApiDocument, readOperations } from './operations'
import { type FuzzRequest, fuzzRequests } from './requests'
import { sweepRequests } from './sweep'

/**
 * Sends generated requests through the app and judges every answer: no status of 500 or more, every 4xx a
 * JSON error with a translated message, and the app still answering its health checks after each batch.
 */

export type FuzzOutcome = { request: FuzzRequest; status: number; ms: number; problem: string | null }

type Send = (url: string, init: RequestInit) => Response | Promise<Response>

/** A logger that keeps the app's error lines, so that a 500 can be reported with its cause. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = []
  const logger = pino({ level: 'error', base: undefined }, { write: (line: string) => void lines.push(line) })
  return { logger, lines }
}

const CATALOGUE_KEY = /^(error|validation)\.[\w.]+$/

/** The body as text; a live stream is cancelled (it would never end) and read as empty. */
async function readBody(response: Response): Promise<string> {
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return response.text()
  await response.body?.cancel()
  return ''
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** What is wrong with a response (given its body as text), or null. */
export function judge(request: FuzzRequest, response: Response, text: string): string | null {
  if (response.status >= 500) return `server error ${response.status}: ${text.slice(0, 300)}`
  if (response.status < 400 || request.method === 'HEAD') return null
  const parsed = parseJson(text) as
    | { error?: { code?: unknown; message?: unknown; fields?: Record<string, unknown> } }
    | null
    | undefined
  if (parsed === undefined || parsed === null || typeof parsed !== 'object')
    return `${response.status} without a JSON body: ${text.slice(0, 200)}`
  const message = parsed.error?.message
  if (typeof message !== 'string' || message.trim() === '')
    return `${response.status} without an error message: ${text.slice(0, 200)}`
  const untranslated = [message, ...Object.values(parsed.error?.fields ?? {})].find(
    (value) => typeof value !== 'string' || CATALOGUE_KEY.test(value),
  )
  if (untranslated !== undefined)
    return `${response.status} with an untranslated message: ${String(untranslated)}`
  if (typeof parsed.error?.code !== 'string')
    return `${response.status} without an error code: ${text.slice(0, 200)}`
  return null
}

/** A request as a line of a report: method, URL and body cut short. */
export function describeRequest(request: FuzzRequest): string {
  const cut = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text)
  const body =
    request.body === null
      ? ''
      : typeof request.body === 'string'
        ? ` ${JSON.stringify(cut(request.body))}`
        : ` bytes[${request.body.length}]`
  const type = request.headers['content-type'] === undefined ? '' : ` (${request.headers['content-type']})`
  return `${request.method} ${cut(request.url)} as ${request.identity} [${request.operation}, ${request.bodyKind}${type}]${body}`
}

export type Fuzzer = ReturnType<typeof createFuzzer>

export function createFuzzer(options: {
  send: Send
  document: OpenApiDocument
  ground: FuzzGround
  bodyLimit: number
  publicOrigin: string
  /** The app's captured error lines (see `capturingLogger`). */
  errorLines?: string[]
}) {
  const { send, ground, errorLines } = options
  const operations = readOperations(options.document)
  const requests = fuzzRequests({ document: options.document, known: ground.known }, operations, options)

  async function sendOne(request: FuzzRequest): Promise<FuzzOutcome> {
    const logged = errorLines?.length ?? 0
    const init: RequestInit = {
      method: request.method,
      headers: { ...request.headers, ...ground.credentials[request.identity] },
      ...(request.body === null ? {} : { body: request.body }),
    }
    const started = performance.now()
    let status = 0
    let problem: string | null
    try {
      const response = await send(request.url, init)
      status = response.status
      const text = await readBody(response)
      problem = judge(request, response, text)
      // What the app created or listed is named by later requests.
      if (status < 300 && response.headers.get('content-type')?.startsWith('application/json'))
        harvest(ground.known, request.operation, parseJson(text))
    } catch (error) {
      problem = `the app threw instead of answering: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    }
    const ms = performance.now() - started
    const cause = errorLines?.slice(logged).join('')
    if (problem && cause) problem += `\n  logged: ${cause.slice(0, 1500)}`
    return { request, status, ms, problem }
  }

  /** The process still answers (liveness and the database), and the fixture's names are current. */
  async function checkAlive() {
    for (const path of ['/healthz', '/readyz']) {
      const response = await send(path, {})
      if (response.status !== 200) throw new Error(`${path} answered ${response.status} after the batch`)
      await response.text()
    }
    await ground.refresh()
  }

  /**
   * Runs `numRuns` requests from `seed` (and, to replay a shrunk failure, `path`). With `stopOnProblem`,
   * the first problem fails the run and fast-check shrinks it to a small request.
   */
  async function run(params: {
    seed: number
    numRuns: number
    path?: string
    batchSize?: number
    stopOnProblem: boolean
    onOutcome?: (outcome: FuzzOutcome) => void
  }) {
    const batchSize = params.batchSize ?? 250
    let sent = 0
    await checkAlive()
    const property = fc.asyncProperty(requests, async (request) => {
      const outcome = await sendOne(request)
      params.onOutcome?.(outcome)
      if (++sent % batchSize === 0) await checkAlive()
      if (params.stopOnProblem && outcome.problem)
        throw new Error(`${outcome.problem}\n  request: ${describeRequest(request)}`)
    })
    const details = await fc.check(property, {
      seed: params.seed,
      numRuns: params.numRuns,
      ...(params.path ? { path: params.path } : {}),
    })
    await checkAlive()
    return { details, sent }
  }

  /** The systematic sweep (see `sweepRequests`); its problems, all of them, are returned. */
  async function sweep(params: {
    seed: number
    oneEach: boolean
    /** The hostile values (all of `SWEEP_VALUES` when omitted). */
    values?: unknown[]
    batchSize?: number
    onOutcome?: (outcome: FuzzOutcome) => void
  }) {
    const batchSize = params.batchSize ?? 250
    const problems: FuzzOutcome[] = []
    let sent = 0
    await checkAlive()
    const context = { document: options.document, known: ground.known }
    for (const request of sweepRequests(context, operations, {
      ...params,
      publicOrigin: options.publicOrigin,
    })) {
      const outcome = await sendOne(request)
      params.onOutcome?.(outcome)
      if (outcome.problem) problems.push(outcome)
      if (++sent % batchSize === 0) await checkAlive()
    }
    await checkAlive()
    return { sent, problems }
  }

  return { operations, requests, sendOne, checkAlive, run, sweep }
}

/**
 * What makes two problems the same bug: the operation, the status, and the database error code and the
 * first frame of the app's own code when a failure was logged.
 */
function signatureOf(outcome: FuzzOutcome): string {
  const problem = outcome.problem ?? ''
  const code = /"code":"(\w+)"/.exec(problem)?.[1] ?? ''
  const frame = /\/src\/server\/([^)]+?):\d+:\d+\)/.exec(problem)?.[1] ?? problem.split(':')[0]
  return `${outcome.request.operation} ${outcome.status} ${code} ${frame}`
}

/** Counts by status class and operation, the problems seen (one example per kind), and latencies. */
export function createTally() {
  const byClass: Record<string, number> = {}
  const byStatus: Record<string, number> = {}
  const latencies = new Map<string, number[]>()
  const problems = new Map<string, { example: FuzzOutcome; count: number }>()
  /** Operations that answered 2xx at least once: how far past validation the requests got. */
  const succeeded = new Set<string>()
  let sent = 0
  let problemCount = 0
  return {
    add(outcome: FuzzOutcome) {
      sent++
      const statusClass = outcome.status === 0 ? 'crash' : `${Math.floor(outcome.status / 100)}xx`
      byClass[statusClass] = (byClass[statusClass] ?? 0) + 1
      byStatus[outcome.status] = (byStatus[outcome.status] ?? 0) + 1
      const own = latencies.get(outcome.request.operation) ?? []
      own.push(outcome.ms)
      latencies.set(outcome.request.operation, own)
      if (statusClass === '2xx') succeeded.add(outcome.request.operation)
      if (outcome.problem) {
        problemCount++
        const signature = signatureOf(outcome)
        const seen = problems.get(signature)
        if (seen) seen.count++
        else problems.set(signature, { example: outcome, count: 1 })
      }
    },
    summary: () => ({ sent, byClass, byStatus, latencies, problems, problemCount, succeeded }),
  }
}
