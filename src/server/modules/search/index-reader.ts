import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'

/** The channel a rebuild notifies as it commits (see `followCommits`). */
export const INDEX_CHANNEL = 'search_index'

/** One word's postings in a collection: the documents holding it (as positions in `refs`) and its BM25 score in each. */
type Postings = { documents: Int32Array; scores: Float32Array }

/** A word as pg_trgm splits it into trigrams: padded with two spaces before and one after. */
export function trigramsOf(word: string): Set<string> {
  const found = new Set<string>()
  const padded = `  ${word} `
  for (let at = 0; at + 3 <= padded.length; at++) found.add(padded.slice(at, at + 3))
  return found
}

/**
 * A language's words by trigram, and how many trigrams each has: pg_trgm's similarity (the trigrams two
 * words share over the trigrams either has) is then counted from the lists.
 */
type TrigramIndex = { lists: Map<string, string[]>; sizes: Map<string, number> }

/**
 * One collection of the search index as this server holds it in memory, at one version: the words of
 * each language with their postings, read once from PostgreSQL, where the index is built, with the
 * words sorted (for the words a query's last word begins) and by trigram (for typos).
 */
export class Segment {
  private readonly sorted = new Map<string, string[]>()
  private readonly grams = new Map<string, TrigramIndex>()

  constructor(
    readonly collection: string,
    readonly version: number,
    /** Each document's ref (the occupation, training or resource), by position. */
    readonly refs: string[],
    readonly words: Map<string, Map<string, Postings>>,
  ) {
    // Worked out now, while the collection is read, not on the first query that needs them.
    for (const language of words.keys()) {
      this.sortedWords(language)
      this.trigramIndex(language)
    }
  }

  get languages(): string[] {
    return [...this.words.keys()]
  }

  postings(language: string, term: string): Postings | undefined {
    return this.words.get(language)?.get(term)
  }

  /** How many documents hold the word: what ranks a typo's candidates. */
  documents(language: string, term: string): number {
    return this.postings(language, term)?.documents.length ?? 0
  }

