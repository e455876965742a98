import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * `npm run bench -- <name>` runs `bench/<name>.ts`. Benchmarks live outside `src/` so that neither
 * `npm test` nor the build ever picks them up: they are slow and their figures depend on the machine.
 */
const benchDir = fileURLToPath(new URL('.', import.meta.url))
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .map((file) => file.slice(0, -'.ts'.length))
  .sort()

function usage() {
  return `Usage: npm run bench -- <name>\nAvailable benchmarks: ${available.join(', ') || '(none)'}`
}

const name = process.argv[2]
if (!name) {
  console.log(usage())
} else if (!available.includes(name)) {
  console.error(`Unknown benchmark "${name}".\n${usage()}`)
  process.exitCode = 1
} else {
  const benchmark = (await import(pathToFileURL(join(benchDir, `${name}.ts`)).href)) as {
    run?: () => Promise<void>
  }
  if (typeof benchmark.run !== 'function') throw new Error(`bench/${name}.ts does not export run()`)
  await benchmark.run()
}
