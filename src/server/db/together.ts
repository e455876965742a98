import { PgTransaction } from 'drizzle-orm/pg-core'
import type { Database } from './client'

/**
 * Runs several reads at once where the database can — a pool of connections — and one after the
 * other inside a transaction, which holds a single connection: there the driver would only queue
 * them (a deprecated use that its next major version refuses), and PGlite runs one at a time anyway.
 * Each read is a function, so that nothing starts before its turn.
 */
export async function together<T extends unknown[]>(
  db: Database,
  ...reads: { [K in keyof T]: () => PromiseLike<T[K]> }
): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as T
  const results: unknown[] = []
  for (const read of reads) results.push(await read())
  return results as T
}
