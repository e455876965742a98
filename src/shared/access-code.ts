/** Crockford's base 32, as the server writes codes: no I, L, O or U. */
const ALPHABET = /^[0-9A-HJKMNP-TV-Z]{16}$/

/**
 * A code that opens something of a visitor's (a notebook, a question) as typed — any case, spaces or
 * dashes, O for 0, I or L for 1 — made canonical and shown in four groups: `7KQM-2XR9-HT4D-PA3C`.
 * `null` when it cannot be a code at all.
 */
export function canonicalAccessCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  return ALPHABET.test(code) ? (code.match(/.{4}/g)?.join('-') ?? code) : null
}
