import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from '../../../db/client'
import type { LocalizedText } from '../../../db/schema/centres'
import { ImportError, readCsv, requireColumns } from './csv'
import {
  type ImportedOccupation,
  type ImportedSkill,
  type ImportProgress,
  type ImportSummary,
  replaceTaxonomy,
  trackBytes,
} from './write'

/** The files of the O*NET text database this importer reads, by their names in the download. */
const FILES = {
  occupations: 'Occupation Data.txt',
  alternateTitles: 'Alternate Titles.txt',
  reportedTitles: 'Sample of Reported Titles.txt',
  tasks: 'Task Statements.txt',
  interests: 'Interests.txt',
  jobZones: 'Job Zones.txt',
  related: 'Related Occupations.txt',
  technology: 'Technology Skills.txt',
} as const
type FileKey = keyof typeof FILES
const REQUIRED: readonly FileKey[] = ['occupations']
const README = 'Read Me.txt'

const CSV = { delimiter: '\t', quoted: false } as const
const CODE = 'O*NET-SOC Code'

/** Holland letters by the `Element Name` of the `OI` (occupational interests) rows of `Interests.txt`. */
const LETTER_BY_INTEREST: Record<string, string> = {
  Realistic: 'R',
  Investigative: 'I',
  Artistic: 'A',
  Social: 'S',
  Enterprising: 'E',
  Conventional: 'C',
}
/** The `IH` (high-point) rows: which of the three letters, and the letter by value (1 = R … 6 = C, 0 = none). */
const HIGH_POINTS = ['First Interest High-Point', 'Second Interest High-Point', 'Third Interest High-Point']
const LETTER_BY_HIGH_POINT = ' RIASEC'

/** Finds the release's files in a folder (`Occupation Data.txt` at least) and its number in `Read Me.txt`. */
async function locate(folder: string) {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    throw new ImportError(null, null, `${folder} is not a readable folder`)
  }
  const paths: Partial<Record<FileKey, string>> = {}
  for (const [key, name] of Object.entries(FILES) as [FileKey, string][]) {
    if (names.includes(name)) paths[key] = join(folder, name)
  }
  const missing = REQUIRED.filter((key) => !paths[key])
  if (missing.length) {
    const expected = missing.map((key) => FILES[key]).join(', ')
    throw new ImportError(null, null, `${folder} is not an O*NET text database folder: ${expected} not found`)
  }
  let release = 'unknown'
  if (names.includes(README)) {
    const text = await readFile(join(folder, README), 'utf8')
    release = /O\*NET\s+(\d+(?:\.\d+)*)\s+Database/i.exec(text)?.[1] ?? release
  }
  return { paths, release }
}

/** Every record of one file, its columns checked on the first one. */
async function* records(path: string | undefined, columns: readonly string[], onBytes: (n: number) => void) {
  if (!path) return
  let checked = false
  for await (const { record, line } of readCsv(path, CSV, onBytes)) {
    if (!checked) {
      requireColumns(fileName(path), line, record, columns)
      checked = true
    }
    yield { record, line }
  }
}

const fileName = (path: string) => path.split('/').pop() ?? path

/**
 * A cell as O*NET means it. The files have no quoting, except that the few cells holding a `"` are
 * written the CSV way (`"Perform ""preflight"" check…"`): those are unwrapped.
 */
function cell(value: string | undefined): string {
  const text = (value ?? '').trim()
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"'))
    return text.slice(1, -1).replaceAll('""', '"')
  return text
}

/** O*NET writes `n/a` for an absent short title. */
const present = (text: string) => (text && text.toLowerCase() !== 'n/a' ? text : '')

const en = (text: string): LocalizedText => (text ? { en: text } : {})

/**
 * Imports the O*NET text database (the tab-separated `db_<release>_text` download of the U.S. Department
 * of Labor): occupations with their titles and descriptions, alternate, short and reported job titles,
 * task statements in order, RIASEC scores and high-point letters, job zones, related occupations and
 * technology skills. Only `Occupation Data.txt` is required; every other file is used when present.
 * Everything is read and checked first, then written in one transaction: a malformed file leaves the
 * database as it was.
 */
