import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { followCommits } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { searchConfigSql } from '../../db/schema/occupations'
import { searchForm } from '../occupations/search-form'
import { INDEX_CHANNEL, type Segment, segmentsAt } from './index-reader'

/** Words of a query taken into account; more only slow the search down without changing its answer. */
export const MAX_QUERY_WORDS = 12
/** How much a word counts when it is the typed one with a typo undone, only close to it, or begins with it. */
const UNDONE_WEIGHT = 0.9
const NEAR_WEIGHT = 0.9
const BEGUN_WEIGHT = 0.8
/** A word shorter than this is not looked up by similarity: three letters hold too few trigrams. */
const MIN_NEAR_LENGTH = 4
/** How alike a word must be to count (pg_trgm's own threshold). */
const MIN_SIMILARITY = 0.3
/** How many words a typo stands for, and a word being typed. */
const UNDONE_CANDIDATES = 3
const NEAR_CANDIDATES = 3
const BEGUN_CANDIDATES = 8

export type IndexHit = { ref: string; collection: string; score: number; matched: number }

/** The words of a query as the index holds them: lower case, no accents, split at anything not a letter. */
export function queryWords(q: string): string[] {
  return searchForm(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_QUERY_WORDS)
}

/** An indexed word a query word stands for (`i`: the query word's rank), and how much it counts. */
export type QueryTerm = { i: number; language: string; term: string; weight: number }

/** A query resolved against the collections it searches: the words it stands for, and those collections. */
export type ResolvedQuery = { terms: QueryTerm[]; segments: Segment[] }

/**
 * The documents of `collections` that best match `q` in `language`, best first. Each word of the query
 * is stemmed in the language; a stem the index does not know is replaced by the nearest ones it knows
 * (trigram similarity: typos), and the last word, while still being typed, also stands for the words
 * that begin with it. A document scores the sum, over the query's words, of its best BM25 score for one
 * of that word's forms — so a document matching more of the words ranks first, rare words weigh more
 * than common ones, and a title more than a description.
 *
 * The index is built in PostgreSQL; each server reads a collection into memory once per version and
 * answers from there (decision 020), so a query costs one statement: the collections' versions and the
 * query's words stemmed by PostgreSQL's own dictionaries.
 */
export async function searchIndex(options: {
  db: Database
  q: string
  language: string
  collections: readonly string[]
  limit: number
  offset?: number
  /** The query as `resolveQuery` resolved it against the same collections, when the caller needs it too. */
  resolved?: ResolvedQuery
}): Promise<IndexHit[]> {
  if (options.collections.length === 0) return []
  const { terms, segments } =
    options.resolved ?? (await resolveQuery(options.db, options.q, options.language, options.collections))
  if (terms.length === 0) return []
  const found = new Map<string, IndexHit>()
  for (const segment of segments) {
    // Per query word, each document's best score for one of the word's forms.
    const words = new Map<number, Map<number, number>>()
    for (const term of terms) {
      const postings = segment.postings(term.language, term.term)
      if (!postings) continue
      let best = words.get(term.i)
      if (!best) {
        best = new Map()
        words.set(term.i, best)
      }
      for (let at = 0; at < postings.documents.length; at++) {
        const document = postings.documents[at] ?? -1
        const score = Math.fround((postings.scores[at] ?? 0) * Math.fround(term.weight))
        if (score > (best.get(document) ?? 0)) best.set(document, score)
      }
    }
    for (const best of words.values())
      for (const [document, score] of best) {
        const ref = segment.refs[document]
        if (ref === undefined) continue
        const hit = found.get(ref)
        if (hit) {
          hit.score += score
          hit.matched += 1
          if (segment.collection < hit.collection) hit.collection = segment.collection
        } else found.set(ref, { ref, collection: segment.collection, score, matched: 1 })
      }
  }
  const offset = options.offset ?? 0
  return [...found.values()]
    .map((hit) => ({ ...hit, score: Math.fround(hit.score) }))
    .sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
    .slice(offset, offset + options.limit)
}

/** The word with two neighbouring letters swapped, or one letter left out: the commonest typos undone. */
export function misspellingsUndone(word: string): string[] {
  // Letters, not UTF-16 units: cutting a letter outside the BMP (𝖟, CJK extensions) in half would leave
  // a lone surrogate: no word at all, and one PostgreSQL would refuse were it ever sent.
  const letters = [...word]
  if (letters.length < 4) return []
  const variants = new Set<string>()
  const join = (parts: string[]) => parts.join('')
  for (let at = 0; at < letters.length; at++) {
    variants.add(join([...letters.slice(0, at), ...letters.slice(at + 1)]))
    if (at < letters.length - 1)
      variants.add(
        join([...letters.slice(0, at), letters[at + 1] ?? '', letters[at] ?? '', ...letters.slice(at + 2)]),
      )
  }
  variants.delete(word)
  return [...variants]
}

