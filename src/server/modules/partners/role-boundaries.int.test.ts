import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext, unique } from '../../test/app'
import { replaceWeeklyHours } from '../centres/hours-service'
import { createService } from '../directory/directory-service'
import { createNote } from '../knowledge/knowledge-service'
import { catalogueFactories } from '../resources/testing'
import { createShift } from '../rota/rota-service'
import { addStaff } from '../staff/staff-service'

/**
 * Who may call every staff endpoint of the alliance (partners, duty rota, referral directory, knowledge
 * base): each endpoint is tried by each kind of caller against fresh data, and the status must be the one
 * the role allows — 401 without a session, 403 for a role without the right or another centre's staff.
 */
let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
  t.clock.now = new Date('2026-12-02T08:00:00Z')
})
afterAll(() => t.close())

const actors = [
  'anonymous',
  'outsider',
  'reception',
  'counsellor',
  'coordinator',
  'otherCoordinator',
  'manager',
] as const
type ActorName = (typeof actors)[number]
type Call = { method: string; path: string; body?: unknown }
/** The expected status per caller; the two callers left out are always 401 (anonymous) and 403 (outsider). */
type Expected = Record<Exclude<ActorName, 'anonymous' | 'outsider'>, number>

const staffRead: Expected = {
  reception: 200,
  counsellor: 200,
  coordinator: 200,
  otherCoordinator: 200,
  manager: 200,
}
const only = (allowed: Partial<Expected>): Expected => ({
  reception: 403,
  counsellor: 403,
  coordinator: 403,
  otherCoordinator: 403,
  manager: 403,
  ...allowed,
})

async function setting() {
  const centre = await t.buildCentre()
  await replaceWeeklyHours({
    db: t.db,
    centreId: centre.id,
    actorUserId: null,
    input: { spans: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '18:00' })) },
  })
  const area = await t.buildArea(centre.id)
  const own = await f.buildPartner(centre.id)
  const other = await f.buildPartner(centre.id)
  const signInStaff = async (role: 'reception' | 'counsellor' | 'manager', centreId = centre.id) => {
    const email = `${role}-${unique()}@staff.example`
    const added = await addStaff({
      db: t.db,
      auth: t.auth,
      actorUserId: null,
      input: {
        email,
        name: `Staff ${role}`,
        role,
        centreId,
        partnerId: role === 'counsellor' ? own.id : null,
      },
    })
    return { cookie: await t.signIn(email, added.password ?? ''), userId: added.userId }
  }
  const counsellor = await signInStaff('counsellor')
  const cookies: Record<ActorName, string | undefined> = {
    anonymous: undefined,
    outsider: (await signInStaff('manager', (await t.buildCentre()).id)).cookie,
    reception: (await signInStaff('reception')).cookie,
    counsellor: counsellor.cookie,
    coordinator: (await f.signInCoordinator(centre.id, own.id)).cookie,
    otherCoordinator: (await f.signInCoordinator(centre.id, other.id)).cookie,
    manager: (await signInStaff('manager')).cookie,
  }
  return { centre, area, own, other, counsellor, cookies, base: `/api/v1/centres/${centre.slug}` }
}

/** Every weekday of 2027, one per shift, so that no two shifts clash and all fall within opening hours. */
const weekdays = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)))
  .filter((date) => date.getUTCDay() !== 0 && date.getUTCDay() !== 6)
  .map((date) => date.toISOString().slice(0, 10))
let day = 0
/** A shift of the coordinator's partner on its own day. */
const shiftInput = (areaId: string, partnerId: string) => ({
  areaId,
  partnerId,
  expertise: 'business_creation' as const,
  languages: ['fr'],
  onDate: weekdays[day++],
  startsAt: '10:00',
  endsAt: '12:00',
})

const serviceInput = () => ({
  organisation: `Service ${unique()}`,
  name: { fr: 'Un service' },
  lastVerified: '2026-11-01',
})
const noteInput = { kind: 'practice', title: 'Une pratique', body: 'Ce qui marche.' }

