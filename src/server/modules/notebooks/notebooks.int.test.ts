import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notebookSchema } from '../../../shared/schemas/notebooks'
import { notebook } from '../../db/schema/notebooks'
import { occupation } from '../../db/schema/occupations'
import { createTestContext, type TestContext } from '../../test/app'
import { catalogueFactories } from '../resources/testing'
import { sweepNotebooks } from './notebook-service'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
  t.clock.now = new Date('2026-12-06T10:00:00Z')
})
afterAll(() => t.close())

const send = async (path: string, init: Parameters<TestContext['request']>[1] = {}) => {
  const response = await t.request(path, init)
  return { status: response.status, body: response.status === 204 ? null : await response.json() }
}

async function openOne(slug: string) {
  const created = await send(`/api/v1/centres/${slug}/notebooks`, { method: 'POST' })
  expect(created.status).toBe(201)
  return created.body as { code: string; notebook: unknown }
}

describe('the anonymous notebook', () => {
  it('opens in one tap, keeps occupations, resources, notes and a plan, and is found again by its code alone', async () => {
    const centre = await t.buildCentre()
    const manager = await f.signInManager(centre.id)
    const guide = await f.postResource(centre.slug, manager, { title: 'Guide du cariste', shelf: 'B2' })
    await t.db.insert(occupation).values({
      taxonomy: 'rome',
      code: `N${Math.floor(Math.random() * 9000 + 1000)}`,
      title: { fr: 'Conducteur / Conductrice de chariot élévateur', en: 'Forklift driver' },
      release: 'test',
    })
    const [forklift] = await t.db.select().from(occupation).where(eq(occupation.release, 'test')).limit(1)
    const { code, notebook: fresh } = await openOne(centre.slug)
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    expect(notebookSchema.parse(fresh)).toMatchObject({ centre: centre.slug, notes: '', items: [] })

    // Typed loosely on another device: lower case, spaces instead of dashes.
    const typed = code.toLowerCase().replace(/-/g, ' ')
    const path = `/api/v1/notebooks/${encodeURIComponent(typed)}`
    expect(
      (
        await send(`${path}/items`, {
          method: 'POST',
          body: { kind: 'occupation', ref: `rome:${forklift?.code}` },
          lang: 'en',
        })
      ).status,
    ).toBe(201)
    expect(
      (
        await send(`${path}/items`, {
          method: 'POST',
          body: { kind: 'resource', ref: guide.id, note: 'étagère B2' },
        })
      ).status,
    ).toBe(201)
    const unknown = await send(`${path}/items`, {
      method: 'POST',
      body: { kind: 'resource', ref: '00000000-0000-4000-8000-000000000000' },
      lang: 'en',
    })
    expect(unknown.status).toBe(422)
    expect(unknown.body.error.fields.ref).toMatch(/does not exist/)
    await send(`${path}/notes`, {
      method: 'PUT',
      body: { notes: '<script>alert(1)</script> appeler le CFA' },
    })
    await send(`${path}/plan`, {
      method: 'PUT',
      body: {
        steps: [
          { text: 'Passer le CACES', due: '2027-01-15' },
          { text: 'Refaire mon CV', status: 'done' },
        ],
      },
    })

    const again = await send(`/api/v1/notebooks/${code}`)
    expect(again.status).toBe(200)
    const book = notebookSchema.parse(again.body)
    expect(book.items.map((item) => [item.kind, item.title, item.addedBy])).toEqual([
      ['occupation', 'Forklift driver', 'visitor'],
      ['resource', 'Guide du cariste', 'visitor'],
    ])
    expect(book.items[1]?.note).toBe('étagère B2')
    // Kept as typed: the page shows it as text, never as markup.
    expect(book.notes).toBe('<script>alert(1)</script> appeler le CFA')
    expect(book.plan.map((step) => [step.text, step.status, step.due])).toEqual([
      ['Passer le CACES', 'todo', '2027-01-15'],
      ['Refaire mon CV', 'done', null],
    ])
    expect(book.erasedAfter.slice(0, 10)).toBe('2027-12-06')

    // Taken out again.
    const removed = await send(`${path}/items/${book.items[0]?.id}`, { method: 'DELETE' })
    expect(removed.body.items).toHaveLength(1)
  })

  it('keeps nothing readable without the code: the database holds a digest and sealed bytes', async () => {
    const centre = await t.buildCentre()
    const { code } = await openOne(centre.slug)
    await send(`/api/v1/notebooks/${code}/notes`, {
      method: 'PUT',
      body: { notes: 'reconversion boulangerie' },
    })
    const rows = await t.db.execute(sql`select * from notebook where centre_id = ${centre.id}`)
    const stored = JSON.stringify((rows as unknown as { rows: unknown[] }).rows, (_, value) =>
      value?.type === 'Buffer' ? Buffer.from(value.data).toString('latin1') : value,
    )
    expect(stored).not.toContain('boulangerie')
    expect(stored).not.toContain(code.replace(/-/g, ''))
    expect(stored).not.toContain(code)
  })

  it('refuses a note of 20,000 characters in words, and an unknown code like an erased one', async () => {
    const centre = await t.buildCentre()
    const { code } = await openOne(centre.slug)
    const long = await send(`/api/v1/notebooks/${code}/notes`, {
      method: 'PUT',
      body: { notes: 'a'.repeat(20_000) },
      lang: 'en',
    })
    expect(long.status).toBe(422)
    expect(long.body.error.fields.notes).toMatch(/10[,\u202f ]?000/)
    const wrong = await send('/api/v1/notebooks/AAAA-BBBB-CCCC-DDDD', { lang: 'en' })
    expect(wrong.status).toBe(404)
    expect((await send(`/api/v1/notebooks/${code}`, { method: 'DELETE' })).status).toBe(204)
    const erased = await send(`/api/v1/notebooks/${code}`, { lang: 'en' })
    expect(erased).toEqual(wrong)
    expect((await send('/api/v1/notebooks/not-a-code', { lang: 'en' })).body).toEqual(wrong.body)
  })

  it('lets a counsellor add a summary and a resource with the visitor’s code, at the notebook’s centre only', async () => {
    const centre = await t.buildCentre()
    const other = await t.buildCentre()
    const manager = await f.signInManager(centre.id)
    const guide = await f.postResource(centre.slug, manager, { title: 'Financer sa formation', shelf: 'F1' })
    const counsellor = await t.buildStaff('counsellor', centre.id)
    const cookie = await t.signIn(counsellor.email, counsellor.password)
    const elsewhere = await t.buildStaff('counsellor', other.id)
    const otherCookie = await t.signIn(elsewhere.email, elsewhere.password)
    const reception = await t.buildStaff('reception', centre.id)
    const receptionCookie = await t.signIn(reception.email, reception.password)
    const { code } = await openOne(centre.slug)
    const body = { text: 'Piste : CPF pour le CACES.', items: [{ kind: 'resource', ref: guide.id }] }
    const added = await send(`/api/v1/centres/${centre.slug}/notebooks/${code}/summaries`, {
      method: 'POST',
      cookie,
      body,
    })
    expect(added.status).toBe(201)
    // The desk is told what it added, and nothing of what the visitor keeps.
    expect(added.body).toEqual({ summaries: 1, items: 1, erasedAfter: expect.any(String) })
    const seen = (await send(`/api/v1/notebooks/${code}`)).body
    expect(seen.summaries.map((s: { text: string }) => s.text)).toEqual(['Piste : CPF pour le CACES.'])
    expect(seen.items).toEqual([
      expect.objectContaining({ title: 'Financer sa formation', addedBy: 'counsellor' }),
    ])
    const path = (slug: string) => `/api/v1/centres/${slug}/notebooks/${code}/summaries`
    expect((await send(path(other.slug), { method: 'POST', cookie: otherCookie, body })).status).toBe(404)
    expect((await send(path(centre.slug), { method: 'POST', cookie: receptionCookie, body })).status).toBe(
      403,
    )
    expect((await send(path(centre.slug), { method: 'POST', body })).status).toBe(401)
  })

  it('keeps every change made at once, under the notebook’s lock', async () => {
    const centre = await t.buildCentre()
    const manager = await f.signInManager(centre.id)
    const resources = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        f.postResource(centre.slug, manager, { title: `Fiche ${i}`, shelf: 'A' }),
      ),
    )
    const { code } = await openOne(centre.slug)
    const answers = await Promise.all(
      resources.map((resource) =>
        send(`/api/v1/notebooks/${code}/items`, {
          method: 'POST',
          body: { kind: 'resource', ref: resource.id },
        }),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual(resources.map(() => 201))
    expect((await send(`/api/v1/notebooks/${code}`)).body.items).toHaveLength(6)
  })

  it('is erased after the centre’s idle period without use, and the sweep erases those nobody opens', async () => {
    const centre = await t.buildCentre()
    const { code } = await openOne(centre.slug)
    const { code: forgotten } = await openOne(centre.slug)
    t.clock.now = new Date('2027-12-05T10:00:00Z')
    expect((await send(`/api/v1/notebooks/${code}`)).status).toBe(200)
    t.clock.now = new Date('2027-12-07T10:00:00Z')
    expect(await sweepNotebooks({ db: t.db, now: t.clock.now })).toBeGreaterThanOrEqual(1)
    expect((await send(`/api/v1/notebooks/${forgotten}`)).status).toBe(404)
    // Opened a year ago to the day, so still there until the next year.
    expect((await send(`/api/v1/notebooks/${code}`)).status).toBe(200)
    t.clock.now = new Date('2026-12-06T10:00:00Z')
    expect(await t.db.$count(notebook, eq(notebook.centreId, centre.id))).toBe(1)
  })
})

describe('guessing codes', () => {
  it('cuts a client off after too many unknown codes, even for a right one', async () => {
    const limited = await createTestContext({
      codeLimit: { wrongCodes: 3, windowMs: 60_000, notebooksCreated: 2 },
    })
    try {
      const centre = await limited.buildCentre()
      const created = await limited.request(`/api/v1/centres/${centre.slug}/notebooks`, { method: 'POST' })
      const { code } = (await created.json()) as { code: string }
      await limited.request(`/api/v1/centres/${centre.slug}/notebooks`, { method: 'POST' })
      expect(
        (await limited.request(`/api/v1/centres/${centre.slug}/notebooks`, { method: 'POST' })).status,
      ).toBe(429)
      for (let i = 0; i < 3; i++)
        expect((await limited.request(`/api/v1/notebooks/ZZZZ-ZZZZ-ZZZZ-ZZZ${i}`)).status).toBe(404)
      const refused = await limited.request(`/api/v1/notebooks/${code}`, { lang: 'en' })
      expect(refused.status).toBe(429)
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /Too many unknown codes/,
      )
    } finally {
      await limited.close()
    }
  })
})
