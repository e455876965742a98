import { canonicalAccessCode } from '../../../shared/access-code'

/** A question's code as typed, made canonical (see canonicalAccessCode). */
export const canonicalQuestionCode = canonicalAccessCode

/** Where a question's own page is: its code is the whole key. */
export const questionPath = (code: string) =>
  `/q/${canonicalQuestionCode(code) ?? encodeURIComponent(code.trim())}`

/** Where a centre's "ask a counsellor online" page is. */
export const askPath = (centre: string) => `/c/${centre}/ask`

/** Where the staff answer a centre's questions. */
export const staffQuestionsPath = (centre: string, id?: string) =>
  `/staff/c/${centre}/questions${id ? `/${id}` : ''}`
