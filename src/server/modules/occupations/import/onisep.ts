import { readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../../../db/client'
import { importRun, occupation } from '../../../db/schema/occupations'
import {
  type ImportedTraining,
  ONISEP_TRAININGS,
  replaceImportedTrainings,
} from '../../trainings/imported-trainings'
import { ImportError, readCsv, requireColumns } from './csv'
import { genderForms } from './gender-forms'
import {
  type ImportedOccupation,
  type ImportProgress,
  type ImportSummary,
  replaceTaxonomy,
  trackBytes,
} from './write'

/** ONISEP's open data files, by the names they are downloaded under, and the data sets they are. */
const FILES = {
  occupations: 'ideo-metiers_onisep.csv',
  trainings: 'ideo-formations_initiales_en_france.csv',
} as const
type FileKey = keyof typeof FILES
export const ONISEP_DATA_SETS: Record<FileKey, string> = {
  occupations: 'Idéo-Métiers Onisep',
  trainings: ONISEP_TRAININGS,
}

const CSV = { delimiter: ';', quoted: true } as const
const DOMAINS = 'domaine/sous-domaine'
const LINK = 'lien site onisep.fr'
const OCCUPATION_COLUMNS = ['libellé métier', LINK, 'code ROME', DOMAINS] as const
const TRAINING_COLUMNS = [
  'libellé formation principal',
  'libellé type formation',
  'sigle type formation',
  'durée',
  'code RNCP',
  'libellé niveau RNCP',
  'tutelle',
  LINK,
  DOMAINS,
] as const
/** What ONISEP writes in a cell it has nothing for. */
const NOT_GIVEN = 'non renseigné'

/**
 * Finds the files in a folder (either or both). ONISEP's files carry no release number: the release is
 * named after the day the newest of them was downloaded (its modification date).
 */
async function locate(folder: string) {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    throw new ImportError(null, null, `${folder} is not a readable folder`)
  }
  const paths: Partial<Record<FileKey, string>> = {}
  for (const [key, name] of Object.entries(FILES) as [FileKey, string][]) {
    const found = names.find((candidate) => candidate.toLowerCase() === name)
    if (found) paths[key] = join(folder, found)
  }
  const present = Object.values(paths)
  if (present.length === 0)
    throw new ImportError(
      null,
      null,
      `${folder} holds no ONISEP open data file: ${FILES.occupations} or ${FILES.trainings} not found`,
    )
  const dates = await Promise.all(present.map(async (path) => (await stat(path)).mtime))
  const newest = new Date(Math.max(...dates.map((date) => date.getTime())))
  return { paths, release: newest.toISOString().slice(0, 10) }
}

/** Every record of one file, its columns checked on the first one. */
async function* records(path: string, columns: readonly string[], onBytes: (n: number) => void) {
  let checked = false
  for await (const { record, line } of readCsv(path, CSV, onBytes)) {
    if (!checked) {
      requireColumns(basename(path), line, record, columns)
      checked = true
    }
    yield { record, line }
  }
}

/** The id at the end of an ONISEP link (`…/slug/MET.782` → `MET.782`), or a malformed-file error. */
function onisepId(file: string, line: number, link: string | undefined, prefix: 'MET' | 'FOR') {
  const id = new RegExp(`/(${prefix}\\.\\d+)$`).exec((link ?? '').trim())?.[1]
  if (!id) throw new ImportError(file, line, `no ONISEP id (${prefix}.<number>) at the end of "${LINK}"`)
  return id
}

function required(file: string, line: number, record: Record<string, string>, column: string) {
  const value = record[column]?.trim()
  if (!value) throw new ImportError(file, line, `"${column}" is empty`)
  return value
}

/** "santé - social - sport/sport| hôtellerie - restauration - tourisme/tourisme" → both pairs. */
export function splitDomains(cell: string | undefined): string[] {
  return [
    ...new Set(
      (cell ?? '')
        .split('|')
        .map((value) => value.trim().replace(/\s+/g, ' '))
        .filter(Boolean),
    ),
  ]
}

/** ONISEP writes titles in lower case, for use inside sentences; a page heading starts with a capital. */
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('fr') + text.slice(1)

/** "niveau 5 (bac + 2)" → 5; "non inscrit au RNCP", "non renseigné" → null. */
export function parseLevel(label: string | undefined): number | null {
  const level = Number(/^niveau\s+(\d)\b/i.exec((label ?? '').trim())?.[1])
  return level >= 1 && level <= 8 ? level : null
}

/** "2 ans" → 24, "1 an" → 12, "18 mois" → 18; anything else is kept as written. */
export function parseDuration(text: string | undefined): {
  durationMonths: number | null
  durationText: string
} {
  const written = (text ?? '').trim().replace(/\s+/g, ' ')
  const match = /^(\d+(?:[.,]\d+)?) ?(ans?|années?|mois)$/i.exec(written)
  if (!match?.[1] || !match[2]) return { durationMonths: null, durationText: written }
  const amount = Number(match[1].replace(',', '.'))
  const months = Math.round(match[2].toLowerCase() === 'mois' ? amount : amount * 12)
  return months > 0
    ? { durationMonths: months, durationText: '' }
    : { durationMonths: null, durationText: written }
}

