import { canonicalAccessCode } from '../../../shared/access-code'

/** A notebook's code as typed, made canonical (see canonicalAccessCode). */
export const canonicalNotebookCode = canonicalAccessCode

/** Where a notebook's own page is: its code is the whole key. */
export const notebookPath = (code: string) => `/n/${canonicalNotebookCode(code) ?? encodeURIComponent(code)}`

/** Where a centre's notebook door is; `save` brings back what to save once a notebook is open. */
export const openNotebookPath = (centre: string, save?: string) =>
  `/c/${centre}/notebook${save ? `?${new URLSearchParams({ save })}` : ''}`
