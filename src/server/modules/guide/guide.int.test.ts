import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { guideSettingsSchema, guideUnderstandingSchema } from '../../../shared/schemas/guide'
import { rowsOf } from '../../db/rows'
import { createTestContext, type TestContext } from '../../test/app'
import { importRome } from '../occupations/import/rome'
import { catalogueFactories } from '../resources/testing'

const fixtures = fileURLToPath(new URL('../../../../tests/fixtures/', import.meta.url))

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
  await importRome({ db: t.db, folder: join(fixtures, 'rome/RefRomeCsv_v461') })
  t.clock.now = new Date('2026-12-03T10:00:00Z')
})
afterAll(() => t.close())

const send = async (path: string, init: Parameters<TestContext['request']>[1] = {}) => {
  const response = await t.request(path, init)
  return { status: response.status, body: response.status === 204 ? null : await response.json() }
}

async function centreWithAreas() {
  const centre = await t.buildCentre()
  const jobs = await t.buildArea(centre.id, { slug: 'emploi', ticketLetter: 'E' })
  const change = await t.buildArea(centre.id, { slug: 'changer', ticketLetter: 'C' })
  const paths = await t.buildArea(centre.id, { slug: 'orientation', ticketLetter: 'O' })
  const manager = await f.signInManager(centre.id)
  const phrase = (areaId: string, language: string, text: string) =>
    send(`/api/v1/centres/${centre.slug}/guide/phrases`, {
      method: 'POST',
      cookie: manager,
      body: { areaId, language, phrase: text },
    })
  const understand = (text: string, lang = 'fr') =>
    send(`/api/v1/centres/${centre.slug}/guide/understand`, { method: 'POST', lang, body: { text } })
  return { centre, jobs, change, paths, manager, phrase, understand }
}

