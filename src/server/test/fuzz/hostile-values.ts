import fc from 'fast-check'

/**
 * Values a careless or malicious client sends: strings PostgreSQL or JavaScript trip over, numbers out
 * of every range, types the schema does not expect, nesting deep enough to overflow a recursive walk.
 */

/** A piece of JSON text placed as is, for what `JSON.stringify` cannot write (1e400, deep nesting). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** `JSON.stringify` that writes `RawJson` pieces verbatim and lone surrogates as `\ud800` escapes. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, inner]) => `${JSON.stringify(key)}:${toJsonText(inner)}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

const specialStrings = [
  '',
  ' ',
  '  padded  ',
  '\u0000',
  'nul\u0000inside',
  '\uD800',
  'lone \uDC00 low',
  'x\uDBFF',
  '\uFEFFbom',
  '\u202Eevil',
  'e\u0301',
  '👩🏽‍💻',
  'ﷺ',
  '𝕮𝖎𝖙é',
  'İstanbul ß',
  '\u0085\u2028\u2029',
  '\r\n\t',
  '\\',
  '"',
  "'",
  '<script>alert(1)</script>',
  "' OR '1'='1",
  "'; drop table centre; --",
  '%00',
  '%',
  '%E0%A4%A',
  '../../../../etc/passwd',
  '..\\..\\windows',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4j-style probe, sent as it stands
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999999',
  '0x1F',
  ' 12 ',
  '٣٤',
  '１２',
  'true',
  '[]',
  '{}',
  '2024-02-30',
  '0000-01-01',
  '+275760-09-13',
  '25:61',
  'A-Z',
  '-leading',
  'trailing-',
  'double--dash',
]

const specialCharacters = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\u200B',
  '\u00A0',
  '🙂',
  'é',
  '%',
  '/',
  '\\',
  '"',
  "'",
]

/** Long strings: under the body limit (they reach validation) and over it (they must be refused). */
export const hugeString = fc
  .tuple(
    fc.constantFrom('a', 'é', '🙂', ' ', '\u0000', '\uD800', 'ab-'),
    fc.constantFrom(1_000, 10_000, 30_000, 100_000),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)))

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...specialStrings), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }), weight: 2 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...specialCharacters), maxLength: 20 }), weight: 1 },
  { arbitrary: hugeString, weight: 1 },
)

export const hostileNumber: fc.Arbitrary<number | RawJson> = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, -0.5, 255, 256, 999, 1000, 32768, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e300, -1e300, 5e-324),
  fc
    .constantFrom('1e400', '-1e400', '123456789012345678901234567890', '-0', '1E2', '0.0000001')
    .map((text) => new RawJson(text)),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)

/** Arrays or objects nested `depth` deep, written as text so that building them costs nothing. */
export const deepNesting = fc
  .tuple(fc.boolean(), fc.constantFrom(64, 1_000, 10_000, 30_000))
  .map(([isArray, depth]) =>
    isArray
      ? new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`)
      : new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  )

const prototypeKeys = fc.constantFrom(
  new RawJson('{"__proto__":{"isAdmin":true,"role":"network_admin"}}'),
  new RawJson('{"constructor":{"prototype":{"polluted":true}}}'),
)

/** Any JSON value a field should not hold. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 5 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  { arbitrary: fc.array(hostileString, { maxLength: 5 }), weight: 1 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: prototypeKeys, weight: 1 },
)

export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', '', 'id', 'centreId', 'role', '\u0000'),
  fc.string({ maxLength: 20 }),
)
