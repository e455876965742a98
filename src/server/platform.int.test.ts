import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { messages } from '../shared/i18n/messages'
import { createApp } from './app'
import { createApiToken, revokeApiTokens } from './modules/auth/api-tokens'
import { createTestContext, TEST_ORIGIN, type TestContext } from './test/app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const area = (letter: string) => ({
  slug: `espace-${letter.toLowerCase()}`,
  name: { fr: 'Trouver un emploi' },
  colour: '#2e7d4f',
  pictogram: 'briefcase',
  ticketLetter: letter,
})

describe('health', () => {
  it('answers liveness and readiness', async () => {
    const live = await t.app.request('/healthz')
    expect(live.status).toBe(200)
    expect(await live.json()).toEqual({ status: 'ok' })
    const ready = await t.app.request('/readyz')
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })
  })
})

describe('API documentation', () => {
  it('publishes an OpenAPI 3.1 document generated from the routes', async () => {
    const response = await t.app.request('/api/openapi.json')
    expect(response.status).toBe(200)
    const doc = await response.json()
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/)
    expect(doc.paths['/centres/{centre}/areas']).toHaveProperty('post')
    expect(doc.paths['/centres/{centre}/staff']).toHaveProperty('get')
    expect(doc.paths['/me']).toHaveProperty('get')
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerAuth', 'cookieAuth'])
  })

  it('serves a docs page whose scripts are all files of our own, and serves those files', async () => {
    const page = await t.app.request('/api/docs')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    const html = await page.text()
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/\ssrc="\/api\/docs\//)
      expect(body.trim()).toBe('')
    }
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")

    const sources = scripts.map(([, attributes = '']) => /src="([^"]+)"/.exec(attributes)?.[1] ?? '')
    expect(sources).toContain('/api/docs/assets/swagger-ui-bundle.js')
    for (const src of sources) {
      const asset = await t.app.request(src)
      expect(asset.status, src).toBe(200)
      expect(asset.headers.get('content-type'), src).toContain('javascript')
      expect((await asset.text()).length, src).toBeGreaterThan(0)
    }
    const css = await t.app.request('/api/docs/assets/swagger-ui.css')
    expect(css.status).toBe(200)
  })
})

describe('HTTP hardening', () => {
  it('sends a strict Content-Security-Policy and nosniff on API responses', async () => {
    for (const path of ['/api/v1/centres', '/api/v1/nope']) {
      const response = await t.request(path)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain("default-src 'self'")
      expect(csp, path).toContain("script-src 'self'")
      expect(csp, path).not.toMatch(/https?:/)
      expect(csp, path).not.toContain('unsafe-inline')
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer')
    }
  })

  it('refuses a body over the size limit with a translated 413', async () => {
    const centre = await t.buildCentre()
    const manager = await t.buildStaff('manager', centre.id)
    const cookie = await t.signIn(manager.email, manager.password)
    const body = { ...area('A'), description: { fr: 'x'.repeat(70 * 1024) } }
    const fr = await t.request(`/api/v1/centres/${centre.slug}/areas`, { method: 'POST', cookie, body })
    expect(fr.status).toBe(413)
    expect(fr.headers.get('content-type')).toContain('application/json')
    expect(await fr.json()).toEqual({
      error: { code: 'payload_too_large', message: messages.fr['error.payloadTooLarge'] },
    })
    const en = await t.request(`/api/v1/centres/${centre.slug}/areas`, {
      method: 'POST',
      cookie,
      body,
      lang: 'en',
    })
    expect(en.status).toBe(413)
    expect((await en.json()).error.message).toBe(messages.en['error.payloadTooLarge'])
    // Just under the limit is accepted: the limit is the only reason for the 413.
    const fits = { ...area('B'), description: { fr: 'x'.repeat(300) } }
    expect(
      (await t.request(`/api/v1/centres/${centre.slug}/areas`, { method: 'POST', cookie, body: fits }))
        .status,
    ).toBe(201)
  })

  it('answers malformed JSON with a JSON client error', async () => {
    const centre = await t.buildCentre()
    const manager = await t.buildStaff('manager', centre.id)
    const cookie = await t.signIn(manager.email, manager.password)
    const response = await t.app.request(`/api/v1/centres/${centre.slug}/areas`, {
      method: 'POST',
      headers: { cookie, origin: TEST_ORIGIN, 'content-type': 'application/json', 'accept-language': 'en' },
      body: '{"slug": "oops",',
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect((await response.json()).error.message).toBe(messages.en['error.malformed'])
  })

  it('answers an unknown API path with a JSON 404, not the web app', async () => {
    const response = await t.request('/api/v1/nope', { lang: 'en' })
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: messages.en['error.notFound'] },
    })
  })
})

