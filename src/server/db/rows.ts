/** The rows of a raw `db.execute(sql…)` result, whichever driver ran it (both answer `{ rows }`). */
export const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows

/** The text search configuration for a reader's or writer's language: French and English stemmed. */
export const searchConfig = (language: string) =>
  language === 'fr' ? 'french' : language === 'en' ? 'english' : 'simple'
