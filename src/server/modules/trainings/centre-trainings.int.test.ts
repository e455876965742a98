import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TrainingDetail, TrainingInput } from '../../../shared/schemas/trainings'
import { auditLog } from '../../db/schema/staff'
import { training } from '../../db/schema/trainings'
import { createTestContext, type TestContext } from '../../test/app'
import { importOnisep } from '../occupations/import/onisep'
import { importRome } from '../occupations/import/rome'

const fixtures = fileURLToPath(new URL('../../../../tests/fixtures/', import.meta.url))

let t: TestContext
let slug: string
let centreId: string
let manager: string
let coordinator: string
let counsellor: string
let outsider: string
beforeAll(async () => {
  t = await createTestContext()
  await importRome({ db: t.db, folder: join(fixtures, 'rome/RefRomeCsv_v461') })
  await importOnisep({ db: t.db, folder: join(fixtures, 'onisep') })
  const centre = await t.buildCentre()
  const other = await t.buildCentre()
  slug = centre.slug
  centreId = centre.id
  const cookie = async (role: 'manager' | 'partner_coordinator' | 'counsellor', id: string) => {
    const person = await t.buildStaff(role, id)
    return t.signIn(person.email, person.password)
  }
  manager = await cookie('manager', centre.id)
  coordinator = await cookie('partner_coordinator', centre.id)
  counsellor = await cookie('counsellor', centre.id)
  outsider = await cookie('manager', other.id)
})
afterAll(() => t.close())

const course: TrainingInput = {
  code: 'CUISINE-2026',
  title: 'Cuisinier en restauration collective',
  kind: 'titre professionnel',
  kindAcronym: 'TP',
  level: 3,
  durationMonths: 8,
  place: 'Marseille',
  url: 'https://formations.example.org/cuisine',
  domains: ['hôtellerie - restauration - tourisme/restauration'],
}

const base = () => `/api/v1/centres/${slug}/trainings`
async function send(method: string, path: string, cookie: string | undefined, body?: unknown, lang = 'fr') {
  const response = await t.request(path, { method, cookie, body, lang })
  return { status: response.status, body: response.status === 204 ? null : await response.json() }
}

