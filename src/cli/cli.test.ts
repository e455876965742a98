import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../tests/setup/free-port'

const run = promisify(execFile)
let dataDir: string
const env = (folder = dataDir) => ({
  ...process.env,
  CDM_DATA_DIR: folder,
  CDM_LOG_LEVEL: 'silent',
  LANG: 'en_GB.UTF-8',
})

/** Runs the real `cdm` command on its own embedded database folder (or `folder`). */
async function cdm(...args: string[]) {
  return cdmIn(dataDir, ...args)
}

async function cdmIn(folder: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: env(folder),
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cite-cli-'))
})
afterAll(() => rm(dataDir, { recursive: true, force: true }))

describe('the cdm command', () => {
  it('documents every command', async () => {
    const help = await cdm('--help')
    for (const command of ['serve', 'migrate', 'seed', 'staff', 'token', 'purge', 'backup', 'restore'])
      expect(help.stdout).toContain(command)
  })

  it('migrates, seeds the demo, creates staff and a token that the API accepts', async () => {
    expect((await cdm('migrate')).stdout).toContain('Migrations applied.')
    const seeded = await cdm('seed')
    expect(seeded.stdout).toMatch(/manager\s+manager@demo\.example\s+[a-z0-9-]{23}/)
    expect((await cdm('purge')).stdout).toMatch(
      /^\d+ day\(s\) folded into the statistics; deleted \d+ ticket/,
    )

    const added = await cdm(
      'staff',
      'add',
      '--email',
      'Ana@Example.org',
      '--name',
      'Ana',
      '--role',
      'counsellor',
      '--centre',
      'demo',
    )
    expect(added.stdout).toMatch(/One-time password: [a-z0-9]{5}(-[a-z0-9]{5}){3}/)
    const unknownCentre = await cdm(
      'staff',
      'add',
      '--email',
      'b@example.org',
      '--name',
      'B',
      '--role',
      'manager',
      '--centre',
      'nowhere',
    )
    expect(unknownCentre.code).toBe(1)
    expect(unknownCentre.stderr).toContain('This centre does not exist.')
    const badRole = await cdm(
      'staff',
      'add',
      '--email',
      'b@example.org',
      '--name',
      'B',
      '--role',
      'boss',
      '--centre',
      'demo',
    )
    expect(badRole.code).not.toBe(0)

    const token = (await cdm('token', 'create', '--email', 'ana@example.org')).stdout.trim()
    expect(token).toMatch(/^cdm_[A-Za-z0-9_-]{43}$/)
    const link = await cdm('staff', 'reset-link', '--email', 'ana@example.org')
    expect(link.stdout).toContain('/staff/reset-password?token=')

    const port = await freePort()
    const server: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-demo', '--port', String(port)],
      {
        env: env(),
      },
    )
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes(`ready on http://127.0.0.1:${port}`)) resolve()
        })
        server.on('exit', (code) => reject(new Error(`server exited with ${code}`)))
      })
      const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(me.status).toBe(200)
      expect(await me.json()).toMatchObject({
        email: 'ana@example.org',
        centres: [{ slug: 'demo', roles: ['counsellor'] }],
      })
      const forged = await fetch(`http://127.0.0.1:${port}/api/v1/me`, {
        headers: { authorization: `Bearer ${token}x` },
      })
      expect(forged.status).toBe(401)
    } finally {
      await new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve()
        server.once('exit', () => resolve())
        server.kill('SIGTERM')
      })
    }
    // The embedded database has one user at a time: revoke once the server has stopped.
    expect((await cdm('token', 'revoke', '--email', 'ana@example.org')).stdout).toContain(
      '1 token(s) revoked.',
    )
    expect((await cdm('token', 'revoke', '--email', 'ana@example.org')).stdout).toContain(
      '0 token(s) revoked.',
    )
  }, 120_000)

  it('backs up the demo centre to a file and restores it into a new folder, once', async () => {
    const file = join(dataDir, 'demo.backup')
    const backup = await cdm('backup', file)
    expect(backup.stdout).toMatch(
      /^Backup written to .*demo\.backup: \d+ tables, [\d,]+ rows \(schema \d{4}_\w+\)\.$/m,
    )
    const target = await mkdtemp(join(tmpdir(), 'cite-cli-restored-'))
    try {
      const restored = await cdmIn(target, 'restore', file)
      expect(restored.code).toBe(0)
      expect(restored.stdout).toMatch(
        /^Restored [\d,]+ rows of \d+ tables from the backup of .* \(made on the embedded database\)\.$/m,
      )
      // The restored folder holds the centre: its staff can be managed there.
      expect((await cdmIn(target, 'staff', 'reset-link', '--email', 'manager@demo.example')).code).toBe(0)
      const again = await cdmIn(target, 'restore', file)
      expect(again.code).toBe(1)
      expect(again.stderr).toContain('The database is not empty')
      const notBackup = await cdmIn(target, 'restore', join(process.cwd(), 'package.json'))
      expect(notBackup.code).toBe(1)
      expect(notBackup.stderr).toContain('not a Cité backup')
    } finally {
      await rm(target, { recursive: true, force: true })
    }
  }, 120_000)
})
