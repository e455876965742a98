import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../tests/setup/free-port'

const run = promisify(execFile)
let dataDir: string
const env = () => ({ ...process.env, CDM_DATA_DIR: dataDir, CDM_LOG_LEVEL: 'silent', LANG: 'en_GB.UTF-8' })

/** Runs the real `cdm` command on its own embedded database folder. */
async function cdm(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: env(),
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
    for (const command of ['serve', 'migrate', 'seed', 'staff', 'token', 'purge'])
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
})
