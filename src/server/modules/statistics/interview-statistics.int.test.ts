import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { interview, interviewReferral, interviewThemeLink } from '../../db/schema/interviews'
import { visitProfile } from '../../db/schema/profiles'
import { createTestContext, type TestContext } from '../../test/app'
import { saveTheme } from '../interviews/interview-service'
import { catalogueFactories } from '../resources/testing'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
})
afterAll(() => t.close())

const json = async (response: Response) => ({ status: response.status, body: await response.json() })

/**
 * A centre whose November: 10 interviews for partner A in "jobs" (7 about CVs, 3 about housing, 3 of them
 * referred to a housing service), and 4 for partner B in "training" on 2 November.
 */
async function november() {
  const centre = await t.buildCentre()
  const jobs = await t.buildArea(centre.id, { ticketLetter: 'E' })
  const training = await t.buildArea(centre.id, { ticketLetter: 'F' })
  const a = await f.buildPartner(centre.id, 'Agence A')
  const b = await f.buildPartner(centre.id, 'Agence B')
  const theme = async (slug: string, fr: string) =>
    (await saveTheme({ db: t.db, centreId: centre.id, actorUserId: null, input: { slug, name: { fr } } })).id
  const cv = await theme('cv', 'CV')
  const housing = await theme('logement', 'Logement')
  const add = async (
    n: number,
    values: { day: string; areaId: string; partnerId: string; themeId: string; referred?: boolean },
  ) => {
    for (let i = 0; i < n; i++) {
      const startedAt = new Date(`${values.day}T09:00:00Z`)
      const [row] = await t.db
        .insert(interview)
        .values({
          centreId: centre.id,
          areaId: values.areaId,
          partnerId: values.partnerId,
          serviceDate: values.day,
          startedAt,
          endedAt: new Date(startedAt.getTime() + 20 * 60_000),
          durationSeconds: 20 * 60,
          language: 'fr',
          outcomes: values.referred ? ['information', 'referral'] : ['information'],
        })
        .returning({ id: interview.id })
      if (!row) throw new Error('no interview')
      await t.db.insert(interviewThemeLink).values({ interviewId: row.id, themeId: values.themeId })
      if (values.referred)
        await t.db
          .insert(interviewReferral)
          .values({ interviewId: row.id, label: 'Foyer — Logement des jeunes' })
    }
  }
  await add(7, { day: '2026-11-02', areaId: jobs.id, partnerId: a.id, themeId: cv })
  await add(3, { day: '2026-11-03', areaId: jobs.id, partnerId: a.id, themeId: housing, referred: true })
  await add(4, { day: '2026-11-02', areaId: training.id, partnerId: b.id, themeId: cv })
  const manager = await f.signInManager(centre.id)
  const coordinator = await f.signInCoordinator(centre.id, a.id)
  const path = `/api/v1/centres/${centre.slug}/statistics/interviews?from=2026-11-01&to=2026-11-30`
  return { centre, jobs, training, a, b, cv, housing, manager, coordinator, path }
}

