import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../test/database'
import type { DatabaseHandle } from './client'
import { rowsOf } from './rows'
import { together } from './together'

let handle: DatabaseHandle
beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(() => handle.close())

const started: string[] = []
const read = (db: DatabaseHandle['db'], name: string) => async () => {
  started.push(`${name} start`)
  const [row] = rowsOf<{ name: string }>(await db.execute(sql`select ${name}::text as name`))
  started.push(`${name} end`)
  return row?.name
}

describe('together', () => {
  it('starts every read at once outside a transaction, and answers in order', async () => {
    started.length = 0
    expect(await together(handle.db, read(handle.db, 'a'), read(handle.db, 'b'))).toEqual(['a', 'b'])
    expect(started.slice(0, 2)).toEqual(['a start', 'b start'])
  })

  it('runs them one after the other inside a transaction', async () => {
    started.length = 0
    const names = await handle.db.transaction((tx) => together(tx, read(tx, 'a'), read(tx, 'b')))
    expect(names).toEqual(['a', 'b'])
    expect(started).toEqual(['a start', 'a end', 'b start', 'b end'])
  })
})
