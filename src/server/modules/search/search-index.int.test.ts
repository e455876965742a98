import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, type DatabaseHandle, openDatabase } from '../../db/client'
import { createTestDatabase } from '../../test/database'
import { indexCollection } from './index-collection'
import { misspellingsUndone, resolveQuery, searchIndex } from './query'

/** A small library: titles weigh more than the texts about them. */
const books = {
  baker: { title: 'Boulanger / Boulangère', body: 'Pétrit la pâte et cuit le pain chaque matin.' },
  pastry: {
    title: 'Pâtissier / Pâtissière',
    body: 'Prépare gâteaux et desserts, parfois aux côtés du boulanger.',
  },
  nurse: { title: 'Infirmier / Infirmière', body: 'Soigne les patients à l’hôpital ou à domicile.' },
  agent: { title: 'Agent de quai', body: 'Charge et décharge les camions sur le quai.' },
  clerk: { title: 'Agent administratif', body: 'Classe les dossiers.' },
  guard: { title: 'Agent de sécurité', body: 'Surveille les locaux.' },
  upkeep: { title: 'Technicien de maintenance', body: 'Répare les machines de production.' },
  driver: { title: 'Forklift driver', body: 'Moves loads in a warehouse.', language: 'en' },
  seller: { title: 'Vendeur/vendeuse en librairie', body: 'Conseille les clients.' },
}
type Book = keyof typeof books
const ids = Object.fromEntries(Object.keys(books).map((key) => [key, randomUUID()])) as Record<Book, string>
const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key]))

let handle: DatabaseHandle
beforeAll(async () => {
  handle = await createTestDatabase()
  await indexBooks('books', Object.keys(books) as Book[])
  await indexCollection(
    handle.db,
    'other',
    sql`select ${randomUUID()}::uuid as ref, 'fr' as language, 3 as weight, 'Boulanger de nuit' as body`,
  )
})
afterAll(() => handle.close())

function indexBooks(collection: string, which: Book[]) {
  return indexBooksIn(handle.db, collection, which)
}

async function indexBooksIn(db: Database, collection: string, which: Book[]) {
  const rows = which.flatMap((key) => {
    const book = books[key]
    const language = 'language' in book ? book.language : 'fr'
    return [
      sql`(${ids[key]}::uuid, ${language}, 3, ${book.title})`,
      sql`(${ids[key]}::uuid, ${language}, 0.25, ${book.body})`,
    ]
  })
  await indexCollection(
    db,
    collection,
    sql`select * from (values ${sql.join(rows, sql`, `)}) s (ref, language, weight, body)`,
  )
}

async function find(q: string, language = 'fr', collections = ['books']) {
  const hits = await searchIndex({ db: handle.db, q, language, collections, limit: 10 })
  return hits.map((hit) => byId.get(hit.ref) ?? 'elsewhere')
}

describe('search index', () => {
  it('stems words and folds accents and case, in the language of the text', async () => {
    expect((await find('boulangères '))[0]).toBe('baker')
    expect((await find('INFIRMIERE '))[0]).toBe('nurse')
    expect(await find('warehouse ', 'en')).toEqual(['driver'])
    // Both gender forms joined by a slash are two words, not one path-like token: found as they are.
    expect(await find('vendeuse ')).toEqual(['seller'])
    expect((await resolveQuery(handle.db, 'vendeuse ', 'fr', ['books'])).terms).toEqual([
      { i: 1, language: 'fr', term: 'vendeux', weight: 1 },
    ])
  })

  it('ranks a title above a text that only mentions the word, and rare words above common ones', async () => {
    expect(await find('boulanger ')).toEqual(['baker', 'pastry'])
    // "agent" is in three titles, "quai" in one: the one with both, then... the rarer word decides.
    const agents = await find('agent quai ')
    expect(agents[0]).toBe('agent')
    expect(agents.slice(1).sort()).toEqual(['clerk', 'guard'])
  })

  it('forgives a swapped letter, an extra letter, and a misspelt long word', async () => {
    expect((await find('agnet de qaui '))[0]).toBe('agent')
    expect((await find('boulangger '))[0]).toBe('baker')
    expect((await find('maintenence '))[0]).toBe('upkeep')
  })

  it('takes the last word, while it is being typed, for the words it begins', async () => {
    expect((await find('boul'))[0]).toBe('baker')
    expect((await find('technicien de maint'))[0]).toBe('upkeep')
  })

  it('finds nothing for stop words alone, nothing outside the collections asked, and answers other languages', async () => {
    expect(await find('de la le ')).toEqual([])
    expect(await find('   ')).toEqual([])
    expect(await find('boulanger ', 'fr', ['other'])).toEqual(['elsewhere'])
    expect(await find('boulanger ', 'fr', [])).toEqual([])
    // Nothing is indexed in Klingon: words are taken as they are, in every language.
    expect(await find('agent ', 'tlh')).toContain('agent')
  })

  it('rebuilds a collection as a whole: what it no longer holds is no longer found', async () => {
    await indexBooks('books', ['baker', 'nurse'])
    expect(await find('agent ')).toEqual([])
    expect(await find('boulanger ')).toEqual(['baker'])
    await indexBooks('books', Object.keys(books) as Book[])
    expect((await find('agent quai '))[0]).toBe('agent')
  })

  it('undoes the commonest typos: two letters swapped, one letter too many', () => {
    expect(misspellingsUndone('qaui')).toContain('quai')
    expect(misspellingsUndone('agnet')).toContain('agent')
    expect(misspellingsUndone('boulangger')).toContain('boulanger')
    expect(misspellingsUndone('abc')).toEqual([])
  })

  it('undoes typos letter by letter, never cutting a letter outside the BMP in half', async () => {
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
    expect(misspellingsUndone('𝖟𓏃𑊖𘨼').some((variant) => loneSurrogate.test(variant))).toBe(false)
    expect(misspellingsUndone('𝖟𓏃𑊖')).toEqual([])
    expect(await find('𐠌𘨼𑊖 𝖟𓏃')).toEqual([])
  })

  it('answers from memory: no statement on the embedded database once the words are known, one on a server', async () => {
    await find('boulanger agent ')
    const statements = await counting(handle.db, () => find('boulanger agent '))
    // The embedded database tells of each rebuild as it commits; a server's versions are read each time.
    expect(statements).toBe(handle.kind === 'pglite' ? 0 : 1)
    // A word never stemmed by this server costs one statement, there as here.
    expect(await counting(handle.db, () => find('domicile '))).toBe(1)
  })

  it('sees a rebuild at the next query, whoever made it: this server, or another on the same database', async () => {
    expect(await find('agent ')).toContain('agent')
    // With a PostgreSQL server, another instance rebuilds; the embedded database has only this one.
    const other = handle.url ? await openDatabase({ url: handle.url, poolMax: 1 }) : null
    try {
      await indexBooksIn(other?.db ?? handle.db, 'books', ['baker', 'nurse'])
      expect(await find('agent ')).toEqual([])
      await indexBooksIn(other?.db ?? handle.db, 'books', Object.keys(books) as Book[])
      expect(await find('agent ')).toContain('agent')
    } finally {
      await other?.close()
    }
  })
})

/** How many statements `work` sends to the database. */
async function counting(db: Database, work: () => Promise<unknown>): Promise<number> {
  const execute = db.execute
  let count = 0
  db.execute = ((...args: Parameters<typeof execute>) => {
    count += 1
    return execute.apply(db, args)
  }) as typeof execute
  try {
    await work()
  } finally {
    db.execute = execute
  }
  return count
}
