import { readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Database } from '../../../db/client'
import { ImportError, readCsv, requireColumns } from './csv'
import { genderForms } from './gender-forms'
import {
  type ImportedOccupation,
  type ImportedSkill,
  type ImportProgress,
  type ImportSummary,
  replaceTaxonomy,
  trackBytes,
} from './write'

/** The official download's comma-separated files: quoted only when needed, line breaks inside cells. */
const CSV = { delimiter: ',', quoted: true } as const

/** Multi-valued cells (alternative and hidden labels) hold one value per line. */
const lines = (cell: string | undefined) =>
  (cell ?? '')
    .split(/\r?\n/)
    .map((value) => value.trim())
    .filter(Boolean)

/**
 * The files of an ESCO download, by language: `occupations_<lang>.csv`, `skills_<lang>.csv`, and the
 * language-independent `occupationSkillRelations.csv` (`_en` in some downloads). The release is read
 * from the folder's name (`v1.1.1`) when it carries one.
 */
async function locate(folder: string) {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    throw new ImportError(null, null, `${folder} is not a readable folder`)
  }
  const byLanguage = (prefix: string) =>
    names
      .map((name) => ({ name, match: new RegExp(`^${prefix}_([a-z]{2})\\.csv$`).exec(name) }))
      .filter((entry) => entry.match?.[1])
      .map((entry) => ({ language: entry.match?.[1] ?? '', path: join(folder, entry.name) }))
  const occupations = byLanguage('occupations')
  if (occupations.length === 0)
    throw new ImportError(
      null,
      null,
      `${folder} is not an ESCO download: no occupations_<language>.csv found`,
    )
  const relations = names.find((name) => /^occupationSkillRelations(_[a-z]{2})?\.csv$/.test(name))
  return {
    occupations,
    skills: byLanguage('skills'),
    relations: relations ? join(folder, relations) : undefined,
    release: /v\d+(\.\d+)+/.exec(basename(folder))?.[0] ?? 'ESCO',
  }
}

/**
 * Imports the European Commission's ESCO classification as downloaded in CSV: occupations with their
 * preferred, alternative and hidden labels and descriptions in every language file present, their ISCO
 * group, and their essential and optional skills and knowledge. Read whole, then written in one go.
 */
export async function importEsco(options: {
  db: Database
  folder: string
  onProgress?: (progress: ImportProgress) => void
}): Promise<ImportSummary> {
  const started = new Date()
  const files = await locate(options.folder)
  const bytes = await trackBytes(
    [...files.occupations, ...files.skills].map((f) => f.path).concat(files.relations ?? []),
    options.onProgress,
  )

  const occupations = new Map<string, ImportedOccupation>()
  for (const { language, path } of files.occupations) {
    let checked = false
    for await (const { record, line } of readCsv(path, CSV, bytes.add(`occupations (${language})`))) {
      if (!checked) {
        requireColumns(basename(path), line, record, ['conceptUri', 'preferredLabel', 'altLabels'])
        checked = true
      }
      const code = record.conceptUri ?? ''
      const title = record.preferredLabel ?? ''
      if (!code || !title) throw new ImportError(basename(path), line, 'an occupation without URI or label')
      const target = occupations.get(code) ?? {
        code,
        title: {},
        description: {},
        access: {},
        isco: null,
        parentCode: null,
        labels: [],
        skills: [],
        links: [],
      }
      target.title[language] = title
      const description = record.description || record.definition
      if (description) target.description[language] = description
      target.isco ??= record.iscoGroup || null
      target.labels.push({ language, label: title, kind: 'preferred', rare: false })
      for (const label of lines(record.altLabels))
        target.labels.push({ language, label, kind: 'alternative', rare: false })
      for (const label of [...lines(record.hiddenLabels), ...genderForms(title)])
        target.labels.push({ language, label, kind: 'hidden', rare: false })
      occupations.set(code, target)
    }
  }

  const skills = new Map<string, ImportedSkill>()
  for (const { language, path } of files.skills) {
    let checked = false
    for await (const { record, line } of readCsv(path, CSV, bytes.add(`skills (${language})`))) {
      if (!checked) {
        requireColumns(basename(path), line, record, ['conceptUri', 'skillType', 'preferredLabel'])
        checked = true
      }
      const code = record.conceptUri ?? ''
      const target = skills.get(code) ?? {
        code,
        kind: record.skillType === 'knowledge' ? 'knowledge' : 'skill',
        label: {},
        description: {},
        category: {},
      }
      target.label[language] = record.preferredLabel ?? ''
      const description = record.description || record.definition
      if (description) target.description[language] = description
      skills.set(code, target)
    }
  }

  let skipped = 0
  const used = new Set<string>()
  if (files.relations) {
    let checked = false
    for await (const { record, line } of readCsv(files.relations, CSV, bytes.add('occupation skills'))) {
      if (!checked) {
        requireColumns(basename(files.relations), line, record, ['occupationUri', 'relationType', 'skillUri'])
        checked = true
      }
      const target = occupations.get(record.occupationUri ?? '')
      const skillUri = record.skillUri ?? ''
      if (!target || !skills.has(skillUri)) {
        skipped++
        continue
      }
      used.add(skillUri)
      target.skills.push({ code: skillUri, essential: record.relationType !== 'optional' })
    }
  }
  // Essential skills first, each group in the file's order.
  for (const target of occupations.values()) {
    target.skills.sort((a, b) => Number(b.essential) - Number(a.essential))
  }

  return replaceTaxonomy({
    db: options.db,
    source: 'esco',
    release: files.release,
    started,
    occupations: [...occupations.values()],
    skills: [...skills.values()].filter((s) => used.has(s.code)),
    skipped,
  })
}
