import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FolderInUseError, lockFolder } from './folder-lock'

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cite-lock-'))
})
afterEach(() => rm(folder, { recursive: true, force: true }))

describe('the embedded database folder lock', () => {
  it('is held by one opener at a time, and released', () => {
    const release = lockFolder(folder)
    expect(readFileSync(join(folder, 'cite.lock'), 'utf8').trim()).toBe(String(process.pid))
    expect(() => lockFolder(folder)).toThrow(FolderInUseError)
    release()
    expect(existsSync(join(folder, 'cite.lock'))).toBe(false)
    lockFolder(folder)()
  })

  it('refuses while another process holds it, naming the process', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      writeFileSync(join(folder, 'cite.lock'), `${holder.pid}\n`)
      expect(() => lockFolder(folder)).toThrow(`in use by process ${holder.pid}`)
    } finally {
      holder.kill('SIGKILL')
    }
  })

  it('takes over a lock left by a process killed without releasing it', () => {
    const gone = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString()
    writeFileSync(join(folder, 'cite.lock'), `${gone}\n`)
    const release = lockFolder(folder)
    expect(readFileSync(join(folder, 'cite.lock'), 'utf8').trim()).toBe(String(process.pid))
    release()
  })
})
