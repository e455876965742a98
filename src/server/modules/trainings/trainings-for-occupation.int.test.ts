import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OccupationDetail } from '../../../shared/schemas/occupations'
import { occupation } from '../../db/schema/occupations'
import { createTestContext, type TestContext } from '../../test/app'
import { importEsco } from '../occupations/import/esco'
import { importOnisep } from '../occupations/import/onisep'
import { importRome } from '../occupations/import/rome'
import { createCentreTraining, linkTrainingOccupation } from './centre-trainings'
import { trainingsForOccupation } from './trainings-for-occupation'

const fixtures = fileURLToPath(new URL('../../../../tests/fixtures/', import.meta.url))
const FORKLIFT = 'http://data.europa.eu/esco/occupation/0f1d5b0a-0000-4000-8000-000000000001'

let t: TestContext
let slug: string
let centreId: string
let onisep: string
beforeAll(async () => {
  t = await createTestContext()
  await importRome({ db: t.db, folder: join(fixtures, 'rome/RefRomeCsv_v461') })
  await importEsco({ db: t.db, folder: join(fixtures, 'esco/v1.1.9') })
  // Two more métiers of the same ROME fiche as the developer, one of them also in mathematics.
  onisep = mkdtempSync(join(tmpdir(), 'cite-onisep-'))
  cpSync(join(fixtures, 'onisep'), onisep, { recursive: true })
  const link = 'http://www.onisep.fr/http/redirection/metier/slug'
  appendFileSync(
    join(onisep, 'ideo-metiers_onisep.csv'),
    `"programmeur / programmeuse";${link}/MET.102;;;;;;M1805;;;"informatique, Internet/informatique"\n` +
      `"data scientist";${link}/MET.103;;;;;;M1805;;;"sciences/mathématiques| informatique, Internet/informatique"\n`,
  )
  await importOnisep({ db: t.db, folder: onisep })
  const centre = await t.buildCentre()
  slug = centre.slug
  centreId = centre.id
  // A course of the centre's own, linked by hand to the ROME fiche, outside ONISEP's domains.
  const own = await createCentreTraining({
    db: t.db,
    centreId,
    actorUserId: null,
    input: { code: 'PREPA-AS', title: 'Préparation au concours d’aide-soignant', place: 'Marseille' },
  })
  await linkTrainingOccupation({
    db: t.db,
    centreId,
    actorUserId: null,
    trainingId: own,
    occupation: { taxonomy: 'rome', code: 'J1501' },
  })
})
afterAll(async () => {
  await t.close()
  rmSync(onisep, { recursive: true, force: true })
})

async function occupationId(taxonomy: string, code: string) {
  const [row] = await t.db
    .select({ id: occupation.id })
    .from(occupation)
    .where(and(eq(occupation.taxonomy, taxonomy), eq(occupation.code, code)))
  return row?.id ?? ''
}

const titles = (list: { items: { title: string }[] }) => list.items.map((item) => item.title)

describe('trainings that lead to an occupation', () => {
  it('lists an ONISEP métier’s courses by its domains, the closest title first', async () => {
    const care = await trainingsForOccupation(t.db, await occupationId('onisep', 'MET.100'), {
      centreId,
      limit: 10,
    })
    expect(care.domains).toEqual([
      'santé - social - sport/paramédical',
      'santé - social - sport/travail social',
    ])
    expect(titles(care)[0]).toBe("Diplôme d'État d'aide-soignant")
    expect(titles(care).slice(1).sort()).toEqual([
      'Chargé d\'accompagnement "parcours vers l\'emploi"; option insertion',
      'FCIL Accompagnement des personnes âgées à domicile',
    ])
    expect(care.items.every((item) => !item.linked)).toBe(true)
    expect(care.attribution).toMatch(/^Source : Onisep – Idéo-Formations initiales en France/)
    const limited = await trainingsForOccupation(t.db, await occupationId('onisep', 'MET.100'), {
      centreId,
      limit: 1,
    })
    expect(titles(limited)).toEqual(["Diplôme d'État d'aide-soignant"])
  })

  it('lists a ROME fiche’s courses: the centre’s own linked by hand first, then those of its ONISEP métiers’ domains', async () => {
    const rome = await occupationId('rome', 'J1501')
    const here = await trainingsForOccupation(t.db, rome, { centreId, limit: 10 })
    expect(here.items[0]).toMatchObject({
      title: 'Préparation au concours d’aide-soignant',
      source: 'centre',
      linked: true,
    })
    expect(titles(here)[1]).toBe("Diplôme d'État d'aide-soignant")
    expect(here.items).toHaveLength(4)
    expect(here.domains).toHaveLength(2)
    // Another centre's visitors see ONISEP's courses only.
    const elsewhere = await trainingsForOccupation(t.db, rome, {
      centreId: (await t.buildCentre()).id,
      limit: 10,
    })
    expect(titles(elsewhere)).toHaveLength(3)
    expect(titles(elsewhere)).not.toContain('Préparation au concours d’aide-soignant')
    // A fiche several métiers stand for: the fields most of them share, not every field of every one.
    const developer = await trainingsForOccupation(t.db, await occupationId('rome', 'M1805'), {
      centreId,
      limit: 10,
    })
    expect(developer.domains).toEqual(['informatique, Internet/informatique'])
    expect(titles(developer).sort()).toEqual([
      'BTS Services informatiques aux organisations option solutions logicielles et applications métiers',
      'BUT Informatique',
    ])
    // An occupation no ONISEP métier matches has none.
    expect(
      await trainingsForOccupation(t.db, await occupationId('esco', FORKLIFT), { centreId, limit: 10 }),
    ).toEqual({ items: [], domains: [], attribution: null })
  })

  it('shows on the occupation page, with an ONISEP métier’s ROME fiche', async () => {
    const response = await t.request(`/api/v1/occupations/onisep/MET.100?centre=${slug}`, { lang: 'fr' })
    expect(response.status).toBe(200)
    const page = (await response.json()) as OccupationDetail
    expect(page).toMatchObject({
      taxonomy: 'onisep',
      title: 'Aide-soignant / aide-soignante',
      equivalent: [{ taxonomy: 'rome', code: 'J1501', title: 'Aide-soignant / Aide-soignante' }],
    })
    expect(page.attribution).toMatch(/^Source : Onisep – Idéo-Métiers Onisep/)
    expect(titles(page.trainings)[0]).toBe("Diplôme d'État d'aide-soignant")

    const fiche = (await (
      await t.request(`/api/v1/occupations/rome/J1501?centre=${slug}`)
    ).json()) as OccupationDetail
    expect(titles(fiche.trainings)[0]).toBe('Préparation au concours d’aide-soignant')
    expect(fiche.equivalent).toEqual([])
    const anonymous = (await (await t.request('/api/v1/occupations/rome/J1501')).json()) as OccupationDetail
    expect(titles(anonymous.trainings)).not.toContain('Préparation au concours d’aide-soignant')
    expect((await t.request('/api/v1/occupations/rome/J1501?centre=nowhere')).status).toBe(404)
  })
})
