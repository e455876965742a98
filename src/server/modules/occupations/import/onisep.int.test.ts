import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../db/client'
import { importRun, occupation, occupationLabel, occupationLink } from '../../../db/schema/occupations'
import { training } from '../../../db/schema/trainings'
import { createTestDatabase } from '../../../test/database'
import { ImportError } from './csv'
import { attributions } from './index'
import { importOnisep } from './onisep'
import { importRome } from './rome'

const fixtures = fileURLToPath(new URL('../../../../../tests/fixtures/', import.meta.url))
const OCCUPATIONS = 'ideo-metiers_onisep.csv'
const TRAININGS = 'ideo-formations_initiales_en_france.csv'
const DOWNLOADED = new Date('2022-04-15T10:00:00Z')

let handle: DatabaseHandle
let scratch: string
let fixture: string
beforeAll(async () => {
  handle = await createTestDatabase()
  scratch = mkdtempSync(join(tmpdir(), 'cite-onisep-'))
  fixture = copyOfFixture('release')
})
afterAll(async () => {
  await handle.close()
  rmSync(scratch, { recursive: true, force: true })
})

/** A copy of the fixture folder, downloaded on a known day, to change as a newer or damaged release would be. */
function copyOfFixture(name: string, files: readonly string[] = [OCCUPATIONS, TRAININGS]) {
  const folder = join(scratch, name)
  mkdirSync(folder)
  for (const file of files) {
    cpSync(join(fixtures, 'onisep', file), join(folder, file))
    utimesSync(join(folder, file), DOWNLOADED, DOWNLOADED)
  }
  return folder
}

function rewrite(path: string, change: (text: string) => string) {
  writeFileSync(path, change(readFileSync(path, 'utf8')))
  utimesSync(path, DOWNLOADED, DOWNLOADED)
}

async function onisepOccupation(code: string) {
  const [row] = await handle.db
    .select()
    .from(occupation)
    .where(and(eq(occupation.taxonomy, 'onisep'), eq(occupation.code, code)))
  return row
}

async function onisepTraining(code: string) {
  const [row] = await handle.db
    .select()
    .from(training)
    .where(and(eq(training.source, 'onisep'), eq(training.code, code)))
  return row
}

async function equivalents(code: string) {
  const from = await onisepOccupation(code)
  return handle.db
    .select({ code: occupation.code, taxonomy: occupation.taxonomy })
    .from(occupationLink)
    .innerJoin(occupation, eq(occupation.id, occupationLink.toId))
    .where(and(eq(occupationLink.fromId, from?.id ?? ''), eq(occupationLink.kind, 'equivalent')))
}

async function tableCounts() {
  const { db } = handle
  const [[o], [l], [k], [t]] = await Promise.all([
    db.select({ n: count() }).from(occupation).where(eq(occupation.taxonomy, 'onisep')),
    db.select({ n: count() }).from(occupationLabel),
    db.select({ n: count() }).from(occupationLink),
    db.select({ n: count() }).from(training),
  ])
  return { occupations: o?.n, labels: l?.n, links: k?.n, trainings: t?.n }
}

