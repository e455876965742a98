import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { searchConfigSql } from '../../db/schema/occupations'
import { searchForm } from '../occupations/search-form'

/** Words of a query taken into account; more only slow the search down without changing its answer. */
export const MAX_QUERY_WORDS = 12
/** How much a word counts when it is the typed one with a typo undone, only close to it, or begins with it. */
const UNDONE_WEIGHT = 0.9
const NEAR_WEIGHT = 0.9
const BEGUN_WEIGHT = 0.8
/** A word shorter than this is not looked up by similarity: three letters hold too few trigrams. */
const MIN_NEAR_LENGTH = 4
/** How many nearest words to weigh, and how alike a word must be to count (pg_trgm's own threshold). */
const NEAR_CANDIDATES = 10
const MIN_SIMILARITY = 0.3

export type IndexHit = { ref: string; collection: string; score: number; matched: number }

/** The words of a query as the index holds them: lower case, no accents, split at anything not a letter. */
export function queryWords(q: string): string[] {
  return searchForm(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_QUERY_WORDS)
}

/**
 * The documents of `collections` that best match `q` in `language`, best first. Each word of the query
 * is stemmed in the language; a stem the index does not know is replaced by the nearest ones it knows
 * (trigram similarity: typos), and the last word, while still being typed, also stands for the words
 * that begin with it. A document scores the sum, over the query's words, of its best BM25 score for one
 * of that word's forms — so a document matching more of the words ranks first, rare words weigh more
 * than common ones, and a title more than a description.
 */
export async function searchIndex(options: {
  db: Database
  q: string
  language: string
  collections: readonly string[]
  limit: number
  offset?: number
  /** The query's words as `resolveQuery` found them, when the caller needs them too. */
  terms?: QueryTerm[]
}): Promise<IndexHit[]> {
  if (options.collections.length === 0) return []
  const terms = options.terms ?? (await resolveQuery(options.db, options.q, options.language))
  if (terms.length === 0) return []
  const forms = sql.join(
    terms.map((t) => sql`(${t.i}::int, ${t.language}::text, ${t.term}::text, ${t.weight}::real)`),
    sql`, `,
  )
  const collections = sql.join(
    options.collections.map((collection) => sql`${collection}`),
    sql`, `,
  )
  const result = await options.db.execute(sql`
    select d.ref, min(d.collection) as collection, sum(s.score)::real as score, count(*)::int as matched
    from (
      select p.document_id, t.i, max(p.score * t.weight) as score
      from (values ${forms}) t (i, language, term, weight)
      join search_posting p on p.language = t.language and p.term = t.term
      group by p.document_id, t.i
    ) s
    join search_document d on d.id = s.document_id
    where d.collection in (${collections})
    -- A ref is in one collection: grouping by it alone spares a sort on text.
    group by d.ref
    order by score desc, d.ref
    limit ${options.limit} offset ${options.offset ?? 0}
  `)
  return rowsOf<IndexHit>(result).map((row) => ({ ...row, score: Number(row.score) }))
}

