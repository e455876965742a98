import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { questionViewSchema } from '../../../shared/schemas/questions'
import { createTestContext, type TestContext } from '../../test/app'
import { catalogueFactories } from '../resources/testing'
import { sweepQuestions } from './question-service'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
  // A Thursday: two working days later is the Monday after.
  t.clock.now = new Date('2026-12-03T10:00:00Z')
})
afterAll(() => t.close())

const send = async (path: string, init: Parameters<TestContext['request']>[1] = {}) => {
  const response = await t.request(path, init)
  return { status: response.status, body: await response.json() }
}

async function centreWithCounsellor() {
  const centre = await t.buildCentre()
  const jobs = await t.buildArea(centre.id, { slug: 'emploi', ticketLetter: 'E' })
  const counsellor = await t.buildStaff('counsellor', centre.id)
  const cookie = await t.signIn(counsellor.email, counsellor.password)
  const manager = await f.signInManager(centre.id)
  return { centre, jobs, cookie, manager }
}

describe('asking a counsellor online', () => {
  it('takes a question without any contact, answers it from the queue within two working days, and takes one reply', async () => {
    const s = await centreWithCounsellor()
    const guide = await f.postResource(s.centre.slug, s.manager, { title: 'Écrire son CV', shelf: 'C1' })
    const asked = await send(`/api/v1/centres/${s.centre.slug}/questions`, {
      method: 'POST',
      body: { area: 'emploi', language: 'fr', text: 'Comment présenter une année sans emploi sur mon CV ?' },
    })
    expect(asked.status).toBe(201)
    const { code } = asked.body
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    const fresh = questionViewSchema.parse(asked.body.question)
    expect(fresh).toMatchObject({ status: 'waiting', canReply: false, area: { slug: 'emploi' } })
    expect(fresh.answerBy.slice(0, 10)).toBe('2026-12-07')

    // The counsellors' queue, then the answer with a resource.
    const queue = await send(`/api/v1/centres/${s.centre.slug}/questions?area=emploi`, { cookie: s.cookie })
    expect(queue.body.items).toEqual([
      expect.objectContaining({
        status: 'waiting',
        overdue: false,
        preview: expect.stringContaining('année sans emploi'),
      }),
    ])
    const id = queue.body.items[0].id
    const answered = await send(`/api/v1/centres/${s.centre.slug}/questions/${id}/answers`, {
      method: 'POST',
      cookie: s.cookie,
      body: {
        text: 'Parlez de ce que vous avez fait pendant cette année.',
        attachments: [{ kind: 'resource', ref: guide.id }],
      },
    })
    expect(answered.status).toBe(201)
    // A colleague answering at the same time is told it is done.
    const twice = await send(`/api/v1/centres/${s.centre.slug}/questions/${id}/answers`, {
      method: 'POST',
      cookie: s.manager,
      body: { text: 'Moi aussi', attachments: [] },
      lang: 'en',
    })
    expect(twice.status).toBe(409)

    // The visitor reads it with the code, typed loosely: no name, no partner, the resource's title.
    const read = questionViewSchema.parse((await send(`/api/v1/questions/${code.toLowerCase()}`)).body)
    expect(read.status).toBe('answered')
    expect(read.canReply).toBe(true)
    expect(read.messages.map((m) => [m.author, m.body])).toEqual([
      ['visitor', 'Comment présenter une année sans emploi sur mon CV ?'],
      ['counsellor', 'Parlez de ce que vous avez fait pendant cette année.'],
    ])
    expect(read.messages[1]?.attachments).toEqual([
      { kind: 'resource', ref: guide.id, title: 'Écrire son CV' },
    ])
    expect(JSON.stringify(read)).not.toMatch(/Staff|counsellor-|@/)

    // One reply, answered, and that is the end of the thread.
    expect(
      (
        await send(`/api/v1/questions/${code}/replies`, {
          method: 'POST',
          body: { text: 'Merci, et pour la lettre ?' },
        })
      ).status,
    ).toBe(201)
    await send(`/api/v1/centres/${s.centre.slug}/questions/${id}/answers`, {
      method: 'POST',
      cookie: s.cookie,
      body: { text: 'La même idée, en une phrase.' },
    })
    const closed = await send(`/api/v1/questions/${code}`)
    expect(closed.body).toMatchObject({ status: 'closed', canReply: false })
    const more = await send(`/api/v1/questions/${code}/replies`, {
      method: 'POST',
      body: { text: 'Encore ?' },
      lang: 'en',
    })
    expect(more.status).toBe(409)
    expect(more.body.error.message).toMatch(/reply once/)
  })

  it('refuses a 20,000-character question in words, keeps HTML as text, and lets staff hide an abusive message', async () => {
    const s = await centreWithCounsellor()
    const long = await send(`/api/v1/centres/${s.centre.slug}/questions`, {
      method: 'POST',
      body: { language: 'fr', text: 'x'.repeat(20_000) },
      lang: 'en',
    })
    expect(long.status).toBe(422)
    expect(long.body.error.fields.text).toMatch(/4[,\u202f ]?000/)
    const asked = await send(`/api/v1/centres/${s.centre.slug}/questions`, {
      method: 'POST',
      body: { language: 'fr', text: '<img src=x onerror=alert(1)> insultes' },
    })
    const view = await send(`/api/v1/questions/${asked.body.code}`)
    expect(view.body.messages[0].body).toBe('<img src=x onerror=alert(1)> insultes')
    const queue = await send(`/api/v1/centres/${s.centre.slug}/questions`, { cookie: s.cookie })
    const id = queue.body.items.find((item: { preview: string }) => item.preview.includes('insultes')).id
    const messageId = view.body.messages[0].id
    const hidden = await send(`/api/v1/centres/${s.centre.slug}/questions/${id}/messages/${messageId}/hide`, {
      method: 'POST',
      cookie: s.cookie,
    })
    expect(hidden.status).toBe(200)
    const after = await send(`/api/v1/questions/${asked.body.code}`)
    expect(after.body.messages[0]).toMatchObject({ body: null, hidden: true })
    const stored = await t.db.execute(sql`select body from question_message where id = ${messageId}`)
    expect((stored as unknown as { rows: { body: string }[] }).rows[0]?.body).toBe('')
  })

  it('keeps questions to the centre’s staff who answer, and erases them after the retention period', async () => {
    const s = await centreWithCounsellor()
    const other = await centreWithCounsellor()
    const reception = await t.buildStaff('reception', s.centre.id)
    const receptionCookie = await t.signIn(reception.email, reception.password)
    const asked = await send(`/api/v1/centres/${s.centre.slug}/questions`, {
      method: 'POST',
      body: { language: 'en', text: 'Can I work abroad after an apprenticeship?' },
    })
    const queue = (await send(`/api/v1/centres/${s.centre.slug}/questions`, { cookie: s.cookie })).body
    const id = queue.items.find((item: { preview: string }) => item.preview.includes('abroad')).id
    expect(
      (await send(`/api/v1/centres/${s.centre.slug}/questions`, { cookie: receptionCookie })).status,
    ).toBe(403)
    expect(
      (await send(`/api/v1/centres/${s.centre.slug}/questions/${id}`, { cookie: other.cookie })).status,
    ).toBe(403)
    expect(
      (await send(`/api/v1/centres/${other.centre.slug}/questions/${id}`, { cookie: other.cookie })).status,
    ).toBe(404)
    expect((await send(`/api/v1/centres/${s.centre.slug}/questions`)).status).toBe(401)
    const unknownCode = await send('/api/v1/questions/AAAA-BBBB-CCCC-DDDD')
    expect(unknownCode.status).toBe(404)
    expect(
      (
        await send(`/api/v1/centres/${s.centre.slug}/questions`, {
          method: 'POST',
          body: { area: 'nowhere', language: 'fr', text: 'Bonjour' },
        })
      ).status,
    ).toBe(422)

    t.clock.now = new Date('2027-03-10T10:00:00Z')
    expect(await sweepQuestions({ db: t.db, now: t.clock.now })).toBeGreaterThanOrEqual(1)
    expect(await send(`/api/v1/questions/${asked.body.code}`)).toEqual(unknownCode)
    t.clock.now = new Date('2026-12-03T10:00:00Z')
  })
})
