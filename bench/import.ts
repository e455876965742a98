import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { printTable } from './support/figures'

/**
 * Importing the real reference data, as a centre would: `cdm import <source> <folder>` for each source
 * in turn into one embedded database, each a process of its own. Figures: wall time per source and in
 * all, and each process's peak resident memory (the kernel's high-water mark, read while it runs).
 * ESCO's folder joins the official English download with the French labels, as a centre would gather
 * the language files it wants. Needs the data sets under ../shared/data.
 */

const root = fileURLToPath(new URL('..', import.meta.url))
const DATA = join(root, '../shared/data')
const TARGETS = { seconds: 180, mib: 1024 }

/** ESCO as one folder: the v1.1.1 English files and the French ones beside them. */
function escoFolder(work: string) {
  const folder = join(work, 'esco-v1.1.1')
  mkdirSync(folder)
  for (const name of ['occupations_en.csv', 'skills_en.csv', 'occupationSkillRelations.csv'])
    symlinkSync(join(DATA, 'esco/v1.1.1', name), join(folder, name))
  for (const name of ['occupations_fr.csv', 'skills_fr.csv'])
    symlinkSync(join(DATA, 'esco/v1.0.x-fr-es', name), join(folder, name))
  return folder
}

function peakKiB(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return Number(match?.[1] ?? 0)
  } catch {
    return 0
  }
}

/** One `cdm import`, its summary line, its time and its peak memory. */
function importOnce(source: string, folder: string, dataDir: string) {
  return new Promise<{ seconds: number; peakMiB: number; summary: string }>((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', source, folder], {
      cwd: root,
      env: { ...process.env, CDM_DATA_DIR: dataDir, DATABASE_URL: '', CDM_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    let peak = 0
    const watch = setInterval(() => {
      if (child.pid) peak = Math.max(peak, peakKiB(child.pid))
    }, 50)
    child.on('exit', (code) => {
      clearInterval(watch)
      const seconds = (performance.now() - started) / 1000
      if (code !== 0) return reject(new Error(`import ${source} failed (${code}):\n${output}`))
      const summary = output.split('\n').find((line) => line.includes(' imported in ')) ?? ''
      resolve({ seconds, peakMiB: peak / 1024, summary })
    })
  })
}

export async function run() {
  const work = mkdtempSync(join(tmpdir(), 'cite-import-'))
  try {
    const sources = [
      ['rome', join(DATA, 'rome/RefRomeCsv_v460')],
      ['esco', escoFolder(work)],
      ['onet', join(DATA, 'onet')],
    ] as const
    console.log('Import of the reference data, one `cdm import` per source into one embedded database')
    const rows: string[][] = []
    let total = 0
    let peak = 0
    for (const [source, folder] of sources) {
      const result = await importOnce(source, folder, join(work, 'data'))
      console.log(`  ${result.summary}`)
      total += result.seconds
      peak = Math.max(peak, result.peakMiB)
      rows.push([source, `${result.seconds.toFixed(1)} s`, `${Math.round(result.peakMiB)} MiB`])
    }
    rows.push(['all', `${total.toFixed(1)} s`, `${Math.round(peak)} MiB (highest)`])
    printTable(['source', 'time (process)', 'peak memory'], rows)
    console.log(
      `\nnode ${process.version}. Targets: all sources ≤ ${TARGETS.seconds} s and ≤ ${TARGETS.mib} MiB.` +
        ' Times include starting the process and opening the database.',
    )
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