/** The word with two neighbouring letters swapped, or one letter left out: the commonest typos undone. */
export function misspellingsUndone(word: string): string[] {
  // Letters, not UTF-16 units: cutting a letter outside the BMP (𝖟, CJK extensions) in half would leave
  // a lone surrogate, which PostgreSQL refuses in the JSON the variants are sent in.
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

/** An indexed word a query word stands for (`i`: the query word's rank), and how much it counts. */
export type QueryTerm = { i: number; language: string; term: string; weight: number }
type Stem = { i: number; term: string; language: string | null; known: boolean }

/**
 * The indexed words each query word stands for. A word is stemmed in the language (a stop word has no
 * stem and is left out); a stem the index knows stands for itself. One it does not know is a typo:
 * the word with two letters swapped back or an extra letter removed, if the index knows that, else
 * the indexed words nearest to it by trigram similarity. The last word, while being typed, also
 * stands for the words that begin with it. In a language nothing is indexed in (Klingon, or one no
 * source has yet), words are taken as they are and looked up in every language, where typo
 * tolerance meets them half-way.
 *
 * Two statements at most: the words' own stems, then — only for the words the index does not know and
 * the word being typed — their misspellings undone, their nearest words and the words they begin.
 */
export async function resolveQuery(db: Database, q: string, language: string): Promise<QueryTerm[]> {
  const words = queryWords(q)
  if (words.length === 0) return []
  const typing = !/[\s\p{P}]$/u.test(q)
  const asked = words.map((word, index) => ({ i: index + 1, word }))
  const found = await db.execute(sql`
    with known as (select exists (select 1 from search_term where language = ${language}) as known)
    select v.i, t.term, st.language, known.known
    from known
    cross join jsonb_to_recordset(${JSON.stringify(asked)}::jsonb) v (i int, word text)
    cross join lateral unnest(tsvector_to_array(to_tsvector(
      ${searchConfigSql(sql`(case when known.known then ${language} else 'simple' end)`)}, v.word))) t (term)
    left join lateral (
      select st.language from search_term st where known.known and st.language = ${language} and st.term = t.term
      union all
      select st.language from search_term st where not known.known and st.term = t.term
    ) st on true
  `)
  const stems = rowsOf<Stem>(found)
  // Words of a language nothing is indexed in are looked for in every language, taken as they are.
  const known = stems.some((stem) => stem.known)
  const where = known ? sql`language = ${language}` : sql`true`
  const stWhere = known ? sql`st.language = ${language}` : sql`true`
  const config = searchConfigSql(sql`${known ? language : 'simple'}::text`)
  const forms: QueryTerm[] = []
  const lookups: SQL[] = []
  for (let i = 1; i <= words.length; i++) {
    const own = stems.filter((stem) => stem.i === i)
    // A stop word: nothing to look for, and its variants would only find noise.
    if (own.length === 0) continue
    for (const stem of own)
      if (stem.language) forms.push({ i, language: stem.language, term: stem.term, weight: 1 })
    const unknown = own.filter((stem) => !stem.language)
    const begun = typing && i === words.length ? own.filter((stem) => stem.term.length >= 2) : []
    if (unknown.length === 0 && begun.length === 0) continue
    const weight = (value: number) => sql.raw(`${value}::real`)
    // The word with a misspelling undone, when the index knows that.
    const undone =
      unknown.length > 0
        ? sql`select distinct st.language, st.term, ${weight(UNDONE_WEIGHT)} as weight, st.documents
          from jsonb_array_elements_text(${JSON.stringify(misspellingsUndone(words[i - 1] ?? ''))}::jsonb) v (word)
          cross join lateral unnest(tsvector_to_array(to_tsvector(${config}, v.word))) t (term)
          join search_term st on st.term = t.term and ${stWhere}
          order by st.documents desc limit 3`
        : sql`select null::text, null::text, null::real, null::int where false`
    // The words the one being typed begins.
    const started =
      begun.length > 0
        ? sql.join(
            begun.map(
              (stem) => sql`(select language, term, ${weight(BEGUN_WEIGHT)}, documents from search_term
                where ${where} and term ~>=~ ${stem.term} and term ~<~ ${`${stem.term}\u{10FFFF}`}
                  and term <> ${stem.term}
                order by documents desc limit 8)`,
            ),
            sql` union all `,
          )
        : sql`select null::text, null::text, null::real, null::int where false`
    // Failing both, the nearest words by trigram distance, read from the index in distance order: the
    // costliest lookup, so the last resort, and not for words too short to hold a typo worth undoing.
    const near = unknown
      .filter((stem) => stem.term.length >= MIN_NEAR_LENGTH)
      .map(
        (
          stem,
        ) => sql`(select language, term, (similarity(term, ${stem.term}) * ${weight(NEAR_WEIGHT)})::real, documents
          from (select language, term, documents from search_term where ${where}
            order by lower(term) <-> ${stem.term} limit ${sql.raw(String(NEAR_CANDIDATES))}) nearest
          where similarity(term, ${stem.term}) >= ${sql.raw(String(MIN_SIMILARITY))}
          order by 3 desc, documents desc limit 3)`,
      )
    lookups.push(sql`(with undone (language, term, weight, documents) as (${undone}),
        begun (language, term, weight, documents) as (${started})
      select ${i}::int as i, language, term, weight from undone
      union all select ${i}::int, language, term, weight from begun
      ${
        near.length > 0
          ? sql`union all select ${i}::int, n.language, n.term, n.weight
              from (${sql.join(near, sql` union all `)}) n (language, term, weight, documents)
              where not exists (select 1 from undone) and not exists (select 1 from begun)`
          : sql``
      })`)
  }
  if (lookups.length > 0)
    forms.push(...rowsOf<QueryTerm>(await db.execute(sql.join(lookups, sql` union all `))))
  return forms
}