/**
 * The indexed words each query word stands for in `collections`. A word is stemmed in the language (a
 * stop word has no stem and is left out); a stem the collections know stands for itself. One they do
 * not know is a typo: the word with two letters swapped back or an extra letter removed, if they know
 * that, else the words nearest to it by trigram similarity. The last word, while being typed, also
 * stands for the words that begin with it. In a language nothing is indexed in (Klingon, or one no
 * source has yet), words are taken as they are and looked up in every language, where typo
 * tolerance meets them half-way.
 *
 * One statement: the collections' versions, and the words stemmed by PostgreSQL (each word once per
 * server); the rest — typos undone, words begun, scores summed — in the collections as this server
 * holds them.
 */
export async function resolveQuery(
  db: Database,
  q: string,
  language: string,
  collections: readonly string[],
): Promise<ResolvedQuery> {
  const words = queryWords(q)
  if (words.length === 0 || collections.length === 0) return { terms: [], segments: [] }
  const typing = !/[\s\p{P}]$/u.test(q)
  const { collected, known, stemmed } = await askDatabase(db, language, words)
  const segments = await segmentsAt(
    db,
    new Map(collections.map((collection) => [collection, collected.get(collection)?.version ?? 0])),
    collections,
  )
  // Words of a language nothing is indexed in are looked for in every language, taken as they are.
  const languages = known ? [language] : [...new Set(segments.flatMap((segment) => segment.languages))].sort()
  const asked = words.map((word) => ({ word, stems: stemmed.get(word) ?? [] }))
  return { terms: resolveTerms(asked, typing, languages, segments), segments }
}

type Collected = Map<string, { version: number; languages: string[] }>

/**
 * Per database: stems PostgreSQL gave words, by configuration (words recur from one query to the
 * next), and the languages found indexed; and — where the engine tells of each rebuild as it commits
 * (the embedded one) — the collections' versions, kept until a rebuild is told of.
 */
type Held = {
  stems: Stems
  known: Map<string, boolean>
  following: Promise<boolean>
  collected: Collected | null
  /** Rebuilds told of so far. */
  generation: number
}
const heldStems = new WeakMap<Database, Held>()
/** Words kept stemmed at most; past it, the list starts afresh. */
const MAX_STEMMED = 200_000
const NO_STEM: readonly string[] = []

/** Words with their stems, by configuration: most have one, kept as a string. */
class Stems {
  private readonly byConfig = new Map<string, Map<string, string | readonly string[]>>()
  private size = 0

  get(config: string, word: string): readonly string[] | undefined {
    const stems = this.byConfig.get(config)?.get(word)
    return typeof stems === 'string' ? [stems] : stems
  }

  set(config: string, word: string, stems: readonly string[]): void {
    if (this.size >= MAX_STEMMED) {
      this.byConfig.clear()
      this.size = 0
    }
    let words = this.byConfig.get(config)
    if (!words) {
      words = new Map()
      this.byConfig.set(config, words)
    }
    if (!words.has(word)) this.size += 1
    words.set(word, stems.length === 1 ? (stems[0] as string) : stems.length === 0 ? NO_STEM : stems)
  }
}

/**
 * A query's one statement: every collection of the index with its version and languages (a small
 * table, read whole), so that a rebuild committed anywhere — by this server, another, an import — is
 * seen by the next query; and the stems of the words this server has not stemmed before, by
 * PostgreSQL's own dictionaries, in the language's configuration (`simple` where nothing is indexed in
 * the language: should that have changed since the last query, the words are stemmed again).
 */
async function askDatabase(
  db: Database,
  language: string,
  words: string[],
): Promise<{ collected: Collected; known: boolean; stemmed: Map<string, readonly string[]> }> {
  const held = heldFor(db)
  const following = await held.following
  const stemsIn = (config: string) => new Map(words.map((word) => [word, held.stems.get(config, word) ?? []]))
  const missingIn = (config: string) => [
    ...new Set(words.filter((word) => held.stems.get(config, word) === undefined)),
  ]
  const knownIn = (collected: Collected) =>
    [...collected.values()].some((collection) => collection.languages.includes(language))
  if (following && held.collected) {
    // Nothing rebuilt since the versions were read: a statement only for words never stemmed.
    const known = knownIn(held.collected)
    const config = known ? language : 'simple'
    if (missingIn(config).length === 0) return { collected: held.collected, known, stemmed: stemsIn(config) }
  }
  const generation = held.generation
  const assumed = held.known.get(language) ?? true
  const config = assumed ? language : 'simple'
  const missing = missingIn(config)
  // Plain rows (no JSON built): the statement's cost is mostly the embedded engine's own per-row work.
  const rows = rowsOf<{
    collection: string | null
    version: number | null
    languages: string[] | null
    word: string | null
    stems: string[] | null
  }>(
    await db.execute(sql`
      select collection, version::float8 as version, languages, null::text as word, null::text[] as stems
      from search_collection
      ${
        missing.length === 0
          ? sql``
          : sql`union all
            select null, null, null, w, tsvector_to_array(to_tsvector(${searchConfigSql(sql`${config}::text`)}, w))
            from unnest(${textArray(missing)}::text[]) w`
      }`),
  )
  const collected: Collected = new Map()
  for (const row of rows)
    if (row.collection !== null)
      collected.set(row.collection, { version: Number(row.version), languages: row.languages ?? [] })
  const known = knownIn(collected)
  held.known.set(language, known)
  // Kept only if no rebuild was told of while the statement ran: it may have read the versions before.
  if (following && held.generation === generation) held.collected = collected
  for (const word of missing) held.stems.set(config, word, [])
  for (const row of rows) if (row.word !== null) held.stems.set(config, row.word, row.stems ?? [])
  if (known !== assumed)
    return { collected, known, stemmed: (await askDatabase(db, language, words)).stemmed }
  return { collected, known, stemmed: stemsIn(config) }
}

