import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { openDatabase } from '../src/server/db/client'
import { percentile, printTable } from './support/figures'
import { citeScript, startServer, stop } from './support/processes'
import { importOnce, referenceSources } from './support/reference-data'

/**
 * Search latency as visitors meet it: Cité serving over HTTP on the embedded database with every real
 * data set imported, four clients asking at once, each sending its next query as soon as it has an
 * answer. Queries are real names of occupations (a sample of every source's titles and other names, in
 * French and English) as typed: whole, with one typo, and unfinished, the way a search box sends them
 * while someone types. Figures: p50, p95 and p99 of each endpoint (occupation search, and the one search
 * across occupations and trainings), and queries per second — once the server is ready (its search
 * index in memory) and has answered 400 other names, as a server that has been up a while has: the
 * first few hundred statements of a fresh embedded database run slower while its code warms up.
 *
 * `BENCH_DATA_DIR=<folder>` keeps the imported database there and reuses it on the next run.
 */

const CONCURRENCY = 4
const QUERIES_PER_LANGUAGE = 400
/** Other names asked first, per language, one at a time: a server that has been up a while. */
const WARM_UP_PER_LANGUAGE = 200
const TARGET_P95_MS = 20

type Query = { q: string; lang: string }

/** A seeded generator, so two runs ask the same questions. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296
    return state / 4294967296
  }
}

/** The name with two neighbouring letters swapped somewhere after its first letter. */
function typo(text: string, next: () => number): string {
  if (text.length < 4) return text
  const at = 1 + Math.floor(next() * (text.length - 2))
  return text.slice(0, at) + (text[at + 1] ?? '') + (text[at] ?? '') + text.slice(at + 2)
}

/** The names measured, and as many others again to warm up with (none of them measured). */
async function sampleQueries(dataDir: string): Promise<{ measured: Query[]; warmUp: Query[] }> {
  const handle = await openDatabase({ dataDir })
  const next = random(20261124)
  try {
    const measured: Query[] = []
    const warmUp: Query[] = []
    for (const lang of ['fr', 'en']) {
      const result = await handle.db.execute(sql`
        select label from occupation_label
        where language = ${lang} and kind <> 'hidden'
        order by md5(label) limit ${QUERIES_PER_LANGUAGE + WARM_UP_PER_LANGUAGE}`)
      for (const [index, { label }] of (result as unknown as { rows: { label: string }[] }).rows.entries()) {
        const form = next()
        const words = label.split(/\s+/)
        // A third whole, a third with a typo, a third unfinished (a word and a half, as typed).
        const q =
          form < 1 / 3
            ? label
            : form < 2 / 3
              ? typo(label, next)
              : `${words.slice(0, 1).join(' ')} ${(words[1] ?? '').slice(0, 3)}`.trim()
        ;(index < QUERIES_PER_LANGUAGE ? measured : warmUp).push({ q, lang })
      }
    }
    return { measured: measured.sort(() => next() - 0.5), warmUp: warmUp.sort(() => next() - 0.5) }
  } finally {
    await handle.close()
  }
}

async function measure(
  port: number,
  path: (query: Query) => string,
  { measured: queries, warmUp }: { measured: Query[]; warmUp: Query[] },
) {
  const latencies: number[] = []
  let failures = 0
  let cursor = 0
  const ask = async (query: Query, record: boolean) => {
    const started = performance.now()
    const response = await fetch(`http://127.0.0.1:${port}${path(query)}`)
    await response.arrayBuffer()
    if (response.status !== 200) failures += 1
    else if (record) latencies.push(performance.now() - started)
  }
  for (const query of warmUp) await ask(query, false)
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (cursor < queries.length) {
        const query = queries[cursor++]
        if (query) await ask(query, true)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  return { latencies, failures, perSecond: latencies.length / seconds }
}

export async function run() {
  const kept = process.env.BENCH_DATA_DIR
  const work = mkdtempSync(join(tmpdir(), 'cite-search-'))
  const dataDir = kept ?? join(work, 'data')
  try {
    console.log('Search latency over HTTP, embedded database, every reference data set imported')
    if (!kept || !existsSync(join(dataDir, 'pglite', 'PG_VERSION'))) {
      for (const [source, folder] of referenceSources(work)) {
        const result = await importOnce(source, folder, dataDir)
        console.log(`  ${result.summary}`)
      }
    } else console.log(`  reusing the database in ${dataDir}`)
    const queries = await sampleQueries(dataDir)
    const server = await startServer({ dataDir, script: citeScript })
    try {
      const endpoints = [
        {
          name: 'GET /api/v1/occupations/search',
          path: (query: Query) =>
            `/api/v1/occupations/search?${new URLSearchParams({ q: query.q, lang: query.lang, limit: '20' })}`,
        },
        {
          name: 'GET /api/v1/search',
          path: (query: Query) =>
            `/api/v1/search?${new URLSearchParams({ q: query.q, lang: query.lang, limit: '20' })}`,
        },
      ]
      const rows: string[][] = []
      for (const endpoint of endpoints) {
        const { latencies, failures, perSecond } = await measure(server.port, endpoint.path, queries)
        rows.push([
          endpoint.name,
          String(latencies.length),
          String(failures),
          `${percentile(latencies, 0.5).toFixed(1)} ms`,
          `${percentile(latencies, 0.95).toFixed(1)} ms`,
          `${percentile(latencies, 0.99).toFixed(1)} ms`,
          `${perSecond.toFixed(0)}/s`,
        ])
      }
      printTable(['endpoint', 'queries', 'failed', 'p50', 'p95', 'p99', 'rate'], rows)
      console.log(
        `\n${CONCURRENCY} clients at once, after ${2 * WARM_UP_PER_LANGUAGE} other names asked to warm up; node ${process.version}.` +
          ` Target: p95 ≤ ${TARGET_P95_MS} ms.`,
      )
    } finally {
      await stop(server.child)
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
