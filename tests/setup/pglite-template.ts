import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../src/server/db/client'

let templatePath: string | undefined

/**
 * Builds one migrated PGlite database and saves its data folder: each test file then starts from this
 * snapshot (about a second) instead of running initdb and every migration again.
 */
export async function setup(project: TestProject) {
  const handle = await openDatabase({ dataDir: 'memory' })
  await handle.migrate()
  const dump = await handle.dump?.()
  await handle.close()
  if (!dump) throw new Error('PGlite could not dump its data folder')
  templatePath = join(tmpdir(), `cite-pglite-template-${process.pid}.tar`)
  await writeFile(templatePath, Buffer.from(await dump.arrayBuffer()))
  project.provide('pgliteTemplate', templatePath)
}

export async function teardown() {
  if (templatePath) await rm(templatePath, { force: true })
}