/** The métiers, one per ONISEP id: the file lists a métier once per publication that presents it. */
async function readOccupations(path: string, onBytes: (n: number) => void) {
  const file = basename(path)
  const occupations = new Map<string, ImportedOccupation>()
  for await (const { record, line } of records(path, OCCUPATION_COLUMNS, onBytes)) {
    const code = onisepId(file, line, record[LINK], 'MET')
    const title = capitalised(required(file, line, record, 'libellé métier'))
    const rome = record['code ROME']?.trim().toUpperCase() ?? ''
    if (rome && !/^[A-N]\d{4}$/.test(rome))
      throw new ImportError(file, line, `"code ROME" is not a ROME code: ${rome}`)
    const known = occupations.get(code)
    const target: ImportedOccupation = known ?? {
      code,
      title: { fr: title },
      description: {},
      access: {},
      parentCode: null,
      labels: [
        { language: 'fr', label: title, kind: 'preferred', rare: false },
        ...genderForms(title).map((form) => ({
          language: 'fr',
          label: capitalised(form),
          kind: 'hidden' as const,
          rare: false,
        })),
      ],
      skills: [],
      domains: [],
      links: [],
    }
    target.domains = [...new Set([...(target.domains ?? []), ...splitDomains(record[DOMAINS])])]
    if (rome && !target.links.some((link) => link.code === rome))
      target.links.push({ code: rome, kind: 'equivalent', rank: target.links.length, taxonomy: 'rome' })
    occupations.set(code, target)
  }
  return [...occupations.values()]
}

async function readTrainings(path: string, onBytes: (n: number) => void) {
  const file = basename(path)
  const trainings = new Map<string, ImportedTraining>()
  let skipped = 0
  for await (const { record, line } of records(path, TRAINING_COLUMNS, onBytes)) {
    const code = onisepId(file, line, record[LINK], 'FOR')
    const title = required(file, line, record, 'libellé formation principal')
    if (trainings.has(code)) {
      skipped++
      continue
    }
    const authority = record.tutelle?.trim() ?? ''
    trainings.set(code, {
      code,
      title,
      kind: record['libellé type formation']?.trim() ?? '',
      kindAcronym: record['sigle type formation']?.trim() || null,
      level: parseLevel(record['libellé niveau RNCP']),
      ...parseDuration(record.durée),
      rncpCode: record['code RNCP']?.trim() || null,
      authority: authority.toLowerCase() === NOT_GIVEN ? '' : authority,
      url: record[LINK]?.trim() || null,
      domains: splitDomains(record[DOMAINS]),
    })
  }
  return { trainings: [...trainings.values()], skipped }
}

/** How many métiers name a ROME fiche that is not imported (yet): they stay unlinked. */
async function countUnlinked(tx: Database, occupations: ImportedOccupation[]) {
  const wanted = new Set(occupations.flatMap((o) => o.links.map((link) => link.code)))
  if (wanted.size === 0) return 0
  const found = new Set<string>()
  const codes = [...wanted]
  for (let start = 0; start < codes.length; start += 1_000) {
    const rows = await tx
      .select({ code: occupation.code })
      .from(occupation)
      .where(
        and(eq(occupation.taxonomy, 'rome'), inArray(occupation.code, codes.slice(start, start + 1_000))),
      )
    for (const row of rows) found.add(row.code)
  }
  return occupations.filter((o) => o.links.some((link) => !found.has(link.code))).length
}

/**
 * Imports ONISEP's Idéo open data from a folder holding either file or both: métiers (with both gender
 * forms of their titles, their domains, and their ROME fiche when that is imported) and initial
 * trainings (kind, RNCP level, duration, authority, domains). Both are read and checked first, then
 * written in one transaction; a file that is not there leaves what it would replace as it was.
 */
export async function importOnisep(options: {
  db: Database
  folder: string
  onProgress?: (progress: ImportProgress) => void
}): Promise<ImportSummary> {
  const started = new Date()
  const { paths, release } = await locate(options.folder)
  const bytes = await trackBytes(Object.values(paths), options.onProgress)
  const occupations = paths.occupations
    ? await readOccupations(paths.occupations, bytes.add('métiers'))
    : null
  const read = paths.trainings ? await readTrainings(paths.trainings, bytes.add('formations')) : null

  const writeTrainings = async (tx: Database) =>
    read
      ? replaceImportedTrainings(tx, { source: 'onisep', release, started, trainings: read.trainings })
      : {}

  if (occupations)
    return replaceTaxonomy({
      db: options.db,
      source: 'onisep',
      release,
      started,
      occupations,
      skills: [],
      skipped: read?.skipped ?? 0,
      alsoWrite: async (tx) => ({
        romeUnlinked: await countUnlinked(tx, occupations),
        ...(await writeTrainings(tx)),
      }),
    })

  // Trainings alone: the métiers of the last import stay as they are.
  const counts = await options.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'import:onisep'}))`)
    const written = { ...(await writeTrainings(tx)), skipped: read?.skipped ?? 0 }
    await tx.insert(importRun).values({ source: 'onisep', release, counts: written, startedAt: started })
    return written
  })
  return { source: 'onisep', release, counts, durationMs: Date.now() - started.getTime() }
}
