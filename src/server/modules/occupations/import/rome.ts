import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from '../../../db/client'
import type { LocalizedText } from '../../../db/schema/centres'
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

/** The RefRomeCsv files this importer reads, by their name between `unix_` and `_v<release>_utf8.csv`. */
const FILES = {
  fiches: 'referentiel_code_rome',
  appellations: 'referentiel_appellation',
  texts: 'texte',
  riasec: 'referentiel_code_rome_riasec',
  mobility: 'rubrique_mobilite',
  links: 'liens_rome_referentiels',
  competences: 'referentiel_competence',
  knowledge: 'referentiel_savoir',
  contexts: 'referentiel_contexte_travail',
} as const
type FileKey = keyof typeof FILES
const REQUIRED: readonly FileKey[] = ['fiches', 'appellations']

const CSV = { delimiter: ',', quoted: true } as const

/** Link blocks of `liens_rome_referentiels` (see `composition_bloc` and `descriptif_rubrique`). */
const BLOCK_SKILLS = '5'
const BLOCK_CONTEXTS = '6'
const SKILL_KIND_BY_RUBRIQUE: Record<string, ImportedSkill['kind']> = {
  '1': 'skill',
  '2': 'attitude',
  '3': 'knowledge',
}

/** Finds the release's files in a folder: `unix_<name>_v<release>_utf8.csv`. */
async function locate(folder: string) {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    throw new ImportError(null, null, `${folder} is not a readable folder`)
  }
  const found = new Map<string, string>()
  let release: string | null = null
  for (const name of names) {
    const match = /^unix_(.+)_v(\d+)_utf8\.csv$/.exec(name)
    if (!match?.[1] || !match[2]) continue
    found.set(match[1], join(folder, name))
    release ??= match[2]
  }
  const paths: Partial<Record<FileKey, string>> = {}
  for (const [key, name] of Object.entries(FILES) as [FileKey, string][]) {
    const path = found.get(name)
    if (path) paths[key] = path
  }
  const missing = REQUIRED.filter((key) => !paths[key])
  if (missing.length || !release) {
    const expected = missing.map((key) => `unix_${FILES[key]}_v<release>_utf8.csv`).join(', ')
    throw new ImportError(null, null, `${folder} is not a ROME RefRomeCsv folder: ${expected} not found`)
  }
  return { paths, release: `v${release.slice(0, 1)}.${release.slice(1)}` }
}

/** Every record of one file, its columns checked on the first one. */
async function* records(path: string | undefined, columns: readonly string[], onBytes: (n: number) => void) {
  if (!path) return
  let checked = false
  for await (const { record, line } of readCsv(path, CSV, onBytes)) {
    if (!checked) {
      requireColumns(path.split('/').pop() ?? path, line, record, columns)
      checked = true
    }
    yield { record, line }
  }
}

const fr = (text: string): LocalizedText => (text ? { fr: text } : {})

/**
 * Imports France Travail's ROME 4.0 `RefRomeCsv` folder: fiches with their titles, definitions and
 * access texts, RIASEC letters, job titles (appellations) in both gender forms, competences, knowledge
 * and work contexts, and career moves between fiches. Everything is read and checked first, then
 * written in one transaction: a malformed file leaves the database as it was.
 */
