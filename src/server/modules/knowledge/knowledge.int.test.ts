import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KnowledgeNoteInput } from '../../../shared/schemas/knowledge'
import { occupation } from '../../db/schema/occupations'
import { auditLog } from '../../db/schema/staff'
import { createTestContext, type TestContext, unique } from '../../test/app'
import { catalogueFactories } from '../resources/testing'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
})
afterAll(() => t.close())

const send = async (path: string, init: Parameters<TestContext['request']>[1] = {}) => {
  const response = await t.request(path, init)
  return { status: response.status, body: response.status === 204 ? null : await response.json() }
}

async function signInAs(role: 'counsellor' | 'reception' | 'manager', centreId: string) {
  const staff = await t.buildStaff(role, centreId)
  return t.signIn(staff.email, staff.password)
}

/** A centre with a housing service in its directory and an area. */
async function buildSetting() {
  const centre = await t.buildCentre()
  const manager = await f.signInManager(centre.id)
  const service = await send(`/api/v1/centres/${centre.slug}/directory`, {
    method: 'POST',
    cookie: manager,
    body: {
      organisation: 'Foyer Exemple',
      name: { fr: 'Logement des jeunes travailleurs' },
      lastVerified: '2026-11-01',
    },
  })
  expect(service.status).toBe(201)
  const area = await t.buildArea(centre.id)
  return {
    centre,
    manager,
    serviceId: service.body.id as string,
    area,
    path: `/api/v1/centres/${centre.slug}/knowledge`,
  }
}

const tip = (overrides: Partial<KnowledgeNoteInput> = {}): KnowledgeNoteInput => ({
  kind: 'referral',
  title: 'Foyers de jeunes travailleurs : comment orienter',
  body: '## Avant d’orienter\n\nVérifier que la personne a **moins de 30 ans** et un emploi ou une formation.\n\n- appeler le matin\n- [site du foyer](https://foyer.example.org)',
  tags: ['Logement', 'Jeunes'],
  ...overrides,
})

