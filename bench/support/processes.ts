import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { freePort } from '../../tests/setup/free-port'
import type { MemoryFigures } from './memory-probe'

export const root = fileURLToPath(new URL('../..', import.meta.url))
const READY_TIMEOUT_MS = 120_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Asks a process to end, then makes it. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** A started server; `output()` is the last of what it printed, to explain a failure. */
export type Served = { child: ChildProcess; pid: number; port: number; output: () => string }

/**
 * Starts a server script in a Node process of its own (tsx as a loader in the same process, so the pid
 * is the server's), on the embedded database in `dataDir` or the PostgreSQL database at `url`, and waits
 * until `/readyz` answers. `script(port)` gives the script and its arguments; `nodeArgs` go to Node itself.
 */
export async function startServer(
  options: ({ dataDir: string } | { url: string }) & {
    script: (port: number) => string[]
    nodeArgs?: string[]
    ipc?: boolean
  },
): Promise<Served> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, CDM_LOG_LEVEL: 'warn' }
  // The options decide the database; an inherited DATABASE_URL or folder would silently change it.
  delete env.DATABASE_URL
  delete env.CDM_DATA_DIR
  if ('url' in options) env.DATABASE_URL = options.url
  else env.CDM_DATA_DIR = options.dataDir
  const args = options.script(port)
  const child = spawn(process.execPath, ['--import', 'tsx', ...(options.nodeArgs ?? []), ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
  })
  // Drained so a chatty server never blocks on a full pipe; kept to explain a failure.
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-10_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const pid = child.pid
  if (pid === undefined) throw new Error('the server could not be spawned')
  const started = performance.now()
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    if (!cmdline.includes(args[0] ?? '')) throw new Error(`pid ${pid} is not the server: ${cmdline}`)
    while (performance.now() - started < READY_TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`)
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1000) })
        .then((response) => response.status === 200)
        .catch(() => false)
      if (ready) return { child, pid, port, output: () => output }
      await sleep(20)
    }
    throw new Error(`not ready after ${READY_TIMEOUT_MS} ms:\n${output}`)
  } catch (error) {
    await stop(child)
    throw error
  }
}

/**
 * A server's memory after a full collection, as bench/support/memory-probe.ts reports it (the server
 * started with `nodeArgs: ['--expose-gc', '--import', probe]` and `ipc: true`).
 */
export function memoryOf(child: ChildProcess): Promise<MemoryFigures> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not report its memory')), 30_000)
    const onMessage = (message: MemoryFigures) => {
      if (message?.type !== 'memory') return
      clearTimeout(timer)
      child.off('message', onMessage)
      resolve(message)
    }
    child.on('message', onMessage)
    child.send('memory')
  })
}

/** The memory probe to preload into a server, as a URL for `--import`. */
export const memoryProbe = pathToFileURL(join(root, 'bench/support/memory-probe.ts')).href

/** Cité as a centre runs it (minus npm), without demo data. */
export const citeScript = (port: number) => [
  'src/cli/main.ts',
  'serve',
  '--no-demo',
  '--port',
  String(port),
  '--host',
  '127.0.0.1',
]