describe('personal API tokens', () => {
  it('let a script act as its staff member with no cookie and no Origin header', async () => {
    const centre = await t.buildCentre()
    const manager = await t.buildStaff('manager', centre.id)
    const { token } = await createApiToken({ db: t.db, userId: manager.userId, label: 'test' })
    expect(token).toMatch(/^cdm_/)
    const authorization = `Bearer ${token}`

    const created = await t.app.request(`/api/v1/centres/${centre.slug}/areas`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(area('T')),
    })
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({ ticketLetter: 'T' })

    const me = await t.app.request('/api/v1/me', { headers: { authorization } })
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({
      userId: manager.userId,
      email: manager.email,
      centres: [{ slug: centre.slug, roles: ['manager'] }],
    })
  })

  it('stops accepting a token once revoked, and revokes by label only when asked', async () => {
    const centre = await t.buildCentre()
    const manager = await t.buildStaff('manager', centre.id)
    const kept = await createApiToken({ db: t.db, userId: manager.userId, label: 'partner-sync' })
    const dropped = await createApiToken({ db: t.db, userId: manager.userId, label: 'laptop' })
    expect(await revokeApiTokens({ db: t.db, userId: manager.userId, label: 'laptop' })).toBe(1)
    const status = async (token: string) =>
      (await t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status
    expect(await status(dropped.token)).toBe(401)
    expect(await status(kept.token)).toBe(200)
    expect(await revokeApiTokens({ db: t.db, userId: manager.userId })).toBe(1)
    expect(await status(kept.token)).toBe(401)
  })

  it('answers 401 to an unknown or garbage token', async () => {
    const centre = await t.buildCentre()
    for (const authorization of ['Bearer cdm_unknownTokenThatWasNeverIssued', 'Bearer garbage', 'Bearer ']) {
      const me = await t.app.request('/api/v1/me', { headers: { authorization } })
      expect(me.status, authorization).toBe(401)
      const write = await t.app.request(`/api/v1/centres/${centre.slug}/areas`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(area('G')),
      })
      expect(write.status, authorization).toBe(401)
    }
  })

  it('does not fall back to the session cookie when a bearer token is wrong', async () => {
    const centre = await t.buildCentre()
    const manager = await t.buildStaff('manager', centre.id)
    const cookie = await t.signIn(manager.email, manager.password)
    const me = await t.app.request('/api/v1/me', { headers: { cookie, authorization: 'Bearer cdm_nope' } })
    expect(me.status).toBe(401)
  })
})

describe('request logs', () => {
  it('record method, path and status but never the client address or the query string', async () => {
    const lines: string[] = []
    const logger = pino({ level: 'info', base: undefined }, { write: (line: string) => lines.push(line) })
    const app = createApp({
      db: t.db,
      auth: t.auth,
      now: () => new Date(),
      logger,
      publicUrl: TEST_ORIGIN,
      bodyLimit: 64 * 1024,
    })
    const centre = await t.buildCentre()
    const forwarded = { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.7' }
    expect(
      (await app.request(`/api/v1/centres/${centre.slug}/portal?code=secret-code`, { headers: forwarded }))
        .status,
    ).toBe(200)
    expect((await app.request('/api/v1/nope', { headers: forwarded })).status).toBe(404)
    const signIn = await app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { ...forwarded, origin: TEST_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@staff.example', password: 'wrong-password' }),
    })
    expect(signIn.status).toBe(401)

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          method: 'GET',
          path: `/api/v1/centres/${centre.slug}/portal`,
          status: 200,
        }),
        expect.objectContaining({ method: 'GET', path: '/api/v1/nope', status: 404 }),
        expect.objectContaining({ method: 'POST', path: '/api/auth/sign-in/email', status: 401 }),
      ]),
    )
    const all = lines.join('\n')
    expect(all).not.toContain('203.0.113.7')
    expect(all).not.toContain('secret-code')
    expect(all).not.toContain('nobody@staff.example')
  })
})

describe('the built front end', () => {
  it('revalidates index.html on every path and caches hashed assets for a year', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const clientDir = await mkdtemp(join(tmpdir(), 'cdm-client-'))
    try {
      await mkdir(join(clientDir, 'assets'))
      await writeFile(join(clientDir, 'index.html'), '<!doctype html><title>Cité</title>')
      await writeFile(join(clientDir, 'assets', 'main-abc123.js'), 'export {}')
      const app = createApp({
        db: t.db,
        auth: t.auth,
        now: () => new Date(),
        logger: pino({ level: 'silent' }),
        publicUrl: TEST_ORIGIN,
        bodyLimit: 64 * 1024,
        clientDir,
      })
      for (const path of ['/', '/index.html', '/staff/login', '/c/demo']) {
        const page = await app.request(path)
        expect(page.status, path).toBe(200)
        expect(await page.text(), path).toContain('<title>Cité</title>')
        expect(page.headers.get('cache-control'), path).toBe('no-cache')
      }
      const asset = await app.request('/assets/main-abc123.js')
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    } finally {
      await rm(clientDir, { recursive: true, force: true })
    }
  })
})
