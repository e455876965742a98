import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/**
 * A notebook's content is sealed with a key only its code gives: HKDF-SHA256 of the code, bound to the
 * notebook's id, into an AES-256-GCM key. The database keeps the code's digest (another derivation, to
 * find the row) and the sealed bytes; the code itself is never stored, so the content cannot be read
 * without the visitor — 80 random bits are beyond guessing, and lookups are rate-limited besides.
 */
function keyOf(code: string, notebookId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', code, 'cite:notebook-key', notebookId, 32))
}

export function seal(code: string, notebookId: string, content: unknown): Buffer {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(code, notebookId), iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()])
  return Buffer.concat([iv, body, cipher.getAuthTag()])
}

/** The content back; throws when the bytes were not sealed with this code for this notebook. */
export function unseal(code: string, notebookId: string, sealed: Buffer): unknown {
  const iv = sealed.subarray(0, 12)
  const tag = sealed.subarray(sealed.length - 16)
  const decipher = createDecipheriv('aes-256-gcm', keyOf(code, notebookId), iv)
  decipher.setAuthTag(tag)
  const plain = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()])
  return JSON.parse(plain.toString('utf8'))
}
