/**
 * A text as search compares it: lower case, without accents or ligatures, single spaces. Labels are
 * stored in this form and queries are put in it, so "Aide-Soignante", "aide soignante" and "aide
 * soignánte" meet, on PGlite and PostgreSQL alike, without depending on a database function.
 */
export function searchForm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim()
}