describe('knowledge base', () => {
  it('lets counsellors of different partners write, find, change and trace a note', async () => {
    const { centre, serviceId, area, path } = await buildSetting()
    const code = `G${unique().slice(0, 4)}`
    await t.db
      .insert(occupation)
      .values({ taxonomy: 'rome', code, title: { fr: 'Animateur socioculturel' }, release: 'test' })
    const writer = await signInAs('counsellor', centre.id)
    const created = await send(path, {
      method: 'POST',
      cookie: writer,
      body: tip({ serviceIds: [serviceId], areaIds: [area.id], occupations: [{ taxonomy: 'rome', code }] }),
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      kind: 'referral',
      tags: ['logement', 'jeunes'],
      version: 1,
      author: { name: 'Staff counsellor' },
      services: [{ id: serviceId, organisation: 'Foyer Exemple', name: 'Logement des jeunes travailleurs' }],
      areas: [{ id: area.id }],
      occupations: [{ taxonomy: 'rome', code, title: 'Animateur socioculturel' }],
      canDelete: true,
    })
    expect(created.body.excerpt).toBe(
      'Avant d’orienter Vérifier que la personne a moins de 30 ans et un emploi ou une formation. appeler le matin site du foyer',
    )
    await send(path, {
      method: 'POST',
      cookie: writer,
      body: tip({
        kind: 'practice',
        title: 'Préparer un entretien d’embauche',
        body: 'Simuler l’entretien.',
        tags: ['entretien'],
      }),
    })

    // The directory, searched by staff, says how many notes are about each service.
    const directory = await send(`/api/v1/centres/${centre.slug}/directory?q=logements%20jeunes`, {
      cookie: writer,
    })
    expect(directory.body.items.map((s: { id: string; notes: number }) => [s.id, s.notes])).toEqual([
      [serviceId, 1],
    ])
    expect(
      (await send(`/api/v1/centres/${centre.slug}/directory?q=licenciement`, { cookie: writer })).body.items,
    ).toEqual([])

    const other = await f.signInCoordinator(centre.id)
    const titles = async (query: string) =>
      ((await send(`${path}?${query}`, { cookie: other.cookie })).body.items as { title: string }[]).map(
        (n) => n.title,
      )
    const housingTip = 'Foyers de jeunes travailleurs : comment orienter'
    expect(await titles('q=logement%20jeunes')).toEqual([housingTip])
    expect(await titles('q=logements')).toEqual([housingTip])
    expect(await titles('q=orienté')).toEqual([housingTip])
    expect(await titles('q=entretiens')).toEqual(['Préparer un entretien d’embauche'])
    expect(await titles('q=licenciement')).toEqual([])
    expect(await titles(`service=${serviceId}`)).toEqual([housingTip])
    expect(await titles(`area=${area.id}`)).toEqual([housingTip])
    expect(await titles('tag=logement')).toEqual([housingTip])
    expect(await titles('kind=practice')).toEqual(['Préparer un entretien d’embauche'])
    const all = await send(path, { cookie: other.cookie })
    expect(all.body.total).toBe(2)
    expect(all.body.tags).toEqual([
      { tag: 'entretien', count: 1 },
      { tag: 'jeunes', count: 1 },
      { tag: 'logement', count: 1 },
    ])

    const noteId = created.body.id as string
    const changed = await send(`${path}/${noteId}`, {
      method: 'PUT',
      cookie: other.cookie,
      body: tip({ body: 'Appeler le foyer **avant** d’orienter.', serviceIds: [serviceId], version: 1 }),
    })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({
      version: 2,
      author: { name: 'Staff counsellor' },
      areas: [],
      occupations: [],
      canDelete: false,
    })
    expect(changed.body.editor.name).not.toBe('Staff counsellor')
    expect(await titles('q=appeler')).toEqual([housingTip])

    // A writer who started from version 1 is told someone saved meanwhile, and nothing of theirs is kept.
    const stale = await send(`${path}/${noteId}`, {
      method: 'PUT',
      cookie: writer,
      lang: 'en',
      body: tip({ title: 'Overwritten', version: 1 }),
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.message).toBe(
      'Someone saved this note while you were editing it. Reload it to see their version, then make your changes again.',
    )
    const history = await send(`${path}/${noteId}/history`, { cookie: writer })
    expect(history.body.items.map((r: { version: number; title: string }) => [r.version, r.title])).toEqual([
      [2, housingTip],
      [1, housingTip],
    ])
    expect(history.body.items[1].body).toContain('moins de 30 ans')
    expect(history.body.items[1].editor.name).toBe('Staff counsellor')
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, noteId))
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update'])
  })

  it('refuses bad notes plainly and writes nothing of them', async () => {
    const { centre, path } = await buildSetting()
    const writer = await signInAs('counsellor', centre.id)
    const elsewhere = await buildSetting()
    const refused = async (body: KnowledgeNoteInput, field: string) => {
      const response = await send(path, { method: 'POST', cookie: writer, lang: 'en', body })
      expect(response.status).toBe(422)
      expect(Object.keys(response.body.error.fields ?? {})).toContain(field)
      return response.body.error.fields[field] as string
    }
    expect(await refused(tip({ serviceIds: [elsewhere.serviceId] }), 'serviceIds')).toBe(
      'One of the linked services is not in this centre’s directory.',
    )
    expect(await refused(tip({ areaIds: [elsewhere.area.id] }), 'areaIds')).toBeTruthy()
    expect(await refused(tip({ occupations: [{ taxonomy: 'rome', code: 'Z9999' }] }), 'occupations')).toBe(
      'One of the linked occupations is not in the imported reference data.',
    )
    expect(await refused(tip({ title: '   ' }), 'title')).toBeTruthy()
    expect(await refused(tip({ tags: ['<b>'] }), 'tags.0')).toBe('A tag: letters, digits, spaces or hyphens.')
    expect((await send(path, { cookie: writer })).body.total).toBe(0)

    const created = await send(path, { method: 'POST', cookie: writer, body: tip() })
    const noteId = created.body.id
    const failed = await send(`${path}/${noteId}`, {
      method: 'PUT',
      cookie: writer,
      body: tip({ title: 'Changed', serviceIds: [elsewhere.serviceId], version: 1 }),
    })
    expect(failed.status).toBe(422)
    const unversioned = await send(`${path}/${noteId}`, { method: 'PUT', cookie: writer, body: tip() })
    expect(unversioned.status).toBe(422)
    const kept = await send(`${path}/${noteId}`, { cookie: writer })
    expect(kept.body).toMatchObject({ title: tip().title, version: 1 })
    expect((await send(`${path}/${noteId}/history`, { cookie: writer })).body.items).toHaveLength(1)
    expect((await send(`${path}/${crypto.randomUUID()}`, { cookie: writer })).status).toBe(404)

    // Markdown is kept as written; what would be unsafe in it is the renderer's to neutralise.
    const raw = '<script>alert(1)</script> [x](javascript:alert(1))'
    const markup = await send(path, { method: 'POST', cookie: writer, body: tip({ body: raw }) })
    expect(markup.body.body).toBe(raw)
  })

  it('keeps every endpoint to the centre’s staff, writes to counsellors, coordinators and managers', async () => {
    const { centre, manager, path } = await buildSetting()
    const author = await signInAs('counsellor', centre.id)
    const colleague = await signInAs('counsellor', centre.id)
    const reception = await signInAs('reception', centre.id)
    const outsider = await signInAs('counsellor', (await t.buildCentre()).id)
    const note = (await send(path, { method: 'POST', cookie: author, body: tip() })).body
    const item = `${path}/${note.id}`
    const endpoints = [
      { method: 'GET', path },
      { method: 'POST', path, body: tip() },
      { method: 'GET', path: item },
      { method: 'PUT', path: item, body: tip({ version: 1 }) },
      { method: 'GET', path: `${item}/history` },
      { method: 'DELETE', path: item },
    ]
    for (const endpoint of endpoints) {
      const init = { method: endpoint.method, body: endpoint.body }
      expect((await send(endpoint.path, init)).status, `${endpoint.method} ${endpoint.path}`).toBe(401)
      expect((await send(endpoint.path, { ...init, cookie: outsider })).status).toBe(403)
      const asReception = (await send(endpoint.path, { ...init, cookie: reception })).status
      expect(asReception, `reception ${endpoint.method}`).toBe(endpoint.method === 'GET' ? 200 : 403)
    }
    // Anyone who writes may change any note; only its author or a manager removes it.
    const edited = await send(item, { method: 'PUT', cookie: colleague, body: tip({ version: 1 }) })
    expect(edited.status).toBe(200)
    expect((await send(item, { method: 'DELETE', cookie: colleague })).status).toBe(403)
    expect((await send(item, { method: 'DELETE', cookie: author })).status).toBe(204)
    const second = (await send(path, { method: 'POST', cookie: colleague, body: tip() })).body
    expect((await send(`${path}/${second.id}`, { cookie: manager })).body.canDelete).toBe(true)
    expect((await send(`${path}/${second.id}`, { method: 'DELETE', cookie: manager })).status).toBe(204)
    expect((await send(`${path}/${second.id}/history`, { cookie: manager })).status).toBe(404)
  })
})
