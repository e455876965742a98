import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { searchConfigSql } from '../../db/schema/occupations'
import { INDEX_CHANNEL } from './index-reader'

/**
 * BM25's constants: how soon more occurrences of a word stop adding (k1), and how much a long document
 * is discounted (b). An occupation with forty job titles is not less about each of them, hence a mild b.
 */
const K1 = 1.2
const B = 0.5

/**
 * Rebuilds one collection of the search index, in the caller's transaction, from `source`: a select
 * returning `(ref uuid, language text, weight real, body text)` — one row per field of a document, its
 * weight saying how much a word there counts (a title above other names above body text).
 *
 * Each word is stemmed in the document's language (PostgreSQL's own dictionaries, on PGlite and on a
 * server alike) after lower-casing and accent folding; its score for the document is BM25 over the
 * weighted word counts, with the word's rarity counted within the collection. Searching is then a sum
 * of precomputed scores, read by each server from its copy of the collection in memory.
 */
/**
 * Serialises the writes that rebuild one collection, taken first in each write's transaction: two
 * rebuilding it at once would collide in the index (on PostgreSQL one of them fails).
 */
export async function lockCollection(tx: Database, collection: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${collection}))`)
}

export async function indexCollection(db: Database, collection: string, source: SQL): Promise<void> {
  // In a transaction of its own, or a savepoint of the caller's: the collection changes all at once.
  await db.transaction((tx) => rebuild(tx, collection, source))
}

async function rebuild(db: Database, collection: string, source: SQL) {
  await db.execute(sql`delete from search_document where collection = ${collection}`)
  await db.execute(sql`drop table if exists search_source`)
  await db.execute(sql`create temporary table search_source as
    select s.ref::uuid as ref, s.language::text as language, s.weight::real as weight,
      to_tsvector(${searchConfigSql(sql`s.language`)},
        -- "vendeur/vendeuse" would be one word (a file path, to the parser): a query never meets it.
        regexp_replace(lower(unaccent(coalesce(s.body, ''))), '[/@]+', ' ', 'g')) as words
    from (${source}) s`)
  await db.execute(sql`insert into search_document (collection, ref, language)
    select distinct ${collection}, ref, language from search_source where words <> ''::tsvector`)
  await db.execute(sql`drop table if exists search_tf`)
  await db.execute(sql`create temporary table search_tf as
    select d.id as document_id, d.language, w.lexeme as term,
      sum(s.weight * coalesce(array_length(w.positions, 1), 1))::real as tf
    from search_source s
    join search_document d on d.collection = ${collection} and d.ref = s.ref and d.language = s.language
    cross join lateral unnest(s.words) w
    group by d.id, d.language, w.lexeme`)
  await db.execute(sql`insert into search_posting (language, term, document_id, score)
    with lengths as (
      select document_id, language, sum(tf) as length from search_tf group by document_id, language
    ),
    sizes as (
      select language, count(*)::real as documents, avg(length)::real as average from lengths group by language
    ),
    rarity as (
      select language, term, count(*)::real as documents from search_tf group by language, term
    )
    select tf.language, tf.term, tf.document_id,
      ln(1 + (z.documents - r.documents + 0.5) / (r.documents + 0.5))
        * tf.tf * ${sql.raw(String(K1 + 1))} / (tf.tf + ${sql.raw(String(K1))}
          * (1 - ${sql.raw(String(B))} + ${sql.raw(String(B))} * l.length / z.average))
    from search_tf tf
    join lengths l on l.document_id = tf.document_id
    join sizes z on z.language = tf.language
    join rarity r on r.language = tf.language and r.term = tf.term
    -- A word's postings side by side on disk: a search reads a few pages, not one per document.
    order by tf.language, tf.term`)
  // A new version: servers holding the collection in memory read it again (see `index-reader.ts`).
  await db.execute(sql`insert into search_collection (collection, languages)
    select ${collection}, coalesce(array_agg(distinct language order by language), '{}') from search_tf
    on conflict (collection) do update
      set version = search_collection.version + 1, languages = excluded.languages`)
  // Said as the rebuild commits, to a server that follows commits instead of asking each query.
  await db.execute(sql`select pg_notify(${INDEX_CHANNEL}, ${collection})`)
  await db.execute(sql`drop table if exists search_tf`)
  await db.execute(sql`drop table if exists search_source`)
  // Fresh statistics, or the planner guesses the word list holds a hundred words and scans all of it.
  // (PGlite has no autovacuum to gather them later.)
  await db.execute(sql`analyze search_document, search_posting`)
}
