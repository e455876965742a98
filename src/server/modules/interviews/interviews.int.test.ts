import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { interview, interviewReferral, interviewThemeLink } from '../../db/schema/interviews'
import { ticket } from '../../db/schema/tickets'
import { createTestContext, type TestContext, unique } from '../../test/app'
import { walkInCentre } from '../../test/walk-in'
import { createService } from '../directory/directory-service'
import { catalogueFactories } from '../resources/testing'
import { addStaff } from '../staff/staff-service'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
  t.clock.now = new Date('2026-11-24T10:00:00Z') // a Tuesday, 11:00 in Paris
})
afterAll(() => t.close())

const json = async (response: Response) => ({
  status: response.status,
  body: response.status === 204 ? null : await response.json(),
})

/** A walk-in centre with themes, a directory service, and a counsellor of a partner at desk 1. */
async function setUp() {
  const w = await walkInCentre(t)
  const manager = await f.signInManager(w.centre.id)
  const themes = `/api/v1/centres/${w.centre.slug}/interview-themes`
  const theme = async (slug: string, fr: string, areaId: string | null) =>
    (
      await json(
        await t.request(themes, { method: 'POST', cookie: manager, body: { slug, name: { fr }, areaId } }),
      )
    ).body.id as string
  const housing = await theme('logement', 'Logement', null)
  const cv = await theme('cv', 'CV et lettre', w.job.id)
  const vae = await theme('vae', 'Validation des acquis', w.training.id)
  const serviceId = await createService({
    db: t.db,
    centreId: w.centre.id,
    actorUserId: null,
    input: {
      organisation: 'Foyer Exemple',
      name: { fr: 'Logement des jeunes travailleurs' },
      lastVerified: '2026-11-01',
    },
  })
  const partner = await f.buildPartner(w.centre.id, 'Agence Emploi')
  const email = `conseil-${unique()}@staff.example`
  const added = await addStaff({
    db: t.db,
    auth: t.auth,
    actorUserId: null,
    input: { email, name: 'Conseil', role: 'counsellor', centreId: w.centre.id, partnerId: partner.id },
  })
  const cookie = await t.signIn(email, added.password ?? '')
  const act = async (id: string, action: string, body?: unknown) =>
    json(await t.request(`/api/v1/tickets/${id}/${action}`, { method: 'POST', cookie, lang: 'en', body }))
  const desk = w.desks[0]?.row.id ?? ''
  await t.request(`/api/v1/desks/${desk}/session`, {
    method: 'POST',
    cookie,
    body: { areas: ['emploi'], languages: ['fr'] },
  })
  /** A visitor of "find a job" called and in service at desk 1. */
  const inService = async () => {
    const issued = await (await w.take('emploi')).json()
    await t.request(`/api/v1/desks/${desk}/call-next`, { method: 'POST', cookie })
    expect((await act(issued.id, 'start')).status).toBe(200)
    return issued.id as string
  }
  return { ...w, manager, themes, housing, cv, vae, serviceId, partner, act, inService }
}

