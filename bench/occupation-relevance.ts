import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, eq } from 'drizzle-orm'
import MiniSearch from 'minisearch'
import { openDatabase } from '../src/server/db/client'
import { occupation, occupationLabel } from '../src/server/db/schema/occupations'
import { readCsv } from '../src/server/modules/occupations/import/csv'
import { importEsco } from '../src/server/modules/occupations/import/esco'
import { genderForms } from '../src/server/modules/occupations/import/gender-forms'
import { importRome } from '../src/server/modules/occupations/import/rome'
import { searchOccupations } from '../src/server/modules/occupations/search'
import { searchForm } from '../src/server/modules/occupations/search-form'
import { printTable } from './support/figures'

/**
 * Relevance of occupation search on the real reference data. Before importing, about one job title in
 * ten is set aside — ROME appellations (French) and ESCO alternative labels (French and English) — and
 * becomes a query whose right answer is the occupation it was taken from; the rest is imported as usual.
 * Each query is asked as written and with one typo, of `occupations/search` (restricted to the query's
 * source) and of a MiniSearch index (fuzzy and prefix matching, titles boosted over other names) built
 * from exactly the same imported names: the baseline. Figures: recall@1, recall@5 and mean reciprocal
 * rank over the first 10 results. Needs the data sets under ../shared/data.
 */

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url))
const HELD_OUT = 0.1
/** Queries asked per set: enough for stable figures, few enough to run in a minute or two. */
const SAMPLE = 300
const TOP = 10
const TARGETS = { recallAt5Gain: 10, typoLoss: 10 }

