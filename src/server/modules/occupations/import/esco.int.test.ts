import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, asc, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/client'
import { occupation, occupationLabel, occupationSkill, skill } from '../../../db/schema/occupations'
import { createTestDatabase } from '../../../test/database'
import { ImportError } from './csv'
import { importEsco } from './esco'
import { importRome } from './rome'

const fixtures = fileURLToPath(new URL('../../../../../tests/fixtures/', import.meta.url))
const fixture = join(fixtures, 'esco/v1.1.9')
const FORKLIFT = 'http://data.europa.eu/esco/occupation/0f1d5b0a-0000-4000-8000-000000000001'

let handle: DatabaseHandle
let scratch: string
beforeAll(async () => {
  handle = await createTestDatabase()
  scratch = mkdtempSync(join(tmpdir(), 'cite-esco-'))
})
afterAll(async () => {
  await handle.close()
  rmSync(scratch, { recursive: true, force: true })
})

async function escoOccupation(code: string) {
  const [row] = await handle.db
    .select()
    .from(occupation)
    .where(and(eq(occupation.taxonomy, 'esco'), eq(occupation.code, code)))
  return row
}

const countOf = async (taxonomy: string) =>
  (await handle.db.select({ n: count() }).from(occupation).where(eq(occupation.taxonomy, taxonomy)))[0]?.n

describe('ESCO import', () => {
  it('imports occupations in every language file, with their labels, ISCO group and skills, essential first', async () => {
    const summary = await importEsco({ db: handle.db, folder: fixture })
    expect(summary).toMatchObject({
      source: 'esco',
      release: 'v1.1.9',
      counts: { occupations: 3, skills: 5, occupationSkills: 6, removed: 0, skipped: 2 },
    })
    const forklift = await escoOccupation(FORKLIFT)
    expect(forklift).toMatchObject({
      title: { en: 'forklift operator', fr: 'cariste' },
      description: {
        en: 'Forklift operators operate forklifts to move, locate, relocate, stack and count merchandise.',
      },
      isco: '8344',
    })
    const labels = await handle.db
      .select({
        language: occupationLabel.language,
        label: occupationLabel.label,
        kind: occupationLabel.kind,
      })
      .from(occupationLabel)
      .where(eq(occupationLabel.occupationId, forklift?.id ?? ''))
    expect(labels).toEqual(
      expect.arrayContaining([
        { language: 'en', label: 'forklift operator', kind: 'preferred' },
        { language: 'en', label: 'forklift driver', kind: 'alternative' },
        { language: 'en', label: 'lift truck operator', kind: 'alternative' },
        { language: 'en', label: 'fork lift operator', kind: 'hidden' },
        { language: 'fr', label: 'cariste', kind: 'preferred' },
        { language: 'fr', label: 'conductrice de chariot élévateur', kind: 'alternative' },
      ]),
    )
    const skills = await handle.db
      .select({
        label: skill.label,
        kind: skill.kind,
        essential: occupationSkill.essential,
        description: skill.description,
      })
      .from(occupationSkill)
      .innerJoin(skill, eq(skill.id, occupationSkill.skillId))
      .where(eq(occupationSkill.occupationId, forklift?.id ?? ''))
      .orderBy(asc(occupationSkill.position))
    expect(skills.map((s) => [s.label.en, s.kind, s.essential])).toEqual([
      ['operate forklift', 'skill', true],
      ['health and safety regulations', 'knowledge', true],
      ['speak several languages', 'skill', false],
    ])
    expect(skills[0]?.label.fr).toBe('utiliser un chariot élévateur')
    expect(skills[0]?.description.en).toBe(
      'Operate a forklift, a vehicle with a forked device in front\nfor lifting and carrying heavy loads.',
    )

    // Both gender forms of a French title are searchable on their own.
    const [care] = await handle.db
      .select({ id: occupation.id })
      .from(occupation)
      .where(and(eq(occupation.taxonomy, 'esco'), eq(occupation.isco, '5321')))
    const careLabels = await handle.db
      .select({ label: occupationLabel.label })
      .from(occupationLabel)
      .where(and(eq(occupationLabel.occupationId, care?.id ?? ''), eq(occupationLabel.kind, 'hidden')))
    expect(careLabels.map((row) => row.label)).toEqual(
      expect.arrayContaining(['aide-soignant', 'aide-soignante']),
    )
  })

  it('lives beside ROME, and a second import of the same release changes nothing', async () => {
    await importRome({ db: handle.db, folder: join(fixtures, 'rome/RefRomeCsv_v461') })
    const forkliftId = (await escoOccupation(FORKLIFT))?.id
    const again = await importEsco({ db: handle.db, folder: fixture })
    expect(again.counts).toMatchObject({ occupations: 3, removed: 0 })
    expect((await escoOccupation(FORKLIFT))?.id).toBe(forkliftId)
    expect(await countOf('esco')).toBe(3)
    expect(await countOf('rome')).toBe(3)
  })

  it('reports a file cut inside a multi-line cell, and leaves the previous import whole', async () => {
    const damaged = join(scratch, 'v1.2.0')
    cpSync(fixture, damaged, { recursive: true })
    const path = join(damaged, 'occupations_en.csv')
    const text = readFileSync(path, 'utf8')
    writeFileSync(path, text.slice(0, text.indexOf('nursing assistant') + 7))
    const failure = await importEsco({ db: handle.db, folder: damaged }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ImportError)
    expect((failure as ImportError).message).toMatch(
      /^occupations_en\.csv:\d+: a quoted cell is never closed/,
    )
    expect(await countOf('esco')).toBe(3)
    expect((await escoOccupation(FORKLIFT))?.title).toEqual({ en: 'forklift operator', fr: 'cariste' })
  })

  it('refuses a folder without an occupations file', async () => {
    await expect(importEsco({ db: handle.db, folder: scratch })).rejects.toThrow(
      /is not an ESCO download: no occupations_<language>\.csv found/,
    )
  })
})