describe('interview records', () => {
  it('keeps a centre’s themes per area, kept by managers and read by staff', async () => {
    const s = await setUp()
    const counsellor = await t.buildStaff('counsellor', s.centre.id)
    const cookie = await t.signIn(counsellor.email, counsellor.password)
    const forJobs = await json(await t.request(`${s.themes}?area=${s.job.id}`, { cookie }))
    expect(forJobs.body.items.map((theme: { slug: string }) => theme.slug).sort()).toEqual(['cv', 'logement'])
    const refused = await t.request(s.themes, {
      method: 'POST',
      cookie,
      body: { slug: 'autre', name: { fr: 'Autre' } },
    })
    expect(refused.status).toBe(403)
    const twice = await json(
      await t.request(s.themes, {
        method: 'POST',
        cookie: s.manager,
        lang: 'en',
        body: { slug: 'cv', name: { fr: 'CV' } },
      }),
    )
    expect(twice.status).toBe(409)
    expect(twice.body.error.fields.slug).toBe('A theme already has this identifier.')
    expect((await t.request(s.themes)).status).toBe(401)
  })

  it('records themes, a referral, the duration and the partner when a counsellor finishes, and nothing about the person', async () => {
    const s = await setUp()
    const id = await s.inService()
    t.clock.now = new Date(t.clock.now.getTime() + 12 * 60_000)
    const finished = await s.act(id, 'finish', {
      interview: { themeIds: [s.cv, s.housing], serviceIds: [s.serviceId], outcomes: ['information'] },
    })
    expect(finished.status).toBe(200)
    const [record] = await t.db.select().from(interview).where(eq(interview.ticketId, id))
    expect(record).toMatchObject({
      centreId: s.centre.id,
      areaId: s.job.id,
      partnerId: s.partner.id,
      durationSeconds: 720,
      language: 'fr',
      outcomes: ['information', 'referral'],
    })
    const themes = await t.db
      .select()
      .from(interviewThemeLink)
      .where(eq(interviewThemeLink.interviewId, record?.id ?? ''))
    expect(themes.map((link) => link.themeId).sort()).toEqual([s.cv, s.housing].sort())
    const referrals = await t.db
      .select()
      .from(interviewReferral)
      .where(eq(interviewReferral.interviewId, record?.id ?? ''))
    expect(referrals).toMatchObject([
      { serviceId: s.serviceId, label: 'Foyer Exemple — Logement des jeunes travailleurs' },
    ])

    // Next time, the services the directory lists for the area come first, then those used from it.
    await createService({
      db: t.db,
      centreId: s.centre.id,
      actorUserId: null,
      input: {
        organisation: 'Mission Exemple',
        name: { fr: 'Accompagnement vers l’emploi' },
        areaIds: [s.job.id],
        lastVerified: '2026-11-01',
      },
    })
    const suggested = await json(
      await t.request(`/api/v1/centres/${s.centre.slug}/referral-suggestions?area=${s.job.id}`, {
        cookie: s.manager,
      }),
    )
    expect(suggested.body.items.map((item: { label: string }) => item.label)).toEqual([
      'Accompagnement vers l’emploi — Mission Exemple',
      'Logement des jeunes travailleurs — Foyer Exemple',
    ])
    const elsewhere = await json(
      await t.request(`/api/v1/centres/${s.centre.slug}/referral-suggestions?area=${s.training.id}`, {
        cookie: s.manager,
      }),
    )
    expect(elsewhere.body.items).toEqual([])
  })

  it('refuses an unknown service, a theme of another area or a referral to nowhere, and leaves the ticket in service', async () => {
    const s = await setUp()
    const id = await s.inService()
    const elsewhere = await createService({
      db: t.db,
      centreId: (await t.buildCentre()).id,
      actorUserId: null,
      input: { organisation: 'Ailleurs', name: { fr: 'Autre centre' }, lastVerified: '2026-11-01' },
    })
    const unknownService = await s.act(id, 'finish', { interview: { serviceIds: [elsewhere] } })
    expect(unknownService.status).toBe(422)
    expect(unknownService.body.error.fields['interview.serviceIds']).toBe(
      'One of the services is not in this centre’s directory.',
    )
    const otherArea = await s.act(id, 'finish', { interview: { themeIds: [s.vae] } })
    expect(otherArea.status).toBe(422)
    expect(otherArea.body.error.fields['interview.themeIds']).toBe(
      'One of the themes does not exist for this area.',
    )
    const nowhere = await s.act(id, 'finish', { interview: { outcomes: ['referral'] } })
    expect(nowhere.status).toBe(422)
    expect(nowhere.body.error.fields['interview.serviceIds']).toBe(
      'Choose the directory service the person is referred to.',
    )
    const [still] = await t.db.select().from(ticket).where(eq(ticket.id, id))
    expect(still?.status).toBe('in_service')
    expect(await t.db.select().from(interview).where(eq(interview.ticketId, id))).toEqual([])
    expect((await s.act(id, 'finish', { interview: { themeIds: [s.cv] } })).status).toBe(200)
  })

  it('records a transfer as an outcome of the interview it ends', async () => {
    const s = await setUp()
    const id = await s.inService()
    const moved = await s.act(id, 'transfer', {
      transfer: { area: 'formation' },
      interview: { themeIds: [s.housing], outcomes: ['information'] },
    })
    expect(moved.status).toBe(200)
    const [record] = await t.db.select().from(interview).where(eq(interview.ticketId, id))
    expect(record?.outcomes).toEqual(['information', 'transfer'])
    expect(record?.areaId).toBe(s.job.id)
  })
})