/** A small seeded generator (mulberry32): the same queries and typos on every run. */
export function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Query = { text: string; language: string; taxonomy: 'rome' | 'esco'; code: string }

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`
const csvLine = (values: string[]) => `${values.map(quote).join(',')}\n`

async function rows(path: string) {
  const all: Record<string, string>[] = []
  for await (const { record } of readCsv(path, { delimiter: ',', quoted: true })) all.push(record)
  return all
}

/** The ROME folder without one appellation in ten; those become French queries. */
export async function holdOutRome(target: string, next: () => number): Promise<Query[]> {
  const source = join(DATA, 'rome/RefRomeCsv_v460')
  mkdirSync(target)
  const file = 'unix_referentiel_appellation_v460_utf8.csv'
  for (const name of readdirSync(source))
    if (name !== file) symlinkSync(join(source, name), join(target, name))
  const fiches = new Map(
    (await rows(join(source, 'unix_referentiel_code_rome_v460_utf8.csv'))).map((r) => [
      r.code_rome,
      r.libelle_rome,
    ]),
  )
  const records = await rows(join(source, file))
  const header = Object.keys(records[0] ?? {})
  let kept = csvLine(header)
  const queries: Query[] = []
  for (const record of records) {
    const title = fiches.get(record.code_rome ?? '') ?? ''
    const long = record.libelle_appellation_long ?? ''
    if (searchForm(long) !== searchForm(title) && next() < HELD_OUT) {
      const forms = genderForms(long)
      queries.push({
        text: forms[Math.floor(next() * forms.length)] ?? long,
        language: 'fr',
        taxonomy: 'rome',
        code: record.code_rome ?? '',
      })
    } else kept += csvLine(header.map((column) => record[column] ?? ''))
  }
  writeFileSync(join(target, file), kept)
  return queries
}

/** An ESCO folder (English v1.1.1, French v1.0) without one alternative label in ten per language. */
export async function holdOutEsco(target: string, next: () => number): Promise<Query[]> {
  mkdirSync(target)
  const official = join(DATA, 'esco/v1.1.1')
  symlinkSync(join(official, 'skills_en.csv'), join(target, 'skills_en.csv'))
  symlinkSync(join(official, 'occupationSkillRelations.csv'), join(target, 'occupationSkillRelations.csv'))
  symlinkSync(join(DATA, 'esco/v1.0.x-fr-es/skills_fr.csv'), join(target, 'skills_fr.csv'))
  const queries: Query[] = []
  for (const [language, path] of [
    ['en', join(official, 'occupations_en.csv')],
    ['fr', join(DATA, 'esco/v1.0.x-fr-es/occupations_fr.csv')],
  ] as const) {
    const records = await rows(path)
    const header = Object.keys(records[0] ?? {})
    let kept = csvLine(header)
    for (const record of records) {
      const title = searchForm(record.preferredLabel ?? '')
      const alternatives = (record.altLabels ?? '').split('\n').filter(Boolean)
      const remaining: string[] = []
      for (const label of alternatives) {
        if (searchForm(label) !== title && next() < HELD_OUT)
          queries.push({ text: label, language, taxonomy: 'esco', code: record.conceptUri ?? '' })
        else remaining.push(label)
      }
      kept += csvLine(
        header.map((column) => (column === 'altLabels' ? remaining.join('\n') : (record[column] ?? ''))),
      )
    }
    writeFileSync(join(target, `occupations_${language}.csv`), kept)
  }
  return queries
}

/** One edit in a word of four letters or more: a letter dropped, doubled, swapped or replaced. */
export function typo(text: string, next: () => number): string {
  const words = text.split(' ')
  const candidates = words.map((word, index) => ({ word, index })).filter(({ word }) => word.length >= 4)
  const chosen = candidates[Math.floor(next() * candidates.length)]
  if (!chosen) return text
  const { word } = chosen
  const at = 1 + Math.floor(next() * (word.length - 2))
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  const kind = Math.floor(next() * 4)
  const edited =
    kind === 0
      ? word.slice(0, at) + word.slice(at + 1)
      : kind === 1
        ? word.slice(0, at) + word[at] + word.slice(at)
        : kind === 2
          ? word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2)
          : word.slice(0, at) + letters[Math.floor(next() * 26)] + word.slice(at + 1)
  words[chosen.index] = edited
  return words.join(' ')
}

type Scores = { at1: number; at5: number; mrr: number }

function score(ranks: (number | null)[]): Scores {
  const n = ranks.length || 1
  return {
    at1: (ranks.filter((rank) => rank === 1).length / n) * 100,
    at5: (ranks.filter((rank) => rank !== null && rank <= 5).length / n) * 100,
    mrr: ranks.reduce<number>((sum, rank) => sum + (rank ? 1 / rank : 0), 0) / n,
  }
}

export async function run() {
  const next = random(20261124)
  const work = mkdtempSync(join(tmpdir(), 'cite-relevance-'))
  const handle = await openDatabase({ dataDir: join(work, 'db') })
  try {
    console.log('Occupation search relevance: held-out job titles as queries, ours against MiniSearch')
    const romeQueries = await holdOutRome(join(work, 'rome'), next)
    const escoQueries = await holdOutEsco(join(work, 'esco-v1.1.1'), next)
    await handle.migrate()
    await importRome({ db: handle.db, folder: join(work, 'rome') })
    await importEsco({ db: handle.db, folder: join(work, 'esco-v1.1.1') })
    console.log(
      `  held out ${romeQueries.length} ROME titles and ${escoQueries.length} ESCO labels; imported the rest`,
    )

    const sets = [
      { name: 'French, ROME job titles', queries: romeQueries },
      { name: 'French, ESCO labels', queries: escoQueries.filter((q) => q.language === 'fr') },
      { name: 'English, ESCO labels', queries: escoQueries.filter((q) => q.language === 'en') },
    ]
    const table: string[][] = []
    const verdicts: string[] = []
    for (const set of sets) {
      const sample = [...set.queries].sort(() => next() - 0.5).slice(0, SAMPLE)
      const [first] = sample
      if (!first) continue
      const { taxonomy, language } = first
      const baseline = await buildBaseline(handle.db, taxonomy, language)
      const results: Record<string, Scores> = {}
      for (const withTypo of [false, true]) {
        const ours: (number | null)[] = []
        const theirs: (number | null)[] = []
        for (const query of sample) {
          const text = withTypo ? typo(query.text, next) : query.text
          const hits = await searchOccupations({ db: handle.db, q: text, language, taxonomy, limit: TOP })
          const rank = hits.findIndex((hit) => hit.code === query.code)
          ours.push(rank === -1 ? null : rank + 1)
          const found = baseline.search(text).slice(0, TOP)
          const baseRank = found.findIndex((hit) => hit.id === query.code)
          theirs.push(baseRank === -1 ? null : baseRank + 1)
        }
        console.log(`  ${set.name}${withTypo ? ', one typo each' : ''}: ${sample.length} queries asked`)
        results[`ours${withTypo ? '+typo' : ''}`] = score(ours)
        results[`base${withTypo ? '+typo' : ''}`] = score(theirs)
      }
      for (const [engine, label] of [
        ['ours', 'Cité'],
        ['base', 'MiniSearch'],
      ] as const) {
        const clean = results[engine]
        const typos = results[`${engine}+typo`]
        if (!clean || !typos) continue
        table.push([
          set.name,
          label,
          String(sample.length),
          `${clean.at1.toFixed(1)} %`,
          `${clean.at5.toFixed(1)} %`,
          clean.mrr.toFixed(3),
          `${typos.at1.toFixed(1)} %`,
          `${typos.at5.toFixed(1)} %`,
          typos.mrr.toFixed(3),
        ])
      }
      const ours = results.ours
      const oursTypo = results['ours+typo']
      const base = results.base
      if (ours && oursTypo && base) {
        const gain = ours.at5 - base.at5
        const loss = ours.at5 - oursTypo.at5
        verdicts.push(
          `${set.name}: recall@5 ${gain >= 0 ? '+' : ''}${gain.toFixed(1)} points over MiniSearch (target ≥ +${TARGETS.recallAt5Gain}), ` +
            `${loss.toFixed(1)} points lost with a typo (target ≤ ${TARGETS.typoLoss})`,
        )
      }
    }
    printTable(
      ['queries', 'engine', 'asked', 'recall@1', 'recall@5', 'MRR', 'typo r@1', 'typo r@5', 'typo MRR'],
      table,
    )
    console.log(`\n${verdicts.join('\n')}`)
  } finally {
    await handle.close()
    rmSync(work, { recursive: true, force: true })
  }
}

/** MiniSearch over the same names the database holds for one source and language. */
async function buildBaseline(
  db: Awaited<ReturnType<typeof openDatabase>>['db'],
  taxonomy: string,
  language: string,
) {
  const labels = await db
    .select({ code: occupation.code, label: occupationLabel.label, kind: occupationLabel.kind })
    .from(occupationLabel)
    .innerJoin(occupation, eq(occupation.id, occupationLabel.occupationId))
    .where(and(eq(occupation.taxonomy, taxonomy), eq(occupationLabel.language, language)))
  const documents = new Map<string, { id: string; title: string; names: string[] }>()
  for (const row of labels) {
    const document = documents.get(row.code) ?? { id: row.code, title: '', names: [] }
    if (row.kind === 'preferred') document.title = row.label
    else document.names.push(row.label)
    documents.set(row.code, document)
  }
  const index = new MiniSearch<{ id: string; title: string; names: string }>({
    fields: ['title', 'names'],
    processTerm: (term) => searchForm(term),
    searchOptions: { boost: { title: 2 }, fuzzy: 0.2, prefix: true },
  })
  index.addAll([...documents.values()].map((d) => ({ id: d.id, title: d.title, names: d.names.join(' | ') })))
  return index
}
