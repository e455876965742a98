import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { importSources } from '../../src/server/modules/occupations/import'
import { root } from './processes'

/** The real data sets, beside the project; benchmarks need them, tests never do. */
export const DATA = join(root, '../shared/data')

/** ESCO as one folder: the v1.1.1 English files and the French ones beside them. */
function escoFolder(work: string) {
  const folder = join(work, 'esco-v1.1.1')
  mkdirSync(folder, { recursive: true })
  for (const name of ['occupations_en.csv', 'skills_en.csv', 'occupationSkillRelations.csv'])
    symlinkSync(join(DATA, 'esco/v1.1.1', name), join(folder, name))
  for (const name of ['occupations_fr.csv', 'skills_fr.csv'])
    symlinkSync(join(DATA, 'esco/v1.0.x-fr-es', name), join(folder, name))
  return folder
}

/**
 * Every source `cdm import` knows, with its folder of real data, in the order a centre imports them
 * (ROME before ONISEP, whose métiers link to ROME fiches). ESCO's folder joins the official English
 * download with the French labels, as a centre would gather the language files it wants.
 */
export function referenceSources(work: string): [source: string, folder: string][] {
  const folders: Record<string, () => string> = {
    rome: () => join(DATA, 'rome/RefRomeCsv_v460'),
    esco: () => escoFolder(work),
    onet: () => join(DATA, 'onet'),
    onisep: () => join(DATA, 'onisep'),
  }
  return Object.entries(folders)
    .filter(([source]) => (importSources as string[]).includes(source))
    .filter(([source]) => source === 'esco' || existsSync(folders[source]?.() ?? ''))
    .map(([source, folder]) => [source, folder()])
}

function peakKiB(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return Number(match?.[1] ?? 0)
  } catch {
    return 0
  }
}

/** One `cdm import` into the embedded database in `dataDir`: its summary line, time and peak memory. */
export function importOnce(source: string, folder: string, dataDir: string) {
  return new Promise<{ seconds: number; peakMiB: number; summary: string }>((resolve, reject) => {
    const started = performance.now()
    const env: NodeJS.ProcessEnv = { ...process.env, CDM_DATA_DIR: dataDir, CDM_LOG_LEVEL: 'warn' }
    // The folder decides the database; an inherited DATABASE_URL would silently change it.
    delete env.DATABASE_URL
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', source, folder], {
      cwd: root,
      env,
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
