import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, asc, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/client'
import {
  importRun,
  occupation,
  occupationLabel,
  occupationLink,
  occupationSkill,
  skill,
} from '../../../db/schema/occupations'
import { createTestDatabase } from '../../../test/database'
import { ImportError } from './csv'
import { importRome } from './rome'

const fixture = fileURLToPath(new URL('../../../../../tests/fixtures/rome/RefRomeCsv_v461', import.meta.url))
const file = (name: string) => `unix_${name}_v461_utf8.csv`

let handle: DatabaseHandle
let scratch: string
beforeAll(async () => {
  handle = await createTestDatabase()
  scratch = mkdtempSync(join(tmpdir(), 'cite-rome-'))
})
afterAll(async () => {
  await handle.close()
  rmSync(scratch, { recursive: true, force: true })
})

/** A copy of the fixture folder to change, as a newer or a damaged release would be. */
function copyOfFixture(name: string) {
  const folder = join(scratch, name)
  cpSync(fixture, folder, { recursive: true })
  return folder
}

async function romeOccupation(code: string) {
  const [row] = await handle.db
    .select()
    .from(occupation)
    .where(and(eq(occupation.taxonomy, 'rome'), eq(occupation.code, code)))
  return row
}

async function tableCounts() {
  const { db } = handle
  const [[o], [l], [s], [os], [k]] = await Promise.all([
    db.select({ n: count() }).from(occupation),
    db.select({ n: count() }).from(occupationLabel),
    db.select({ n: count() }).from(skill),
    db.select({ n: count() }).from(occupationSkill),
    db.select({ n: count() }).from(occupationLink),
  ])
  return { occupations: o?.n, labels: l?.n, skills: s?.n, occupationSkills: os?.n, links: k?.n }
}

