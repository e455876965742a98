import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { printTable } from './support/figures'
import { importOnce, referenceSources } from './support/reference-data'

/**
 * Importing the real reference data, as a centre would: `cdm import <source> <folder>` for each source
 * in turn into one embedded database, each a process of its own. Figures: wall time per source and in
 * all, and each process's peak resident memory (the kernel's high-water mark, read while it runs).
 * ESCO's folder joins the official English download with the French labels, as a centre would gather
 * the language files it wants. Needs the data sets under ../shared/data.
 */

const TARGETS = { seconds: 180, mib: 1024 }

export async function run() {
  const work = mkdtempSync(join(tmpdir(), 'cite-import-'))
  try {
    const sources = referenceSources(work)
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