describe('ONISEP import', () => {
  it('imports métiers before ROME, counting the ROME fiches it cannot link yet', async () => {
    const progress: number[] = []
    const summary = await importOnisep({
      db: handle.db,
      folder: fixture,
      onProgress: ({ bytes, totalBytes }) => progress.push(bytes / totalBytes),
    })
    expect(summary).toMatchObject({
      source: 'onisep',
      release: '2022-04-15',
      counts: { occupations: 5, links: 0, romeUnlinked: 4, trainings: 7, trainingsRemoved: 0, removed: 0 },
    })
    expect(progress.at(-1)).toBe(1)
    expect(await equivalents('MET.100')).toEqual([])
  })

  it('imports métiers with both gender forms and their domains, linked to their ROME fiche once ROME is in', async () => {
    await importRome({ db: handle.db, folder: join(fixtures, 'rome/RefRomeCsv_v461') })
    const summary = await importOnisep({ db: handle.db, folder: fixture })
    expect(summary.counts).toMatchObject({ occupations: 5, links: 2, romeUnlinked: 2 })

    // Listed once per publication that presents it: one métier, the domains of every listing.
    const care = await onisepOccupation('MET.100')
    expect(care).toMatchObject({
      title: { fr: 'Aide-soignant / aide-soignante' },
      domains: ['santé - social - sport/paramédical', 'santé - social - sport/travail social'],
      release: '2022-04-15',
    })
    expect(await equivalents('MET.100')).toEqual([{ taxonomy: 'rome', code: 'J1501' }])
    expect(await equivalents('MET.782')).toEqual([])
    expect((await onisepOccupation('MET.861'))?.domains).toEqual([
      'banque - assurances - immobilier/assurances',
      'sciences/mathématiques',
    ])

    const labels = await handle.db
      .select({ label: occupationLabel.label, kind: occupationLabel.kind })
      .from(occupationLabel)
      .innerJoin(occupation, eq(occupation.id, occupationLabel.occupationId))
      .where(and(eq(occupation.taxonomy, 'onisep'), eq(occupation.code, 'MET.396')))
    expect(labels).toEqual(
      expect.arrayContaining([
        { label: 'Administrateur / administratrice de biens', kind: 'preferred' },
        { label: 'Administrateur de biens', kind: 'hidden' },
        { label: 'Administratrice de biens', kind: 'hidden' },
      ]),
    )
    expect(attributions.onisep(summary.release)).toBe(
      'Source : Onisep – Idéo-Métiers Onisep, Idéo-Formations initiales en France (2022-04-15), licence ODbL 1.0',
    )
  })

  it('imports trainings with their kind, level, duration, RNCP code, authority and domains', async () => {
    expect(await onisepTraining('FOR.1001')).toMatchObject({
      source: 'onisep',
      centreId: null,
      title: "Diplôme d'État d'aide-soignant",
      language: 'fr',
      kind: "diplôme d'Etat en santé",
      kindAcronym: null,
      level: 4,
      durationMonths: 12,
      durationText: '',
      rncpCode: '35830',
      authority: 'Ministère des Solidarités et de la Santé',
      url: 'http://www.onisep.fr/http/redirection/formation/slug/FOR.1001',
      domains: ['santé - social - sport/paramédical'],
      release: '2022-04-15',
    })
    expect(await onisepTraining('FOR.1002')).toMatchObject({
      kindAcronym: 'BTS',
      level: 5,
      durationMonths: 24,
    })
    expect(await onisepTraining('FOR.1004')).toMatchObject({
      level: null,
      durationMonths: 6,
      authority: '',
      rncpCode: null,
      domains: ['santé - social - sport/travail social', 'santé - social - sport/paramédical'],
    })
    // Not a number of months: kept as written.
    expect(await onisepTraining('FOR.1006')).toMatchObject({
      durationMonths: null,
      durationText: '22 semaines',
    })
    // Quotes doubled and a semicolon inside a quoted cell.
    expect(await onisepTraining('FOR.1007')).toMatchObject({
      title: 'Chargé d\'accompagnement "parcours vers l\'emploi"; option insertion',
      durationMonths: 18,
      level: null,
    })
  })

  it('imports the same release again without duplicating anything, and a newer one in place', async () => {
    const before = await tableCounts()
    const ids = [(await onisepOccupation('MET.100'))?.id, (await onisepTraining('FOR.1002'))?.id]
    await importOnisep({ db: handle.db, folder: fixture })
    expect(await tableCounts()).toEqual(before)
    expect([(await onisepOccupation('MET.100'))?.id, (await onisepTraining('FOR.1002'))?.id]).toEqual(ids)

    // The next release renames a course, withdraws another and a métier.
    const newer = copyOfFixture('newer')
    rewrite(join(newer, TRAININGS), (text) =>
      text
        .replace('"BUT Informatique"', '"BUT Informatique parcours développement"')
        .split('\n')
        .filter((line) => !line.includes('FOR.1005'))
        .join('\n'),
    )
    rewrite(join(newer, OCCUPATIONS), (text) =>
      text
        .split('\n')
        .filter((line) => !line.includes('MET.861'))
        .join('\n'),
    )
    const summary = await importOnisep({ db: handle.db, folder: newer })
    expect(summary.counts).toMatchObject({ occupations: 4, removed: 1, trainings: 6, trainingsRemoved: 1 })
    expect(await onisepTraining('FOR.1005')).toBeUndefined()
    expect(await onisepOccupation('MET.861')).toBeUndefined()
    expect(await onisepTraining('FOR.1003')).toMatchObject({
      title: 'BUT Informatique parcours développement',
    })
    expect((await onisepTraining('FOR.1002'))?.id).toBe(ids[1])
    await importOnisep({ db: handle.db, folder: fixture })
    expect(await tableCounts()).toEqual(before)
  })

  it('imports whichever file the folder holds, leaving the other data set as it was', async () => {
    const before = await tableCounts()
    const trainingsOnly = copyOfFixture('trainings-only', [TRAININGS])
    rewrite(join(trainingsOnly, TRAININGS), (text) =>
      text.replace('"BUT Informatique"', '"BUT Informatique (2)"'),
    )
    const summary = await importOnisep({ db: handle.db, folder: trainingsOnly })
    expect(summary.counts).toEqual({ trainings: 7, trainingsRemoved: 0, skipped: 0 })
    expect(await tableCounts()).toEqual(before)
    expect(await onisepTraining('FOR.1003')).toMatchObject({ title: 'BUT Informatique (2)' })

    const occupationsOnly = copyOfFixture('occupations-only', [OCCUPATIONS])
    expect((await importOnisep({ db: handle.db, folder: occupationsOnly })).counts).toMatchObject({
      occupations: 5,
      romeUnlinked: 2,
    })
    expect(await tableCounts()).toEqual(before)
    expect(await onisepTraining('FOR.1003')).toMatchObject({ title: 'BUT Informatique (2)' })
    const runs = await handle.db.select().from(importRun).where(eq(importRun.source, 'onisep'))
    expect(runs.length).toBeGreaterThan(4)
    await importOnisep({ db: handle.db, folder: fixture })
  })

  it('stops at a file cut short, says where, and writes nothing of either file', async () => {
    const before = await tableCounts()
    const damaged = copyOfFixture('damaged')
    rewrite(join(damaged, OCCUPATIONS), (text) => text.replace('"Aide', '"Aide changed'))
    rewrite(join(damaged, TRAININGS), (text) => text.slice(0, text.indexOf('BUT Informatique') + 6))
    const failure = await importOnisep({ db: handle.db, folder: damaged }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ImportError)
    expect((failure as ImportError).message).toMatch(
      /^ideo-formations_initiales_en_france\.csv:4: a quoted cell is never closed/,
    )
    expect(await tableCounts()).toEqual(before)
    expect((await onisepOccupation('MET.100'))?.title).toEqual({ fr: 'Aide-soignant / aide-soignante' })
  })

  it('names the line of a record it cannot read, and the missing columns of a file', async () => {
    const noId = copyOfFixture('no-id')
    rewrite(join(noId, TRAININGS), (text) => text.replace('slug/FOR.1003', 'slug/'))
    await expect(importOnisep({ db: handle.db, folder: noId })).rejects.toThrow(
      'ideo-formations_initiales_en_france.csv:4: no ONISEP id (FOR.<number>) at the end of "lien site onisep.fr"',
    )
    const noTitle = copyOfFixture('no-title')
    rewrite(join(noTitle, OCCUPATIONS), (text) => text.replace('actuaire;', '"  ";'))
    await expect(importOnisep({ db: handle.db, folder: noTitle })).rejects.toThrow(
      'ideo-metiers_onisep.csv:6: "libellé métier" is empty',
    )
    const odd = copyOfFixture('odd')
    rewrite(join(odd, TRAININGS), (text) => text.replace('durée;', 'duree;'))
    await expect(importOnisep({ db: handle.db, folder: odd })).rejects.toThrow(
      'ideo-formations_initiales_en_france.csv:2: missing column(s): durée',
    )
  })

  it('refuses a folder that does not exist or holds no ONISEP file', async () => {
    await expect(importOnisep({ db: handle.db, folder: join(scratch, 'nowhere') })).rejects.toThrow(
      /is not a readable folder/,
    )
    const empty = join(scratch, 'empty')
    mkdirSync(empty)
    writeFileSync(join(empty, 'notes.txt'), 'nothing here')
    await expect(importOnisep({ db: handle.db, folder: empty })).rejects.toThrow(
      /holds no ONISEP open data file: ideo-metiers_onisep\.csv or ideo-formations_initiales_en_france\.csv not found/,
    )
  })
})