describe('where do I start?', () => {
  it('leads a situation to the areas the managers chose, in their order, and counts only the choice', async () => {
    const s = await centreWithAreas()
    const path = `/api/v1/centres/${s.centre.slug}/guide/situations/work`
    expect((await send(path)).body).toEqual({ situation: 'work', areas: [] })
    const set = await send(path, {
      method: 'PUT',
      cookie: s.manager,
      body: { areaIds: [s.jobs.id, s.change.id] },
    })
    expect(set.status).toBe(200)
    expect((await send(path)).body).toEqual({ situation: 'work', areas: ['emploi', 'changer'] })
    await send(path, { method: 'PUT', cookie: s.manager, body: { areaIds: [s.change.id] } })
    expect((await send(path)).body.areas).toEqual(['changer'])

    const settings = guideSettingsSchema.parse(
      (await send(`/api/v1/centres/${s.centre.slug}/guide/settings`, { cookie: s.manager })).body,
    )
    expect(settings.situations.find((one) => one.situation === 'work')?.areaIds).toEqual([s.change.id])
    expect(settings.situations.map((one) => one.situation)).toEqual([
      'work',
      'trade',
      'change',
      'business',
      'newcomer',
      'unsure',
    ])

    // Three choices of "work" on the day: the self-service figures count them (k = 2 here).
    const threshold = await send(`/api/v1/centres/${s.centre.slug}/statistics-settings`, {
      method: 'PUT',
      cookie: s.manager,
      body: { threshold: 2, retentionDays: 400 },
    })
    expect(threshold.status).toBe(200)
    const stats = await send(
      `/api/v1/centres/${s.centre.slug}/statistics/self-service?from=2026-12-01&to=2026-12-05`,
      { cookie: s.manager },
    )
    expect(stats.status).toBe(200)
    expect(
      stats.body.guide.situations.find((one: { situation: string }) => one.situation === 'work').count,
    ).toBe(3)
  })

  it('refuses unknown situations and areas of another centre, and keeps the settings to managers', async () => {
    const s = await centreWithAreas()
    const other = await centreWithAreas()
    expect((await send(`/api/v1/centres/${s.centre.slug}/guide/situations/lost`)).status).toBe(422)
    const foreign = await send(`/api/v1/centres/${s.centre.slug}/guide/situations/work`, {
      method: 'PUT',
      cookie: s.manager,
      body: { areaIds: [other.jobs.id] },
    })
    expect(foreign.status).toBe(422)
    expect(foreign.body.error.message).toBeTruthy()
    expect((await send(`/api/v1/centres/${s.centre.slug}/guide/settings`)).status).toBe(401)
    expect(
      (await send(`/api/v1/centres/${s.centre.slug}/guide/settings`, { cookie: other.manager })).status,
    ).toBe(403)
    const counsellor = await t.buildStaff('counsellor', s.centre.id)
    const cookie = await t.signIn(counsellor.email, counsellor.password)
    expect((await send(`/api/v1/centres/${s.centre.slug}/guide/settings`, { cookie })).status).toBe(403)
  })

  it('understands a sentence by the phrases it holds, in any language, and searches its meaningful words', async () => {
    const s = await centreWithAreas()
    expect((await s.phrase(s.change.id, 'fr', 'mal au dos')).status).toBe(201)
    expect((await s.phrase(s.change.id, 'fr', 'reconversion')).status).toBe(201)
    expect((await s.phrase(s.paths.id, 'en', 'work with children')).status).toBe(201)
    expect((await s.phrase(s.jobs.id, 'fr', 'cherche du travail')).status).toBe(201)
    await f.shelve(s.centre.id, {
      ...f.resourceInput({
        title: 'Working with children: the childcare jobs',
        summary: 'Nurseries, schools.',
      }),
      languages: ['en'],
    })

    const back = await s.understand('J’ai 45 ans, je suis cariste et j’ai mal au dos')
    expect(back.status).toBe(200)
    const sentence = guideUnderstandingSchema.parse(back.body)
    expect(sentence.areas[0]).toEqual({ area: 'changer', via: 'phrase', phrases: ['mal au dos'] })
    // Common words and the age are not searched for; the occupation is found.
    expect(sentence.words).toContain('cariste')
    expect(sentence.words).not.toContain('je')
    expect(sentence.words).not.toContain('45')
    expect(sentence.results[0]).toMatchObject({ type: 'occupation', taxonomy: 'rome', code: 'N1101' })

    // English typed on a French interface: the phrase is found, the search is made in English.
    const children = guideUnderstandingSchema.parse(
      (await s.understand('I want to work with children!')).body,
    )
    expect(children.areas.map((one) => one.area)).toEqual(['orientation'])
    expect(children.words).toEqual(['want', 'work', 'children'])
    expect(children.results.map((hit) => hit.title)).toContain('Working with children: the childcare jobs')

    // Every word of a phrase must be there, in any order; accents and capitals do not matter.
    const scattered = guideUnderstandingSchema.parse((await s.understand('Mon DOS me fait mal')).body)
    expect(scattered.areas.map((one) => one.area)).toEqual(['changer'])
    const half = guideUnderstandingSchema.parse((await s.understand('J’ai mal aux dents')).body)
    expect(half.areas).toEqual([])

    // Two phrases of one area weigh more than one of another.
    const both = guideUnderstandingSchema.parse(
      (await s.understand('Je cherche du travail mais je pense à une reconversion, j’ai mal au dos')).body,
    )
    expect(both.areas.map((one) => one.area)).toEqual(['changer', 'emploi'])
    expect(both.areas[0]?.phrases).toEqual(['mal au dos', 'reconversion'])
  })

  it('falls back on the areas of the resources found, and keeps no word typed', async () => {
    const s = await centreWithAreas()
    for (const title of ['Préparer son entretien d’embauche', 'Les questions de l’entretien d’embauche'])
      await f.shelve(s.centre.id, { ...f.resourceInput({ title }), areaIds: [s.jobs.id] })
    const sentence = guideUnderstandingSchema.parse(
      (await s.understand('J’ai un entretien d’embauche lundi chez Dupontel')).body,
    )
    expect(sentence.areas).toEqual([{ area: 'emploi', via: 'search', phrases: [] }])
    expect(sentence.results.filter((hit) => hit.type === 'resource')).toHaveLength(2)
    const nothing = guideUnderstandingSchema.parse((await s.understand('zzz qqq')).body)
    expect(nothing).toMatchObject({ areas: [], results: [] })

    // Only whether a sentence led somewhere is counted: no table holds the words typed.
    const kept = rowsOf<{ kind: string; key: string; count: number }>(
      await t.db.execute(sql`select kind, key, count from usage_count
        where centre_id = ${s.centre.id} and kind like 'guide%' order by key`),
    )
    expect(kept).toEqual([
      { kind: 'guide_text', key: 'not_understood', count: 1 },
      { kind: 'guide_text', key: 'understood', count: 1 },
    ])
    const anywhere = rowsOf<{ found: boolean }>(
      await t.db.execute(sql`select exists (select 1 from usage_count where key ilike '%dupontel%')
        or exists (select 1 from audit_log where data::text ilike '%dupontel%') as found`),
    )
    expect(anywhere[0]?.found).toBe(false)
  })

  it('refuses bad phrases and sentences with a message', async () => {
    const s = await centreWithAreas()
    const common = await s.phrase(s.jobs.id, 'fr', 'je suis')
    expect(common.status).toBe(422)
    expect(common.body.error.message).toContain('mots courants')
    expect((await s.phrase(s.jobs.id, 'fr', 'Chômage')).status).toBe(201)
    const twice = await s.phrase(s.change.id, 'fr', 'chomage')
    expect(twice.status).toBe(409)
    expect(twice.body.error.message).toBeTruthy()
    // The same words in another language are another phrase.
    expect((await s.phrase(s.change.id, 'en', 'chomage')).status).toBe(201)
    expect((await s.phrase(s.jobs.id, 'fr', 'x'.repeat(121))).status).toBe(422)
    expect((await s.phrase(s.jobs.id, 'xx', 'travail')).status).toBe(422)

    const long = await s.understand('a'.repeat(501))
    expect(long.status).toBe(422)
    expect(long.body.error.message).toBeTruthy()
    expect((await s.understand('   ')).status).toBe(422)
    const script = guideUnderstandingSchema.parse(
      (await s.understand('<script>alert(1)</script> chômage')).body,
    )
    expect(script.areas.map((one) => one.area)).toEqual(['emploi', 'changer'])

    // Changing and removing a phrase.
    const settings = guideSettingsSchema.parse(
      (await send(`/api/v1/centres/${s.centre.slug}/guide/settings`, { cookie: s.manager })).body,
    )
    const id = settings.phrases.find((one) => one.phrase === 'Chômage')?.id
    const moved = await send(`/api/v1/centres/${s.centre.slug}/guide/phrases/${id}`, {
      method: 'PUT',
      cookie: s.manager,
      body: { areaId: s.change.id, language: 'fr', phrase: 'chômage longue durée' },
    })
    expect(moved.status).toBe(200)
    // "chômage" alone now meets only the English phrase; the changed one wants all its words.
    expect((await s.understand('chômage')).body.areas).toEqual([
      { area: 'changer', via: 'phrase', phrases: ['chomage'] },
    ])
    expect((await s.understand('au chômage depuis une longue durée')).body.areas[0].phrases).toEqual([
      'chomage',
      'chômage longue durée',
    ])
    const removed = await send(`/api/v1/centres/${s.centre.slug}/guide/phrases/${id}`, {
      method: 'DELETE',
      cookie: s.manager,
    })
    expect(removed.status).toBe(204)
    expect(
      (
        await send(`/api/v1/centres/${s.centre.slug}/guide/phrases/${id}`, {
          method: 'DELETE',
          cookie: s.manager,
        })
      ).status,
    ).toBe(404)
  })
})
