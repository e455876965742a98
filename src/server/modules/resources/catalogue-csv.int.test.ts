import { parse } from 'csv-parse/sync'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { occupation } from '../../db/schema/occupations'
import { resource } from '../../db/schema/resources'
import { createTestContext, type TestContext, unique } from '../../test/app'
import { catalogueFactories } from './testing'

let t: TestContext
let f: ReturnType<typeof catalogueFactories>
beforeAll(async () => {
  t = await createTestContext()
  f = catalogueFactories(t)
})
afterAll(() => t.close())

const countResources = async (centreId: string) => {
  const [row] = await t.db.select({ n: count() }).from(resource).where(eq(resource.centreId, centreId))
  return row?.n ?? 0
}

async function buildOccupation() {
  const code = `J${unique().slice(0, 4)}`
  await t.db
    .insert(occupation)
    .values({ taxonomy: 'rome', code, title: { fr: 'Aide-soignant' }, release: 'test' })
  return `rome:${code}`
}

const header =
  'id,type,title,summary,languages,audiences,easy_read,shelf,copies,url,publisher,last_reviewed,areas,themes,occupations'

function importCsv(slug: string, cookie: string, csv: string, lang = 'en') {
  return t.request(`/api/v1/centres/${slug}/catalogue/import`, {
    method: 'POST',
    cookie,
    lang,
    body: { csv },
  })
}

async function exportCsv(slug: string, cookie: string) {
  const response = await t.request(`/api/v1/centres/${slug}/catalogue/export`, { cookie })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('text/csv')
  const bytes = new Uint8Array(await response.arrayBuffer())
  // A byte-order mark first, so that spreadsheets read the accents as UTF-8.
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
}