/**
 * Keeps stems worked out elsewhere — the words of every occupation's names, stemmed as the server
 * starts — so that the words visitors type most are never asked for one by one.
 */
export function rememberStems(db: Database, language: string, stems: Iterable<[string, string[]]>): void {
  const held = heldFor(db)
  for (const [word, terms] of stems) held.stems.set(language, word, terms)
}

/** Words as a PostgreSQL array literal, each quoted. */
const textArray = (words: string[]) =>
  `{${words.map((word) => `"${word.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`

function heldFor(db: Database): Held {
  let held = heldStems.get(db)
  if (!held) {
    const state: Held = {
      stems: new Stems(),
      known: new Map(),
      following: Promise.resolve(false),
      collected: null,
      generation: 0,
    }
    state.following = followCommits(db, INDEX_CHANNEL, () => {
      state.collected = null
      state.generation += 1
    }).then((stop) => stop !== null)
    held = state
    heldStems.set(db, held)
  }
  return held
}

type Candidate = { language: string; term: string; documents: number; weight: number }

function resolveTerms(
  asked: { word: string; stems: readonly string[] }[],
  typing: boolean,
  languages: string[],
  segments: Segment[],
): QueryTerm[] {
  const documents = (language: string, term: string) =>
    segments.reduce((sum, segment) => sum + segment.documents(language, term), 0)
  const known = (term: string) => languages.filter((language) => documents(language, term) > 0)
  const best = (candidates: Candidate[], limit: number) => {
    const distinct = new Map<string, Candidate>()
    for (const candidate of candidates) {
      const key = `${candidate.language}\u0000${candidate.term}`
      const kept = distinct.get(key)
      if (!kept || kept.weight < candidate.weight) distinct.set(key, candidate)
    }
    return [...distinct.values()]
      .sort((a, b) => b.weight - a.weight || b.documents - a.documents || (a.term < b.term ? -1 : 1))
      .slice(0, limit)
  }
  const terms: QueryTerm[] = []
  for (const [index, { word, stems }] of asked.entries()) {
    const i = index + 1
    const own = [...new Set(stems)]
    // A stop word: nothing to look for, and its variants would only find noise.
    if (own.length === 0) continue
    const unknown: string[] = []
    for (const term of own) {
      const where = known(term)
      if (where.length === 0) unknown.push(term)
      for (const language of where) terms.push({ i, language, term, weight: 1 })
    }
    const begun = typing && i === asked.length ? own.filter((term) => term.length >= 2) : []
    if (unknown.length === 0 && begun.length === 0) continue
    // A misspelling undone, on the stem ("boulangg" → "boulang") and on the word as typed ("qaui" →
    // "quai"), when the collections know the result.
    const undone =
      unknown.length > 0
        ? best(
            [...new Set([word, ...unknown].flatMap(misspellingsUndone))].flatMap((variant) =>
              known(variant).map((language) => ({
                language,
                term: variant,
                documents: documents(language, variant),
                weight: UNDONE_WEIGHT,
              })),
            ),
            UNDONE_CANDIDATES,
          )
        : []
    // The words the one being typed begins.
    const started = begun.flatMap((prefix) =>
      best(
        languages.flatMap((language) =>
          [...new Set(segments.flatMap((segment) => segment.beginning(language, prefix)))].map((term) => ({
            language,
            term,
            documents: documents(language, term),
            weight: BEGUN_WEIGHT,
          })),
        ),
        BEGUN_CANDIDATES,
      ),
    )
    // Failing both, the nearest words by trigram similarity, and not for words too short to hold a
    // typo worth undoing.
    const near =
      undone.length === 0 && started.length === 0
        ? unknown
            .filter((term) => term.length >= MIN_NEAR_LENGTH)
            .flatMap((term) =>
              best(
                languages.flatMap((language) =>
                  segments
                    .flatMap((segment) => segment.alike(language, term))
                    .filter((alike) => alike.similarity >= MIN_SIMILARITY)
                    .map((alike) => ({
                      language,
                      term: alike.term,
                      documents: documents(language, alike.term),
                      weight: Math.fround(alike.similarity * NEAR_WEIGHT),
                    })),
                ),
                NEAR_CANDIDATES,
              ),
            )
        : []
    for (const candidate of [...undone, ...started, ...near])
      terms.push({ i, language: candidate.language, term: candidate.term, weight: candidate.weight })
  }
  return terms
}