  /** The words of the language that begin with `prefix`, itself excepted. */
  beginning(language: string, prefix: string): string[] {
    const words = this.sortedWords(language)
    let low = 0
    let high = words.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((words[middle] ?? '') < prefix) low = middle + 1
      else high = middle
    }
    const found: string[] = []
    for (let at = low; at < words.length; at++) {
      const word = words[at] ?? ''
      if (!word.startsWith(prefix)) break
      if (word !== prefix) found.push(word)
    }
    return found
  }

  /** The words of the language sharing a trigram with `term`, with their similarity to it. */
  alike(language: string, term: string): { term: string; similarity: number }[] {
    const { lists, sizes } = this.trigramIndex(language)
    const own = trigramsOf(term)
    // Shared trigrams counted from the lists: no word's own trigrams worked out again.
    const shared = new Map<string, number>()
    for (const trigram of own)
      for (const word of lists.get(trigram) ?? []) shared.set(word, (shared.get(word) ?? 0) + 1)
    return [...shared].map(([word, count]) => ({
      term: word,
      similarity: count / (own.size + (sizes.get(word) ?? 0) - count || 1),
    }))
  }

  private sortedWords(language: string): string[] {
    let words = this.sorted.get(language)
    if (!words) {
      // Code-unit order, as a binary search by `<` needs (the database's own order may differ).
      words = [...(this.words.get(language)?.keys() ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      this.sorted.set(language, words)
    }
    return words
  }

  private trigramIndex(language: string): TrigramIndex {
    let index = this.grams.get(language)
    if (!index) {
      index = { lists: new Map(), sizes: new Map() }
      for (const word of this.words.get(language)?.keys() ?? []) {
        const trigrams = trigramsOf(word)
        index.sizes.set(word, trigrams.size)
        for (const trigram of trigrams) {
          const list = index.lists.get(trigram)
          if (list) list.push(word)
          else index.lists.set(trigram, [word])
        }
      }
      this.grams.set(language, index)
    }
    return index
  }
}

/** What one server holds of one database's index: the collections read so far, and those being read. */
type Held = { segments: Map<string, Segment>; reading: Map<string, Promise<Segment>> }

const held = new WeakMap<Database, Held>()

function heldFor(db: Database): Held {
  let found = held.get(db)
  if (!found) {
    found = { segments: new Map(), reading: new Map() }
    held.set(db, found)
  }
  return found
}

/**
 * The collections at the versions the database has now (`versions`, from the query's own statement),
 * each read again from the database when this server holds an older one. A collection never built is
 * an empty one. Two queries needing the same collection wait for one reading.
 */
export async function segmentsAt(
  db: Database,
  versions: ReadonlyMap<string, number>,
  collections: readonly string[],
): Promise<Segment[]> {
  const state = heldFor(db)
  return Promise.all(
    collections.map(async (collection) => {
      const version = versions.get(collection) ?? 0
      const current = state.segments.get(collection)
      if (current && current.version >= version) return current
      if (version === 0) return new Segment(collection, 0, [], new Map())
      let reading = state.reading.get(collection)
      if (!reading) {
        reading = readSegment(db, collection).finally(() => state.reading.delete(collection))
        state.reading.set(collection, reading)
      }
      const segment = await reading
      const latest = state.segments.get(collection)
      if (!latest || latest.version < segment.version) state.segments.set(collection, segment)
      // Read before the version asked for was written (a rebuild committed meanwhile): read again.
      return segment.version >= version
        ? segment
        : segmentsAt(db, versions, [collection]).then(([s]) => s as Segment)
    }),
  )
}

const beingRead = new WeakSet<Database>()

/** Whether the server is reading the whole index at its start: not ready for visitors yet (`/readyz`). */
export const isIndexBeingRead = (db: Database) => beingRead.has(db)

/** Runs a server's start-up reading of the index; `/readyz` says not ready until it is over. */
export async function readingIndex<T>(db: Database, work: () => Promise<T>): Promise<T> {
  beingRead.add(db)
  try {
    return await work()
  } finally {
    beingRead.delete(db)
  }
}

/** Reads every collection the database holds: what a server does as it starts, before anyone asks. */
export async function readWholeIndex(db: Database): Promise<Segment[]> {
  const rows = rowsOf<{ collection: string; version: number }>(
    await db.execute(sql`select collection, version::float8 as version from search_collection`),
  )
  const versions = new Map(rows.map((row) => [row.collection, Number(row.version)]))
  const segments: Segment[] = []
  // One at a time: reading is the server's work too, and visitors may already be asking.
  for (const collection of versions.keys()) segments.push(...(await segmentsAt(db, versions, [collection])))
  return segments
}

/** One collection from the database, its version and postings from one snapshot. */
async function readSegment(db: Database, collection: string): Promise<Segment> {
  return db.transaction(
    async (tx) => {
      const [state] = rowsOf<{ version: number }>(
        await tx.execute(sql`select version::float8 as version from search_collection
          where collection = ${collection}`),
      )
      const documents = rowsOf<{ id: number; ref: string }>(
        await tx.execute(sql`select id::float8 as id, ref from search_document
          where collection = ${collection} order by id`),
      )
      const position = new Map(documents.map((document, at) => [Number(document.id), at]))
      const postings = rowsOf<{ language: string; term: string; documents: number[]; scores: number[] }>(
        await tx.execute(sql`select p.language, p.term,
            array_agg(p.document_id::float8 order by p.document_id) as documents,
            array_agg(p.score order by p.document_id) as scores
          from search_posting p join search_document d on d.id = p.document_id
          where d.collection = ${collection}
          group by p.language, p.term`),
      )
      const words = new Map<string, Map<string, Postings>>()
      for (const row of postings) {
        let language = words.get(row.language)
        if (!language) {
          language = new Map()
          words.set(row.language, language)
        }
        language.set(row.term, {
          documents: Int32Array.from(row.documents, (id) => position.get(Number(id)) ?? -1),
          scores: Float32Array.from(row.scores, Number),
        })
      }
      return new Segment(
        collection,
        Number(state?.version ?? 0),
        documents.map((document) => document.ref),
        words,
      )
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
}