describe('catalogue CSV', () => {
  it('exports what it imports, and reads its own export back unchanged', async () => {
    const centre = await t.buildCentre()
    const cookie = await f.signInManager(centre.id)
    const area = await t.buildArea(centre.id, { slug: 'trouver-emploi' })
    await f.postTheme(centre.slug, cookie, 'cv')
    await f.postTheme(centre.slug, cookie, 'entretien')
    const job = await buildOccupation()
    const csv = [
      header,
      `,guide,"Réussir son CV, pas à pas","Un guide ""pratique"":\nexemples et modèles",fr|en,job_seekers|young_people,yes,B2 — Emploi,3,,Éditions Démo,2025-03-01,trouver-emploi,cv|entretien,${job}`,
      ',website,Le site des métiers,,fr,,no,,,https://www.example.org/metiers,,,,,',
    ].join('\r\n')
    const imported = await importCsv(centre.slug, cookie, csv)
    expect(imported.status).toBe(200)
    expect(await imported.json()).toEqual({ added: 2, updated: 0 })

    const exported = await exportCsv(centre.slug, cookie)
    expect(exported.startsWith('\uFEFFid,type,title,')).toBe(true)
    const rows = parse(exported, { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(2)
    const guide = rows.find((row) => row.type === 'guide')
    expect(guide).toMatchObject({
      title: 'Réussir son CV, pas à pas',
      summary: 'Un guide "pratique":\nexemples et modèles',
      languages: 'fr|en',
      audiences: 'job_seekers|young_people',
      easy_read: 'yes',
      shelf: 'B2 — Emploi',
      copies: '3',
      url: '',
      publisher: 'Éditions Démo',
      last_reviewed: '2025-03-01',
      areas: 'trouver-emploi',
      themes: 'cv|entretien',
      occupations: job,
    })
    const staff = await (
      await t.request(`/api/v1/centres/${centre.slug}/catalogue/resources/${guide?.id}`, { cookie })
    ).json()
    expect(staff.areaIds).toEqual([area.id])

    // The export imported again changes nothing and adds nothing: every row is an update.
    const again = await importCsv(centre.slug, cookie, exported)
    expect(await again.json()).toEqual({ added: 0, updated: 2 })
    expect(await exportCsv(centre.slug, cookie)).toBe(exported)
    expect(await countResources(centre.id)).toBe(2)
    // Imported rows are searchable at once: the index is rebuilt in the import's transaction.
    const found = await (await t.request(`/api/v1/centres/${centre.slug}/resources?q=modeles`)).json()
    expect(found.items.map((item: { title: string }) => item.title)).toEqual(['Réussir son CV, pas à pas'])
  })

  it('updates by id, keeping the columns a file leaves out, and reads semicolons', async () => {
    const centre = await t.buildCentre()
    const cookie = await f.signInManager(centre.id)
    const area = await t.buildArea(centre.id)
    const existing = await f.postResource(centre.slug, cookie, { title: 'Ancien titre', areaIds: [area.id] })
    const csv = `id;title;type\n${existing.id};Nouveau titre;leaflet\n;Un dépliant;leaflet\n`
    const response = await importCsv(centre.slug, cookie, csv)
    // The new row has no shelf and no address: refused, and the update with it.
    expect(response.status).toBe(422)
    expect((await response.json()).error.fields).toEqual({
      '3.shelf': 'Say where to find it: a shelf, a web address, or both.',
    })
    const fixed = await importCsv(
      centre.slug,
      cookie,
      `id;title;type\n${existing.id};Nouveau titre;leaflet\n`,
    )
    expect(await fixed.json()).toEqual({ added: 0, updated: 1 })
    const after = await (
      await t.request(`/api/v1/centres/${centre.slug}/catalogue/resources/${existing.id}`, { cookie })
    ).json()
    expect(after).toMatchObject({
      title: 'Nouveau titre',
      type: 'leaflet',
      shelf: 'B2',
      copies: 3,
      areaIds: [area.id],
    })
  })

  it('rejects a file with a bad line, naming the line and the reason, and writes nothing', async () => {
    const centre = await t.buildCentre()
    const cookie = await f.signInManager(centre.id)
    await t.buildArea(centre.id, { slug: 'se-former' })
    const before = await f.postResource(centre.slug, cookie, { title: 'Intact' })
    const csv = [
      'type,title,shelf,url,areas,easy_read,copies,languages,occupations',
      'guide,Bon guide,A1,,se-former,no,2,fr,',
      'guide,"Titre sur',
      'deux lignes",A2,,nulle-part,peut-être,deux,fr|xx,rome',
      'poster,,,ftp://x.org,,,,,',
    ].join('\n')
    const response = await importCsv(centre.slug, cookie, csv, 'fr')
    expect(response.status).toBe(422)
    const { error } = await response.json()
    expect(error.message).toBe(
      '2 lignes ne conviennent pas : rien n’a été importé. Corrigez le fichier et recommencez.',
    )
    expect(error.fields).toEqual({
      '3.areas': 'Aucun espace de ce centre n’a l’identifiant « nulle-part ».',
      '3.easy_read': 'Écrivez « yes » ou « no ».',
      '3.copies': 'Un nombre entier, ou rien.',
      '3.languages': expect.stringContaining('Valeur inconnue « xx »'),
      '3.occupations': 'Un métier s’écrit référentiel:code (ex. : rome:J1501), pas « rome ».',
      '5.type': expect.stringContaining('Valeur inconnue « poster »'),
    })
    expect(await countResources(centre.id)).toBe(1)

    // Once the type is known, the schema speaks: a missing title, an address that is not http(s).
    const second = await importCsv(centre.slug, cookie, 'type,title,url\nvideo,,ftp://x.org\n')
    expect((await second.json()).error.fields).toEqual({
      '2.title': 'This field is required.',
      '2.url': 'Enter a valid web address (https://…).',
    })
    const after = await (
      await t.request(`/api/v1/centres/${centre.slug}/catalogue/resources/${before.id}`, { cookie })
    ).json()
    expect(after.title).toBe('Intact')
  })

  it('says what is wrong with the file itself: columns, quotes, emptiness, ids', async () => {
    const centre = await t.buildCentre()
    const cookie = await f.signInManager(centre.id)
    const fieldsOf = async (csv: string) =>
      (await (await importCsv(centre.slug, cookie, csv)).json()).error.fields
    expect(await fieldsOf('type,titre\nguide,x\n')).toEqual({
      '1.titre': 'Unknown column: “titre”.',
      '1.title': 'The column “title” is missing.',
    })
    expect(await fieldsOf('type,title,shelf\nguide,"Jamais fermé,A1\n')).toEqual({
      2: 'A quoted cell is never closed (is the file cut short?).',
    })
    expect(await fieldsOf('type,title,shelf\nguide,x,A1,extra\n')).toEqual({
      2: 'This line does not have as many cells as the header line.',
    })
    expect(await fieldsOf('type,title\n')).toEqual({ 1: 'The file holds no resource.' })
    const other = await t.buildCentre()
    const foreign = await f.postResource(other.slug, await f.signInManager(other.id))
    const mine = await f.postResource(centre.slug, cookie)
    expect(
      await fieldsOf(
        `id,type,title,shelf\n${foreign.id},guide,x,A1\n${mine.id},guide,y,A1\n${mine.id},guide,z,A1\nnot-an-id,guide,w,A1\n`,
      ),
    ).toEqual({
      '2.id': 'No resource of this centre has this identifier (leave the cell empty to add a resource).',
      '4.id': 'This identifier already appears higher up in the file.',
      '5.id': 'Invalid identifier.',
    })
  })

  it('gives a partner coordinator’s new rows their partner and refuses rows of other partners', async () => {
    const centre = await t.buildCentre()
    const manager = await f.signInManager(centre.id)
    const coordinator = await f.signInCoordinator(centre.id)
    const centres = await f.postResource(centre.slug, manager, { title: 'Du centre' })
    const refused = await importCsv(
      centre.slug,
      coordinator.cookie,
      `id,type,title,shelf\n${centres.id},guide,Pris,A1\n,guide,Nouveau,A2\n`,
    )
    expect(refused.status).toBe(422)
    expect((await refused.json()).error.fields).toEqual({
      '2.id': 'This resource comes from another partner: you cannot change it.',
    })
    const added = await importCsv(centre.slug, coordinator.cookie, 'type,title,shelf\nguide,Nouveau,A2\n')
    expect(await added.json()).toEqual({ added: 1, updated: 0 })
    const [row] = await t.db.select().from(resource).where(eq(resource.title, 'Nouveau'))
    expect(row?.partnerId).toBe(coordinator.partnerId)
  })

  it('keeps import and export to the centre’s staff', async () => {
    const centre = await t.buildCentre()
    expect((await t.request(`/api/v1/centres/${centre.slug}/catalogue/export`)).status).toBe(401)
    expect((await importCsv(centre.slug, '', 'type,title\n')).status).toBe(401)
    const other = await t.buildCentre()
    const cookie = await f.signInManager(other.id)
    expect((await importCsv(centre.slug, cookie, 'type,title\n')).status).toBe(403)
  })
})