describe('role boundaries of the alliance’s staff endpoints', () => {
  it('lets each caller do exactly what their role allows, on every endpoint', async () => {
    const s = await setting()
    const { base, centre } = s
    const newShift = async () =>
      createShift({
        db: t.db,
        centreId: centre.id,
        actorUserId: null,
        writer: { kind: 'manager' },
        input: shiftInput(s.area.id, s.own.id),
      })
    /** A weekly Tuesday shift, which 5 January 2027 (a Tuesday) can be marked off from. */
    const newWeeklyShift = () =>
      createShift({
        db: t.db,
        centreId: centre.id,
        actorUserId: null,
        writer: { kind: 'manager' },
        input: { ...shiftInput(s.area.id, s.own.id), onDate: null, weekday: 2 },
      })
    const newService = () =>
      createService({ db: t.db, centreId: centre.id, actorUserId: null, input: serviceInput() })
    const newNote = () =>
      createNote({
        db: t.db,
        centreId: centre.id,
        actorUserId: s.counsellor.userId,
        language: 'fr',
        input: { ...noteInput, kind: 'practice' },
      })

    const cases: { name: string; call: () => Promise<Call>; expected: Expected }[] = [
      // Partners
      {
        name: 'list partners',
        call: async () => ({ method: 'GET', path: `${base}/partners` }),
        expected: staffRead,
      },
      {
        name: 'add a partner',
        call: async () => ({
          method: 'POST',
          path: `${base}/partners`,
          body: { name: `P ${unique()}`, type: 'association' },
        }),
        expected: only({ manager: 201 }),
      },
      {
        name: 'read a partner',
        call: async () => ({ method: 'GET', path: `${base}/partners/${s.own.id}` }),
        expected: staffRead,
      },
      {
        name: 'change a partner',
        call: async () => ({
          method: 'PUT',
          path: `${base}/partners/${s.own.id}`,
          body: { name: s.own.name, type: 'association' },
        }),
        expected: only({ coordinator: 200, manager: 200 }),
      },
      {
        name: 'remove a partner',
        call: async () => ({
          method: 'DELETE',
          path: `${base}/partners/${(await f.buildPartner(centre.id)).id}`,
        }),
        expected: only({ manager: 204 }),
      },
      {
        name: 'invite a counsellor',
        call: async () => ({
          method: 'POST',
          path: `${base}/partners/${s.own.id}/counsellors`,
          body: { name: 'Nouvelle', email: `new-${unique()}@example.org` },
        }),
        expected: only({ coordinator: 201, manager: 201 }),
      },
      {
        name: 'read partner settings',
        call: async () => ({ method: 'GET', path: `${base}/partner-settings` }),
        expected: staffRead,
      },
      {
        name: 'change partner settings',
        call: async () => ({
          method: 'PUT',
          path: `${base}/partner-settings`,
          body: { partnerOrder: 'alphabetical', showPartnerOnRota: false },
        }),
        expected: only({ manager: 200 }),
      },
      // Duty rota
      {
        name: 'read the rota',
        call: async () => ({ method: 'GET', path: `${base}/rota` }),
        expected: staffRead,
      },
      {
        name: 'add a shift',
        call: async () => ({ method: 'POST', path: `${base}/rota`, body: shiftInput(s.area.id, s.own.id) }),
        expected: only({ coordinator: 201, manager: 201 }),
      },
      {
        name: 'change a shift',
        call: async () => ({
          method: 'PUT',
          path: `${base}/rota/${await newShift()}`,
          body: shiftInput(s.area.id, s.own.id),
        }),
        expected: only({ coordinator: 200, manager: 200 }),
      },
      {
        name: 'remove a shift',
        call: async () => ({ method: 'DELETE', path: `${base}/rota/${await newShift()}` }),
        expected: only({ coordinator: 204, manager: 204 }),
      },
      {
        name: 'mark a shift off for a day',
        call: async () => ({
          method: 'PUT',
          path: `${base}/rota/${await newWeeklyShift()}/absences/2027-01-05`,
        }),
        expected: only({ coordinator: 204, manager: 204 }),
      },
      {
        name: 'hold a shift again on a day',
        call: async () => ({
          method: 'DELETE',
          path: `${base}/rota/${await newWeeklyShift()}/absences/2027-01-05`,
        }),
        expected: only({ coordinator: 204, manager: 204 }),
      },
      // Referral directory
      {
        name: 'read the directory',
        call: async () => ({ method: 'GET', path: `${base}/directory` }),
        expected: staffRead,
      },
      {
        name: 'add a service',
        call: async () => ({ method: 'POST', path: `${base}/directory`, body: serviceInput() }),
        expected: only({ coordinator: 201, otherCoordinator: 201, manager: 201 }),
      },
      {
        name: 'change a service',
        call: async () => ({
          method: 'PUT',
          path: `${base}/directory/${await newService()}`,
          body: serviceInput(),
        }),
        expected: only({ coordinator: 200, otherCoordinator: 200, manager: 200 }),
      },
      {
        name: 'remove a service',
        call: async () => ({ method: 'DELETE', path: `${base}/directory/${await newService()}` }),
        expected: only({ manager: 204 }),
      },
      // Knowledge base
      {
        name: 'search the notes',
        call: async () => ({ method: 'GET', path: `${base}/knowledge` }),
        expected: staffRead,
      },
      {
        name: 'write a note',
        call: async () => ({ method: 'POST', path: `${base}/knowledge`, body: noteInput }),
        expected: {
          ...staffRead,
          reception: 403,
          counsellor: 201,
          coordinator: 201,
          otherCoordinator: 201,
          manager: 201,
        },
      },
      {
        name: 'read a note',
        call: async () => ({ method: 'GET', path: `${base}/knowledge/${await newNote()}` }),
        expected: staffRead,
      },
      {
        name: 'change a note',
        call: async () => ({
          method: 'PUT',
          path: `${base}/knowledge/${await newNote()}`,
          body: { ...noteInput, version: 1 },
        }),
        expected: { ...staffRead, reception: 403 },
      },
      {
        name: 'remove a note (written by the counsellor)',
        call: async () => ({ method: 'DELETE', path: `${base}/knowledge/${await newNote()}` }),
        expected: only({ counsellor: 204, manager: 204 }),
      },
      {
        name: 'read a note’s history',
        call: async () => ({ method: 'GET', path: `${base}/knowledge/${await newNote()}/history` }),
        expected: staffRead,
      },
    ]

    const mismatches: string[] = []
    for (const { name, call, expected } of cases)
      for (const actor of actors) {
        const want = actor === 'anonymous' ? 401 : actor === 'outsider' ? 403 : expected[actor]
        const { method, path, body } = await call()
        const response = await t.request(path, { method, cookie: s.cookies[actor], body })
        if (response.status !== want)
          mismatches.push(
            `${name} as ${actor}: ${response.status}, expected ${want} — ${await response.text()}`,
          )
      }
    expect(mismatches).toEqual([])
  })
})
