import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { uiLocales } from './locales'
import { messages } from './messages'

const catalogues = messages as Record<string, Record<string, string>>
const reference = catalogues.fr ?? {}
const srcRoot = fileURLToPath(new URL('../..', import.meta.url))
const thisFile = fileURLToPath(import.meta.url)

type AstNode = {
  type: number
  value?: unknown
  options?: Record<string, { value: AstNode[] }>
  children?: AstNode[]
}

/** Argument names a message uses (`{minimum}`, `{n, plural, …}`, `<b>…</b>`), including nested ones. */
function argumentsOf(nodes: readonly AstNode[], found = new Map<string, number>()) {
  for (const node of nodes) {
    // 0 = literal text and 7 = `#` carry no argument name of their own.
    if (node.type !== 0 && node.type !== 7 && typeof node.value === 'string') found.set(node.value, node.type)
    for (const option of Object.values(node.options ?? {})) argumentsOf(option.value, found)
    if (node.children) argumentsOf(node.children, found)
  }
  return found
}

function parse(message: string, locale: string) {
  return new IntlMessageFormat(message, locale)
}

describe('message catalogues', () => {
  it('has a catalogue for every interface language, and a non-trivial French reference', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...uiLocales].sort())
    expect(Object.keys(reference).length).toBeGreaterThan(20)
  })

  for (const locale of uiLocales) {
    it(`${locale}: holds exactly the keys of every other catalogue, none of them empty`, () => {
      const catalogue = catalogues[locale] ?? {}
      for (const other of uiLocales) {
        const missing = Object.keys(catalogues[other] ?? {}).filter((key) => !catalogue[key]?.trim())
        expect(missing, `keys of ${other} missing or empty in ${locale}`).toEqual([])
      }
    })

    it(`${locale}: every message is valid ICU and formats with the arguments it names`, () => {
      const broken: string[] = []
      for (const [key, message] of Object.entries(catalogues[locale] ?? {})) {
        try {
          const format = parse(message, locale)
          const names = argumentsOf(format.getAst() as unknown as AstNode[])
          // 2 = number, 6 = plural: give those a number; a tag gets a function; the rest a string.
          const values = Object.fromEntries(
            [...names].map(([name, type]) => [
              name,
              type === 2 || type === 6 ? 2 : type === 8 ? (chunks: unknown[]) => chunks.join('') : 'x',
            ]),
          )
          const text = format.format(values)
          if (typeof text !== 'string' || !text.trim()) broken.push(`${key}: formats to nothing`)
        } catch (error) {
          broken.push(`${key}: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      expect(broken).toEqual([])
    })
  }

  it('uses the same arguments in every language, so a value is never silently dropped', () => {
    const mismatched: string[] = []
    for (const [key, message] of Object.entries(reference)) {
      const expected = [...argumentsOf(parse(message, 'fr').getAst() as unknown as AstNode[]).keys()].sort()
      for (const locale of uiLocales) {
        const other = catalogues[locale]?.[key]
        if (!other) continue
        const actual = [...argumentsOf(parse(other, locale).getAst() as unknown as AstNode[]).keys()].sort()
        if (actual.join() !== expected.join()) mismatched.push(`${locale} ${key}: ${actual} ≠ ${expected}`)
      }
    }
    expect(mismatched).toEqual([])
  })
})

const KEY_LITERAL = /(['"])((?:error|validation)\.[a-zA-Z.]+)\1/g

/** Error and validation keys written as string literals in a source text. */
function keysIn(source: string): string[] {
  return [...source.matchAll(KEY_LITERAL)].map((match) => match[2] ?? '')
}

/** A literal ending in a dot is a prefix completed at run time; it must lead to at least one key. */
function isKnown(key: string): boolean {
  return key.endsWith('.') ? Object.keys(reference).some((k) => k.startsWith(key)) : key in reference
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) && path !== thisFile ? [path] : []
  })
}

describe('keys used in the code', () => {
  it('finds keys in the ways they are written, and notices a typo', () => {
    const sample = `throw new AppError('not_found', 'error.centre.notFund')\n<Text id="validation.required" />`
    expect(keysIn(sample)).toEqual(['error.centre.notFund', 'validation.required'])
    expect(keysIn(sample).filter((key) => !isKnown(key))).toEqual(['error.centre.notFund'])
    expect(keysIn('body.error.message; issue.message.startsWith(`validation.`)')).toEqual([])
  })

  it('every error and validation key written in src/ exists in the catalogue', () => {
    const used = new Map<string, string>()
    for (const file of sourceFiles(srcRoot)) {
      for (const key of keysIn(readFileSync(file, 'utf8'))) used.set(key, relative(srcRoot, file))
    }
    // Guards the scan itself: it must see the keys thrown by the server.
    expect(used.has('error.notFound')).toBe(true)
    expect(used.size).toBeGreaterThan(20)
    const unknown = [...used].filter(([key]) => !isKnown(key)).map(([key, file]) => `${key} (${file})`)
    expect(unknown).toEqual([])
  })

  it('has a message for every key validation builds at run time', () => {
    const built = [
      ...['string', 'array', 'number'].flatMap((origin) => [
        `validation.tooSmall.${origin}`,
        `validation.tooBig.${origin}`,
      ]),
      ...['email', 'url', 'uuid'].map((format) => `validation.format.${format}`),
    ]
    expect(built.filter((key) => !(key in reference))).toEqual([])
  })
})