describe('interview statistics', () => {
  it('counts a month of interviews and withholds every count from 1 to k−1, and what would give one back', async () => {
    const s = await november()
    const { status, body } = await json(await t.request(s.path, { cookie: s.manager }))
    expect(status).toBe(200)
    expect(body).toMatchObject({ k: 5, total: 14, medianMinutes: 20 })
    const day = (date: string) => body.byDay.find((d: { date: string }) => d.date === date)?.count
    // The 3 of the 3rd are withheld as small; the 11 of the 2nd, the only other day with interviews, is
    // hidden with them, or the month's total would give the 3 back.
    expect(day('2026-11-03')).toBe('small')
    expect(day('2026-11-02')).toBe('hidden')
    expect(day('2026-11-04')).toBe(0)
    expect(body.byDay).toHaveLength(30)
    const byArea = body.byArea.map((a: { id: string; count: number | string }) => [a.id, a.count])
    expect(byArea).toHaveLength(2)
    expect(byArea).toContainEqual([s.jobs.id, 'hidden'])
    expect(byArea).toContainEqual([s.training.id, 'small'])
    expect(body.byTheme).toEqual([
      { id: s.cv, name: { fr: 'CV' }, count: 11 },
      { id: s.housing, name: { fr: 'Logement' }, count: 'small' },
    ])
    expect(body.byOutcome).toEqual([
      { outcome: 'information', count: 14 },
      { outcome: 'referral', count: 'small' },
    ])
    expect(body.byReferral).toEqual([{ label: 'Foyer — Logement des jeunes', count: 'small' }])
    for (const value of JSON.stringify(body).matchAll(/"count":(\d+)/g))
      expect(Number(value[1]) === 0 || Number(value[1]) >= 5).toBe(true)
  })

  it('shows a partner coordinator their partner’s interviews only, and a lower threshold when the centre sets one', async () => {
    const s = await november()
    const own = await json(await t.request(s.path, { cookie: s.coordinator.cookie }))
    expect(own.body.total).toBe(10)
    expect(own.body.byArea.map((a: { id: string }) => a.id)).toEqual([s.jobs.id])
    expect((await t.request(`${s.path}&partner=${s.b.id}`, { cookie: s.coordinator.cookie })).status).toBe(
      403,
    )
    const counsellor = await t.buildStaff('counsellor', s.centre.id)
    expect(
      (await t.request(s.path, { cookie: await t.signIn(counsellor.email, counsellor.password) })).status,
    ).toBe(403)
    expect((await t.request(s.path)).status).toBe(401)

    const settings = `/api/v1/centres/${s.centre.slug}/statistics-settings`
    const tooLow = await json(
      await t.request(settings, {
        method: 'PUT',
        cookie: s.manager,
        lang: 'en',
        body: { threshold: 1, retentionDays: 90 },
      }),
    )
    expect(tooLow.status).toBe(422)
    expect(tooLow.body.error.fields.threshold).toBe('At least 2: a count of 1 would point at a person.')
    expect(
      (
        await t.request(settings, {
          method: 'PUT',
          cookie: s.coordinator.cookie,
          body: { threshold: 3, retentionDays: 90 },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await t.request(settings, {
          method: 'PUT',
          cookie: s.manager,
          body: { threshold: 3, retentionDays: 90 },
        })
      ).status,
    ).toBe(200)
    const lower = await json(await t.request(s.path, { cookie: s.manager }))
    expect(lower.body.k).toBe(3)
    expect(lower.body.byTheme.map((theme: { count: number | string }) => theme.count)).toEqual([11, 3])
    expect(lower.body.byArea.map((area: { count: number | string }) => area.count).sort()).toEqual([10, 4])
  })

  it('refuses a period that ends before it starts, or longer than three years, in words', async () => {
    const s = await november()
    const reversed = await json(
      await t.request(
        `/api/v1/centres/${s.centre.slug}/statistics/interviews?from=2026-11-30&to=2026-11-01`,
        {
          cookie: s.manager,
          lang: 'en',
        },
      ),
    )
    expect(reversed.status).toBe(422)
    expect(reversed.body.error.fields.to).toBe('The period must end after it starts.')
    const long = await t.request(
      `/api/v1/centres/${s.centre.slug}/statistics/interviews?from=2020-01-01&to=2026-11-01`,
      {
        cookie: s.manager,
      },
    )
    expect(long.status).toBe(422)
  })

  it('gives every answer of every profile question, withholding the small ones and what would give them back', async () => {
    const s = await november()
    const profile = (ageBand: string, situation: string) => ({
      centreId: s.centre.id,
      serviceDate: '2026-11-10',
      ageBand,
      situation,
      education: 'no_answer',
      firstVisit: 'yes',
      heardFrom: 'no_answer',
    })
    await t.db
      .insert(visitProfile)
      .values([
        ...Array.from({ length: 6 }, () => profile('16_25', 'job_seeker')),
        ...Array.from({ length: 5 }, () => profile('26_35', 'job_seeker')),
        profile('over_65', 'employed'),
        profile('over_65', 'other'),
      ])
    const path = `/api/v1/centres/${s.centre.slug}/statistics/profiles?from=2026-11-01&to=2026-11-30`
    const { status, body } = await json(await t.request(path, { cookie: s.manager }))
    expect(status).toBe(200)
    expect(body.total).toBe(13)
    const answers = (question: string) =>
      Object.fromEntries(
        body.questions
          .find((q: { question: string }) => q.question === question)
          .answers.map((a: { answer: string; count: number | string }) => [a.answer, a.count]),
      )
    expect(answers('ageBand')).toMatchObject({ '16_25': 6, '26_35': 'hidden', over_65: 'small', under_16: 0 })
    expect(answers('situation')).toMatchObject({ job_seeker: 11, employed: 'small', other: 'small' })
    expect(answers('firstVisit')).toMatchObject({ yes: 13, no: 0 })
    expect((await t.request(path, { cookie: s.coordinator.cookie })).status).toBe(403)
  })
})