export async function importRome(options: {
  db: Database
  folder: string
  onProgress?: (progress: ImportProgress) => void
}): Promise<ImportSummary> {
  const started = new Date()
  const { paths, release } = await locate(options.folder)
  const bytes = await trackBytes(Object.values(paths), options.onProgress)

  const occupations = new Map<string, ImportedOccupation>()
  for await (const { record } of records(
    paths.fiches,
    ['code_rome', 'libelle_rome', 'code_rome_parent'],
    bytes.add('fiches'),
  )) {
    const code = record.code_rome ?? ''
    const title = record.libelle_rome ?? ''
    occupations.set(code, {
      code,
      title: { fr: title },
      description: {},
      access: {},
      parentCode:
        record.code_rome_parent && record.code_rome_parent !== code ? record.code_rome_parent : null,
      labels: [
        { language: 'fr', label: title, kind: 'preferred', rare: false },
        ...genderForms(title).map((form) => ({
          language: 'fr',
          label: form,
          kind: 'hidden' as const,
          rare: false,
        })),
      ],
      skills: [],
      links: [],
    })
  }

  let skipped = 0
  for await (const { record } of records(
    paths.appellations,
    ['libelle_appellation_long', 'libelle_appellation_court', 'code_rome', 'peu_usite'],
    bytes.add('appellations'),
  )) {
    const target = occupations.get(record.code_rome ?? '')
    if (!target) {
      skipped++
      continue
    }
    const rare = record.peu_usite === 'O'
    const long = record.libelle_appellation_long ?? ''
    const short = record.libelle_appellation_court ?? ''
    target.labels.push({ language: 'fr', label: long, kind: 'alternative', rare })
    const forms = new Set([...genderForms(long), ...(short !== long ? genderForms(short) : [])])
    for (const form of forms) target.labels.push({ language: 'fr', label: form, kind: 'hidden', rare })
  }

  const texts = new Map<string, { kind: string; position: number; text: string }[]>()
  for await (const { record } of records(
    paths.texts,
    ['code_rome', 'libelle_type_texte', 'position_phrase', 'libelle_texte'],
    bytes.add('texts'),
  )) {
    const list = texts.get(record.code_rome ?? '') ?? []
    list.push({
      kind: record.libelle_type_texte ?? '',
      position: Number(record.position_phrase),
      // France Travail's texts double their apostrophes ("l''entretien"), a quoting left over from SQL.
      text: (record.libelle_texte ?? '').replaceAll("''", "'"),
    })
    texts.set(record.code_rome ?? '', list)
  }
  for (const [code, list] of texts) {
    const target = occupations.get(code)
    if (!target) continue
    const join = (kind: string) =>
      list
        .filter((entry) => entry.kind === kind)
        .sort((a, b) => a.position - b.position)
        .map((entry) => entry.text)
        .join('\n')
    target.description = fr(join('definition'))
    target.access = fr(join('acces_metier'))
  }

  for await (const { record } of records(
    paths.riasec,
    ['code_rome', 'riasec_majeur', 'riasec_mineur'],
    bytes.add('riasec'),
  )) {
    const target = occupations.get(record.code_rome ?? '')
    if (target) target.riasec = `${record.riasec_majeur ?? ''}${record.riasec_mineur ?? ''}` || null
  }

  const skills = new Map<string, ImportedSkill>()
  const catalogue = new Map<string, { label: string; description: string; category: string }>()
  for await (const { record } of records(
    paths.competences,
    ['code_ogr', 'libelle_competence', 'definition', 'cat_comp'],
    bytes.add('competences'),
  )) {
    catalogue.set(`competence/${record.code_ogr}`, {
      label: record.libelle_competence ?? '',
      description: record.definition ?? '',
      category: record.cat_comp ?? '',
    })
  }
  for await (const { record } of records(
    paths.knowledge,
    ['code_ogr_savoir', 'libelle_savoir', 'categorie_savoir'],
    bytes.add('knowledge'),
  )) {
    catalogue.set(`savoir/${record.code_ogr_savoir}`, {
      label: record.libelle_savoir ?? '',
      description: '',
      category: record.categorie_savoir ?? '',
    })
  }
  for await (const { record } of records(
    paths.contexts,
    ['code_ogr', 'libelle_cont_travail', 'libelle_type_cont_trav'],
    bytes.add('contexts'),
  )) {
    catalogue.set(`contexte/${record.code_ogr}`, {
      label: record.libelle_cont_travail ?? '',
      description: '',
      category: record.libelle_type_cont_trav ?? '',
    })
  }

  for await (const { record } of records(
    paths.links,
    ['code_rome', 'code_compo_bloc', 'code_rubrique', 'code_ogr'],
    bytes.add('links'),
  )) {
    const target = occupations.get(record.code_rome ?? '')
    const block = record.code_compo_bloc
    if (!target || (block !== BLOCK_SKILLS && block !== BLOCK_CONTEXTS)) continue
    const kind = block === BLOCK_CONTEXTS ? 'context' : SKILL_KIND_BY_RUBRIQUE[record.code_rubrique ?? '']
    if (!kind) continue
    const prefix = kind === 'context' ? 'contexte' : kind === 'knowledge' ? 'savoir' : 'competence'
    const code = `${prefix}/${record.code_ogr}`
    const known = catalogue.get(code)
    if (!known) {
      skipped++
      continue
    }
    if (!skills.has(code)) {
      skills.set(code, {
        code,
        kind,
        label: fr(known.label),
        description: fr(known.description),
        category: fr(known.category),
      })
    }
    target.skills.push({ code, essential: true })
  }

  for await (const { record } of records(
    paths.mobility,
    ['code_rome', 'code_rome_cible', 'numero_ordre'],
    bytes.add('mobility'),
  )) {
    const target = occupations.get(record.code_rome ?? '')
    if (target && occupations.has(record.code_rome_cible ?? '')) {
      target.links.push({
        code: record.code_rome_cible ?? '',
        kind: 'mobility',
        rank: Number(record.numero_ordre),
      })
    }
  }

  return replaceTaxonomy({
    db: options.db,
    source: 'rome',
    release,
    started,
    occupations: [...occupations.values()],
    skills: [...skills.values()],
    skipped,
  })
}
