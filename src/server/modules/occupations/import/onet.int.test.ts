import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
  occupationTask,
  skill,
} from '../../../db/schema/occupations'
import { createTestDatabase } from '../../../test/database'
import { ImportError } from './csv'
import { importOnet } from './onet'

const fixture = fileURLToPath(new URL('../../../../../tests/fixtures/onet', import.meta.url))

const FORKLIFT = '53-7051.00'
const CARE = '31-1131.00'
const SOFTWARE = '15-1252.00'

let handle: DatabaseHandle
let scratch: string
beforeAll(async () => {
  handle = await createTestDatabase()
  scratch = mkdtempSync(join(tmpdir(), 'cite-onet-'))
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

function edit(folder: string, file: string, change: (text: string) => string) {
  const path = join(folder, file)
  writeFileSync(path, change(readFileSync(path, 'utf8')))
}

async function onetOccupation(code: string) {
  const [row] = await handle.db
    .select()
    .from(occupation)
    .where(and(eq(occupation.taxonomy, 'onet'), eq(occupation.code, code)))
  return row
}

async function tableCounts() {
  const { db } = handle
  const [[o], [l], [s], [os], [t], [k]] = await Promise.all([
    db.select({ n: count() }).from(occupation),
    db.select({ n: count() }).from(occupationLabel),
    db.select({ n: count() }).from(skill),
    db.select({ n: count() }).from(occupationSkill),
    db.select({ n: count() }).from(occupationTask),
    db.select({ n: count() }).from(occupationLink),
  ])
  return {
    occupations: o?.n,
    labels: l?.n,
    skills: s?.n,
    occupationSkills: os?.n,
    tasks: t?.n,
    links: k?.n,
  }
}

describe('O*NET import', () => {
  it('imports occupations with their titles, tasks, interests, job zones, related occupations and technologies', async () => {
    const progress: number[] = []
    const summary = await importOnet({
      db: handle.db,
      folder: fixture,
      onProgress: ({ bytes, totalBytes }) => progress.push(bytes / totalBytes),
    })
    expect(summary).toMatchObject({
      source: 'onet',
      release: '29.3',
      counts: {
        occupations: 3,
        // 3 titles, 8 alternate and reported titles (one reported twice), 2 short titles.
        labels: 13,
        skills: 5,
        occupationSkills: 6,
        tasks: 7,
        links: 4,
        removed: 0,
        // An alternate title, a technology and two related occupations of an occupation not in the release.
        skipped: 4,
      },
    })
    expect(progress.at(-1)).toBe(1)

    const forklift = await onetOccupation(FORKLIFT)
    expect(forklift).toMatchObject({
      title: { en: 'Industrial Truck and Tractor Operators' },
      description: {
        en: 'Drive trucks or tractors fitted with forks or lifts to move goods around warehouses, yards or factories.',
      },
      access: {},
      // The third high point is 0: none.
      riasec: 'RC',
      riasecScores: { R: 6.5, I: 1.6, A: 1, S: 1.25, E: 1.3, C: 3.9 },
      preparation: 2,
      parentCode: null,
      release: '29.3',
    })
    expect(await onetOccupation(CARE)).toMatchObject({ riasec: 'SRC', preparation: 2 })
    expect(await onetOccupation(SOFTWARE)).toMatchObject({ riasec: 'ICR', preparation: 4 })

    const labels = await handle.db
      .select({
        label: occupationLabel.label,
        kind: occupationLabel.kind,
        language: occupationLabel.language,
      })
      .from(occupationLabel)
      .where(eq(occupationLabel.occupationId, forklift?.id ?? ''))
    expect(labels).toHaveLength(5)
    expect(labels).toEqual(
      expect.arrayContaining([
        { label: 'Industrial Truck and Tractor Operators', kind: 'preferred', language: 'en' },
        { label: 'Forklift Operator', kind: 'alternative', language: 'en' },
        { label: 'Powered Industrial Truck Operator (PIT Operator)', kind: 'alternative', language: 'en' },
        { label: 'PIT Operator', kind: 'hidden', language: 'en' },
        { label: 'Forklift Driver', kind: 'alternative', language: 'en' },
      ]),
    )

    // In the file's order, whatever their ids; a cell quoted the CSV way is unwrapped.
    const tasks = await handle.db
      .select({ text: occupationTask.text, core: occupationTask.core })
      .from(occupationTask)
      .where(eq(occupationTask.occupationId, forklift?.id ?? ''))
      .orderBy(asc(occupationTask.position))
    expect(tasks).toEqual([
      { text: { en: 'Move loads on pallets between docks, racks and trucks, using forklifts.' }, core: true },
      { text: { en: 'Carry out "pre-shift" checks of brakes, horn, forks and fluid levels.' }, core: true },
      { text: { en: 'Clean and refuel trucks at the end of the shift.' }, core: false },
    ])
    // A task never rated (no type) is not demoted.
    const care = await onetOccupation(CARE)
    const careTasks = await handle.db
      .select({ core: occupationTask.core })
      .from(occupationTask)
      .where(eq(occupationTask.occupationId, care?.id ?? ''))
      .orderBy(asc(occupationTask.position))
    expect(careTasks).toEqual([{ core: true }, { core: true }])

    const related = await handle.db
      .select({ code: occupation.code, kind: occupationLink.kind, rank: occupationLink.rank })
      .from(occupationLink)
      .innerJoin(occupation, eq(occupation.id, occupationLink.toId))
      .where(eq(occupationLink.fromId, forklift?.id ?? ''))
      .orderBy(asc(occupationLink.rank))
    expect(related).toEqual([
      { code: CARE, kind: 'related', rank: 4 },
      { code: SOFTWARE, kind: 'related', rank: 17 },
    ])

    const technologies = await handle.db
      .select({
        code: skill.code,
        kind: skill.kind,
        label: skill.label,
        category: skill.category,
        essential: occupationSkill.essential,
      })
      .from(occupationSkill)
      .innerJoin(skill, eq(skill.id, occupationSkill.skillId))
      .where(eq(occupationSkill.occupationId, forklift?.id ?? ''))
      .orderBy(asc(occupationSkill.position))
    expect(technologies).toEqual([
      {
        code: 'technology/43231511/Warehouse management system WMS',
        kind: 'technology',
        label: { en: 'Warehouse management system WMS' },
        category: { en: 'Inventory management software' },
        // In demand in this occupation's job postings.
        essential: true,
      },
      {
        code: 'technology/43232110/Microsoft Excel',
        kind: 'technology',
        label: { en: 'Microsoft Excel' },
        category: { en: 'Spreadsheet software' },
        essential: false,
      },
    ])
    // One skill for the technology every occupation listing it shares.
    const [excel] = await handle.db
      .select({ n: count() })
      .from(occupationSkill)
      .innerJoin(skill, eq(skill.id, occupationSkill.skillId))
      .where(eq(skill.code, 'technology/43232110/Microsoft Excel'))
    expect(excel?.n).toBe(2)

    const runs = await handle.db.select().from(importRun).where(eq(importRun.source, 'onet'))
    expect(runs.at(-1)).toMatchObject({ release: '29.3', counts: summary.counts })
  })

  it('imports the same release again without duplicating anything, and a newer one in place', async () => {
    await importOnet({ db: handle.db, folder: fixture })
    const before = await tableCounts()
    const careId = (await onetOccupation(CARE))?.id
    await importOnet({ db: handle.db, folder: fixture })
    expect(await tableCounts()).toEqual(before)
    expect((await onetOccupation(CARE))?.id).toBe(careId)

    // The next release renames an occupation and withdraws another.
    const newer = copyOfFixture('newer')
    edit(newer, 'Read Me.txt', (text) => text.replace('O*NET 29.3 Database', 'O*NET 30.0 Database'))
    edit(newer, 'Occupation Data.txt', (text) =>
      text
        .replace('\tSoftware Developers\t', '\tSoftware Developers and Engineers\t')
        .split('\n')
        .filter((line) => !line.startsWith(FORKLIFT))
        .join('\n'),
    )
    const summary = await importOnet({ db: handle.db, folder: newer })
    expect(summary).toMatchObject({ release: '30.0', counts: { occupations: 2, removed: 1 } })
    expect(await onetOccupation(SOFTWARE)).toMatchObject({
      title: { en: 'Software Developers and Engineers' },
      release: '30.0',
    })
    expect(await onetOccupation(FORKLIFT)).toBeUndefined()
    expect((await onetOccupation(CARE))?.id).toBe(careId)
    // Links to the withdrawn occupation went with it.
    const links = await handle.db.select({ n: count() }).from(occupationLink)
    expect(links[0]?.n).toBe(0)
    await importOnet({ db: handle.db, folder: fixture })
  })

  it('stops at a record with a cell missing, says where, and leaves the previous import whole', async () => {
    await importOnet({ db: handle.db, folder: fixture })
    const before = await tableCounts()
    const damaged = copyOfFixture('damaged')
    edit(damaged, 'Task Statements.txt', (text) =>
      text.replace(
        'Clean and refuel trucks at the end of the shift.\tSupplemental',
        'Clean and refuel trucks',
      ),
    )
    const failure = await importOnet({ db: handle.db, folder: damaged }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ImportError)
    expect((failure as ImportError).message).toMatch(
      /^Task Statements\.txt:8: this record does not have as many cells as the header/,
    )
    expect(await tableCounts()).toEqual(before)
  })

  it('names the missing columns of a file it cannot read, and refuses a job zone out of range', async () => {
    const odd = copyOfFixture('odd')
    edit(odd, 'Job Zones.txt', (text) => text.replace('\tJob Zone\t', '\tZone\t'))
    await expect(importOnet({ db: handle.db, folder: odd })).rejects.toThrow(
      'Job Zones.txt:2: missing column(s): Job Zone',
    )
    const zone = copyOfFixture('zone')
    edit(zone, 'Job Zones.txt', (text) => text.replace('Nursing Assistants\t2\t', 'Nursing Assistants\t7\t'))
    await expect(importOnet({ db: handle.db, folder: zone })).rejects.toThrow(
      'Job Zones.txt:3: job zone "7" is not 1 to 5',
    )
  })

  it('imports a folder with only the occupations, and refuses one without them', async () => {
    const bare = join(scratch, 'bare')
    mkdirSync(bare)
    cpSync(join(fixture, 'Occupation Data.txt'), join(bare, 'Occupation Data.txt'))
    const summary = await importOnet({ db: handle.db, folder: bare })
    expect(summary).toMatchObject({
      release: 'unknown',
      counts: { occupations: 3, labels: 3, skills: 0, tasks: 0, links: 0, skipped: 0 },
    })
    expect(await onetOccupation(FORKLIFT)).toMatchObject({
      riasec: null,
      riasecScores: null,
      preparation: null,
    })

    await expect(importOnet({ db: handle.db, folder: join(scratch, 'nowhere') })).rejects.toThrow(
      /is not a readable folder/,
    )
    const empty = join(scratch, 'empty')
    mkdirSync(empty)
    writeFileSync(join(empty, 'Task Statements.txt'), 'O*NET-SOC Code\tTask\n')
    await expect(importOnet({ db: handle.db, folder: empty })).rejects.toThrow(
      /is not an O\*NET text database folder: Occupation Data\.txt not found$/,
    )
    await importOnet({ db: handle.db, folder: fixture })
  })
})