export async function importOnet(options: {
  db: Database
  folder: string
  onProgress?: (progress: ImportProgress) => void
}): Promise<ImportSummary> {
  const started = new Date()
  const { paths, release } = await locate(options.folder)
  const bytes = await trackBytes(Object.values(paths), options.onProgress)

  const occupations = new Map<string, ImportedOccupation>()
  for await (const { record, line } of records(
    paths.occupations,
    [CODE, 'Title', 'Description'],
    bytes.add('occupations'),
  )) {
    const code = cell(record[CODE])
    const title = cell(record.Title)
    if (!code || !title) throw new ImportError(FILES.occupations, line, 'an occupation without code or title')
    occupations.set(code, {
      code,
      title: { en: title },
      description: en(cell(record.Description)),
      access: {},
      parentCode: null,
      labels: [{ language: 'en', label: title, kind: 'preferred', rare: false }],
      skills: [],
      tasks: [],
      links: [],
    })
  }

  let skipped = 0
  for await (const { record } of records(
    paths.alternateTitles,
    [CODE, 'Alternate Title', 'Short Title'],
    bytes.add('alternate titles'),
  )) {
    const target = occupations.get(cell(record[CODE]))
    if (!target) {
      skipped++
      continue
    }
    target.labels.push({
      language: 'en',
      label: cell(record['Alternate Title']),
      kind: 'alternative',
      rare: false,
    })
    const short = present(cell(record['Short Title']))
    if (short) target.labels.push({ language: 'en', label: short, kind: 'hidden', rare: false })
  }

  for await (const { record } of records(
    paths.reportedTitles,
    [CODE, 'Reported Job Title'],
    bytes.add('reported titles'),
  )) {
    const target = occupations.get(cell(record[CODE]))
    if (!target) {
      skipped++
      continue
    }
    target.labels.push({
      language: 'en',
      label: cell(record['Reported Job Title']),
      kind: 'alternative',
      rare: false,
    })
  }

  for await (const { record } of records(paths.tasks, [CODE, 'Task', 'Task Type'], bytes.add('tasks'))) {
    const target = occupations.get(cell(record[CODE]))
    const text = cell(record.Task)
    if (!target) {
      skipped++
      continue
    }
    if (!text) continue
    // Tasks are `Core` or `Supplemental` by their incumbent ratings; those never rated (a blank type,
    // often every task of an occupation described by analysts only) are not demoted.
    target.tasks?.push({ text: { en: text }, core: cell(record['Task Type']) !== 'Supplemental' })
  }

  const highPoints = new Map<string, string[]>()
  for await (const { record, line } of records(
    paths.interests,
    [CODE, 'Element Name', 'Scale ID', 'Data Value'],
    bytes.add('interests'),
  )) {
    const code = cell(record[CODE])
    const target = occupations.get(code)
    if (!target) {
      skipped++
      continue
    }
    const name = cell(record['Element Name'])
    const value = Number(cell(record['Data Value']))
    const scale = cell(record['Scale ID'])
    if (scale !== 'OI' && scale !== 'IH') continue
    if (!Number.isFinite(value))
      throw new ImportError(FILES.interests, line, `"${record['Data Value']}" is not a number`)
    if (scale === 'OI') {
      const letter = LETTER_BY_INTEREST[name]
      if (letter) target.riasecScores = { ...target.riasecScores, [letter]: value }
    } else {
      const position = HIGH_POINTS.indexOf(name)
      if (position < 0) continue
      const letters = highPoints.get(code) ?? ['', '', '']
      letters[position] = LETTER_BY_HIGH_POINT[value]?.trim() ?? ''
      highPoints.set(code, letters)
    }
  }
  for (const [code, letters] of highPoints) {
    const target = occupations.get(code)
    if (target) target.riasec = letters.join('') || null
  }

  for await (const { record, line } of records(paths.jobZones, [CODE, 'Job Zone'], bytes.add('job zones'))) {
    const target = occupations.get(cell(record[CODE]))
    if (!target) {
      skipped++
      continue
    }
    const zone = Number(cell(record['Job Zone']))
    if (!Number.isInteger(zone) || zone < 1 || zone > 5)
      throw new ImportError(FILES.jobZones, line, `job zone "${record['Job Zone']}" is not 1 to 5`)
    target.preparation = zone
  }

  for await (const { record } of records(
    paths.related,
    [CODE, 'Related O*NET-SOC Code'],
    bytes.add('related occupations'),
  )) {
    const target = occupations.get(cell(record[CODE]))
    const related = cell(record['Related O*NET-SOC Code'])
    if (!target || !occupations.has(related)) {
      skipped++
      continue
    }
    // `Index` ranks the twenty related occupations across their tiers (Primary-Short 1–5,
    // Primary-Long 6–10, Supplemental 11–20); the file's order stands in when it is missing.
    const index = Number(cell(record.Index))
    target.links.push({
      code: related,
      kind: 'related',
      rank: record.Index && Number.isFinite(index) ? index : target.links.length + 1,
    })
  }

  const skills = new Map<string, ImportedSkill>()
  for await (const { record } of records(
    paths.technology,
    [CODE, 'Example', 'Commodity Code', 'Commodity Title'],
    bytes.add('technology skills'),
  )) {
    const target = occupations.get(cell(record[CODE]))
    const example = cell(record.Example)
    if (!target) {
      skipped++
      continue
    }
    if (!example) continue
    // The same product may be listed under several commodities: the pair is the key.
    const code = `technology/${cell(record['Commodity Code'])}/${example}`
    if (!skills.has(code)) {
      skills.set(code, {
        code,
        kind: 'technology',
        label: { en: example },
        description: {},
        category: en(cell(record['Commodity Title'])),
      })
    }
    // Essential: what employers' job postings for this very occupation ask for (`In Demand`). `Hot
    // Technology` says the same of all postings, whatever the occupation, so it only stands in for
    // releases without `In Demand` (before 27.1). The rest is listed as optional.
    const flag = record['In Demand'] ?? record['Hot Technology']
    target.skills.push({ code, essential: cell(flag) === 'Y' })
  }

  return replaceTaxonomy({
    db: options.db,
    source: 'onet',
    release,
    started,
    occupations: [...occupations.values()],
    skills: [...skills.values()],
    skipped,
  })
}