describe('a centre’s own trainings', () => {
  it('are entered, changed, linked to occupations and removed by a manager, each write audited', async () => {
    const created = await send('POST', base(), manager, course)
    expect(created.status).toBe(201)
    const detail = created.body as TrainingDetail
    expect(detail).toMatchObject({
      source: 'centre',
      code: 'CUISINE-2026',
      title: 'Cuisinier en restauration collective',
      kindAcronym: 'TP',
      level: 3,
      durationMonths: 8,
      place: 'Marseille',
      rncpCode: null,
      attribution: null,
      occupations: [],
    })
    const path = `${base()}/${detail.id}`
    const found = async (q: string) =>
      (await send('GET', `${base()}?${new URLSearchParams({ q })}`, undefined)).body.items.map(
        (item: { id: string }) => item.id,
      )
    // Indexed with the write: visitors find it at once.
    expect(await found('restauration collective')).toEqual([detail.id])

    const updated = await send('PUT', path, manager, { ...course, title: 'Cuisinier', durationMonths: null })
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({ title: 'Cuisinier', durationMonths: null })

    const linked = await send('POST', `${path}/occupations`, manager, { taxonomy: 'rome', code: 'J1501' })
    expect(linked.status).toBe(200)
    expect(linked.body.occupations).toEqual([
      { taxonomy: 'rome', code: 'J1501', title: 'Aide-soignant / Aide-soignante', linked: true },
    ])
    // Linking again changes nothing.
    expect(
      (await send('POST', `${path}/occupations`, manager, { taxonomy: 'rome', code: 'J1501' })).status,
    ).toBe(200)
    const unlinked = await send('DELETE', `${path}/occupations/rome/J1501`, manager)
    expect(unlinked.status).toBe(200)
    expect(unlinked.body.occupations).toEqual([])
    expect((await send('DELETE', `${path}/occupations/rome/J1501`, manager)).status).toBe(404)

    expect(await found('cuisinier')).toEqual([detail.id])
    expect(await found('restauration collective')).toEqual([detail.id])
    expect((await send('DELETE', path, manager)).status).toBe(204)
    expect((await send('GET', path, undefined)).status).toBe(404)
    expect(await found('cuisinier')).toEqual([])
    const trail = await t.db
      .select({ action: auditLog.action, entity: auditLog.entity })
      .from(auditLog)
      .where(and(eq(auditLog.centreId, centreId), eq(auditLog.entityId, detail.id)))
      .orderBy(asc(auditLog.id))
    expect(trail).toEqual([
      { action: 'create', entity: 'training' },
      { action: 'update', entity: 'training' },
      { action: 'create', entity: 'training_occupation' },
      { action: 'create', entity: 'training_occupation' },
      { action: 'delete', entity: 'training_occupation' },
      { action: 'delete', entity: 'training' },
    ])
  })

  it('are open to the centre’s partner coordinators, and to nobody else', async () => {
    const created = await send('POST', base(), coordinator, { ...course, code: 'PARTNER-1' })
    expect(created.status).toBe(201)
    const path = `${base()}/${created.body.id}`
    expect((await send('POST', base(), counsellor, { ...course, code: 'NO-1' })).status).toBe(403)
    expect((await send('PUT', path, outsider, course)).status).toBe(403)
    expect((await send('DELETE', path, undefined)).status).toBe(401)
    const refused = await send('POST', base(), undefined, course, 'en')
    expect(refused.body.error.message).toBe('Please sign in to continue.')
    expect((await send('DELETE', path, coordinator)).status).toBe(204)
  })

  it('refuses what is wrong with a message per field, a taken reference, and ONISEP’s courses', async () => {
    const invalid = await send('POST', base(), manager, {
      ...course,
      title: '  ',
      level: 9,
      url: 'javascript:alert(1)',
    })
    expect(invalid.status).toBe(422)
    expect(invalid.body.error.fields).toMatchObject({
      title: 'Ce champ est obligatoire.',
      level: 'Au plus 8.',
      url: expect.any(String),
    })
    expect((await send('POST', base(), manager, { ...course, code: 'TWICE' })).status).toBe(201)
    const twice = await send('POST', base(), manager, { ...course, code: 'TWICE' }, 'en')
    expect(twice.status).toBe(409)
    expect(twice.body.error.fields.code).toBe('Another training of this centre already has this reference.')

    const [onisep] = await t.db
      .select({ id: training.id })
      .from(training)
      .where(eq(training.source, 'onisep'))
    expect((await send('PUT', `${base()}/${onisep?.id}`, manager, course)).status).toBe(404)
    expect((await send('DELETE', `${base()}/${onisep?.id}`, manager)).status).toBe(404)
    const own = await send('POST', base(), manager, { ...course, code: 'LINKS' })
    const unknown = await send('POST', `${base()}/${own.body.id}/occupations`, manager, {
      taxonomy: 'rome',
      code: 'Z9999',
    })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.message).toBe('Ce métier n’existe pas dans les référentiels importés.')
    expect(
      (
        await send('POST', `${base()}/${own.body.id}/occupations`, manager, {
          taxonomy: 'nowhere',
          code: 'x',
        })
      ).status,
    ).toBe(422)
  })
})

describe('writes at the same moment', () => {
  it('all land, each indexed, when staff save several courses of the centre at once', async () => {
    const created = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        send('POST', base(), manager, { ...course, code: `AT-ONCE-${n}`, title: `Barista ${n}` }),
      ),
    )
    expect(created.map((response) => response.status)).toEqual([201, 201, 201, 201])
    const found = await send('GET', `${base()}?q=barista`, undefined)
    expect(found.body.total).toBe(4)
  })
})
