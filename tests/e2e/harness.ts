import { join } from 'node:path'
import axe from 'axe-core'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { clientDist } from '../../src/server/app'
import { listen } from '../../src/server/main'
import { createTestContext } from '../../src/server/test/app'
import { freePort } from '../setup/free-port'

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * The real server (built front end, real database) on a free port, and a real Chromium. Every page
 * records console errors and CSP violations; `assertCleanConsole` fails the test on any of them.
 */
export async function startE2e() {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const t = await createTestContext({ clientDir: clientDist, publicUrl: baseUrl })
  const server = await listen(t.app, { PORT: port, HOST: '127.0.0.1' })
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  })
  const problems: string[] = []

  async function newPage(
    options: { locale?: string } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: options.locale ?? 'fr-FR', baseURL: baseUrl })
    const page = await context.newPage()
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`)
      })
    })
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`))
    return { context, page }
  }

  async function signIn(page: Page, email: string, password: string) {
    await page.goto('/staff/login')
    await page.getByLabel(/e-mail|email/i).fill(email)
    await page.getByLabel(/mot de passe|password/i).fill(password)
    await page.getByRole('button', { name: /se connecter|sign in/i }).click()
    await page.waitForURL('**/staff')
  }

  /** `allow`: a message a test expects (the 404 of a page about something that does not exist). */
  function assertCleanConsole(options: { allow?: RegExp } = {}) {
    // A 401 from /api/v1/me on a visitor page is the expected way to learn "not signed in".
    const real = problems.filter((p) => !/401 \(Unauthorized\)/.test(p) && !options.allow?.test(p))
    problems.length = 0
    expect(real).toEqual([])
  }

  async function close() {
    await browser.close()
    await server.close()
    await t.close()
  }

  return { t, baseUrl, newPage, signIn, assertCleanConsole, close }
}

/** Runs axe (WCAG 2.2 A/AA rules) on the page as it is now and fails with the list of violations. */
export async function expectAccessible(page: Page) {
  await page.evaluate(axe.source)
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    })
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    )
  })
  expect(violations, `accessibility violations on ${page.url()}`).toEqual([])
}

/** Screenshots to look at by hand (`CDM_SCREENSHOTS=folder`); nothing is compared. */
export async function snap(page: Page, name: string) {
  const folder = process.env.CDM_SCREENSHOTS
  if (folder) await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true })
}