describe('ROME import', () => {
  it('imports fiches with their texts, RIASEC letters, job titles in both forms, skills and career moves', async () => {
    const progress: number[] = []
    const summary = await importRome({
      db: handle.db,
      folder: fixture,
      onProgress: ({ bytes, totalBytes }) => progress.push(bytes / totalBytes),
    })
    expect(summary).toMatchObject({
      source: 'rome',
      release: 'v4.61',
      counts: { occupations: 3, skills: 8, occupationSkills: 8, links: 3, removed: 0, skipped: 2 },
    })
    expect(progress.at(-1)).toBe(1)

    const care = await romeOccupation('J1501')
    expect(care).toMatchObject({
      title: { fr: 'Aide-soignant / Aide-soignante' },
      // Sentences in their order, whatever the order of the rows.
      description: {
        fr:
          "Réalise des soins d'hygiène et de confort auprès des personnes, sous la responsabilité d'un infirmier.\n" +
          "Surveille l'état de santé de la personne et transmet ses observations.",
      },
      access: { fr: "Ce métier est accessible avec le Diplôme d'État d'Aide-Soignant (DEAS)." },
      riasec: 'SR',
      release: 'v4.61',
    })
    const labels = await handle.db
      .select({ label: occupationLabel.label, kind: occupationLabel.kind, rare: occupationLabel.rare })
      .from(occupationLabel)
      .where(eq(occupationLabel.occupationId, care?.id ?? ''))
    expect(labels).toEqual(
      expect.arrayContaining([
        { label: 'Aide-soignant / Aide-soignante', kind: 'preferred', rare: false },
        { label: 'Aide-soignante', kind: 'hidden', rare: false },
        { label: 'Aide-soignante hospitalière', kind: 'hidden', rare: true },
        { label: 'Aide-soignant hospitalier / Aide-soignante hospitalière', kind: 'alternative', rare: true },
      ]),
    )
    const forklift = await romeOccupation('N1101')
    const forkliftLabels = await handle.db
      .select({ label: occupationLabel.label })
      .from(occupationLabel)
      .where(eq(occupationLabel.occupationId, forklift?.id ?? ''))
    expect(forkliftLabels.map((row) => row.label)).toEqual(
      expect.arrayContaining(['Cariste', 'Agent de quai cariste', 'Cariste agente de quai']),
    )

    const skills = await handle.db
      .select({ code: skill.code, kind: skill.kind, label: skill.label, description: skill.description })
      .from(occupationSkill)
      .innerJoin(skill, eq(skill.id, occupationSkill.skillId))
      .where(eq(occupationSkill.occupationId, care?.id ?? ''))
      .orderBy(asc(occupationSkill.position))
    expect(skills.map((row) => [row.code, row.kind])).toEqual([
      ['competence/107740', 'skill'],
      ['competence/483082', 'skill'],
      ['competence/300412', 'attitude'],
      ['savoir/100470', 'knowledge'],
      ['contexte/23374', 'context'],
    ])
    // A definition spread over two lines in its cell stays whole.
    expect(skills[2]?.description).toEqual({
      fr: "Capacité à écouter l'autre\net à comprendre ce qu'il ressent.",
    })

    const moves = await handle.db
      .select({ to: occupationLink.toId, rank: occupationLink.rank })
      .from(occupationLink)
      .where(and(eq(occupationLink.fromId, forklift?.id ?? ''), eq(occupationLink.kind, 'mobility')))
    expect(moves).toEqual([{ to: care?.id, rank: 2 }])
    const runs = await handle.db.select().from(importRun).where(eq(importRun.source, 'rome'))
    expect(runs.at(-1)?.release).toBe('v4.61')
  })

  it('imports the same release again without duplicating anything, and a newer one in place', async () => {
    await importRome({ db: handle.db, folder: fixture })
    const before = await tableCounts()
    const careId = (await romeOccupation('J1501'))?.id
    await importRome({ db: handle.db, folder: fixture })
    expect(await tableCounts()).toEqual(before)
    expect((await romeOccupation('J1501'))?.id).toBe(careId)

    // The next release renames a fiche and withdraws another.
    const newer = copyOfFixture('newer')
    const fiches = join(newer, file('referentiel_code_rome'))
    writeFileSync(
      fiches,
      readFileSync(fiches, 'utf8')
        .replace('Études et développement informatique', 'Conception et développement informatique')
        .split('\n')
        .filter((line) => !line.startsWith('"N1101"'))
        .join('\n'),
    )
    const summary = await importRome({ db: handle.db, folder: newer })
    expect(summary.counts).toMatchObject({ occupations: 2, removed: 1 })
    expect((await romeOccupation('M1805'))?.title).toEqual({ fr: 'Conception et développement informatique' })
    expect(await romeOccupation('N1101')).toBeUndefined()
    expect((await romeOccupation('J1501'))?.id).toBe(careId)
    await importRome({ db: handle.db, folder: fixture })
  })

  it('stops at a file cut short, says where, and leaves the previous import whole', async () => {
    await importRome({ db: handle.db, folder: fixture })
    const before = await tableCounts()
    const damaged = copyOfFixture('damaged')
    const appellations = join(damaged, file('referentiel_appellation'))
    const text = readFileSync(appellations, 'utf8')
    writeFileSync(appellations, text.slice(0, text.indexOf('Cariste agent') + 5))
    const failure = await importRome({ db: handle.db, folder: damaged }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ImportError)
    expect((failure as ImportError).message).toMatch(
      /^unix_referentiel_appellation_v461_utf8\.csv:5: a quoted cell is never closed/,
    )
    expect(await tableCounts()).toEqual(before)
  })

  it('names the missing columns of a file it cannot read', async () => {
    const odd = copyOfFixture('odd')
    const texts = join(odd, file('texte'))
    writeFileSync(texts, readFileSync(texts, 'utf8').replace('"libelle_texte"', '"texte"'))
    await expect(importRome({ db: handle.db, folder: odd })).rejects.toThrow(
      'unix_texte_v461_utf8.csv:2: missing column(s): libelle_texte',
    )
  })

  it('refuses a folder that does not exist or holds no ROME release', async () => {
    await expect(importRome({ db: handle.db, folder: join(scratch, 'nowhere') })).rejects.toThrow(
      /is not a readable folder/,
    )
    await expect(importRome({ db: handle.db, folder: scratch })).rejects.toThrow(
      /is not a ROME RefRomeCsv folder: unix_referentiel_code_rome_v<release>_utf8\.csv, unix_referentiel_appellation_v<release>_utf8\.csv not found/,
    )
  })
})
