/** Crockford's base 32, as the server writes codes: no I, L, O or U. */
const ALPHABET = /^[0-9A-HJKMNP-TV-Z]{16}$/

/**
 * A question's code as typed (any case, spaces or dashes, O for 0, I or L for 1), made canonical and
 * shown in four groups: `7KQM-2XR9-HT4D-PA3C`. `null` when it cannot be a code at all.
 */
export function canonicalQuestionCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  return ALPHABET.test(code) ? (code.match(/.{4}/g)?.join('-') ?? code) : null
}

/** Where a question's own page is: its code is the whole key. */
export const questionPath = (code: string) =>
  `/q/${canonicalQuestionCode(code) ?? encodeURIComponent(code.trim())}`

/** Where a centre's "ask a counsellor online" page is. */
export const askPath = (centre: string) => `/c/${centre}/ask`

/** Where the staff answer a centre's questions. */
export const staffQuestionsPath = (centre: string, id?: string) =>
  `/staff/c/${centre}/questions${id ? `/${id}` : ''}`
