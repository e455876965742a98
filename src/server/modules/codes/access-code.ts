import { createHash, randomBytes } from 'node:crypto'

/** Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand is hard to get wrong. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const LENGTH = 16

/**
 * A new code that opens something of a visitor's (a booking, a notebook): 16 characters, 80 random bits,
 * shown in four groups, `7KQM-2XR9-HT4D-PA3C`.
 */
export function newAccessCode(): string {
  const bytes = randomBytes(10)
  let bits = 0n
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte)
  let code = ''
  for (let i = 0; i < LENGTH; i++) {
    code = (ALPHABET[Number(bits & 31n)] ?? '0') + code
    bits >>= 5n
  }
  return code.match(/.{4}/g)?.join('-') ?? code
}

/**
 * A code as typed, made canonical: case, spaces and dashes ignored, and the letters people confuse
 * read as the digits they look like (O as 0, I and L as 1). `null` when it cannot be a code at all.
 */
export function canonicalCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (code.length !== LENGTH || [...code].some((char) => !ALPHABET.includes(char))) return null
  return code
}

/** What the database keeps of a code: its digest for one kind of thing, never the code itself. */
export function accessCodeDigest(kind: 'booking' | 'notebook' | 'question', canonical: string): string {
  return createHash('sha256').update(`${kind}:${canonical}`).digest('base64url')
}
