/**
 * The two gender forms of a French job title written with a slash, the ROME way ("Conducteur /
 * Conductrice d'engins agricoles") or ESCO's ("directeur technique/directrice technique"). Words that
 * only one side spells out belong to both: "Conducteur" is completed to "Conducteur d'engins agricoles",
 * "Analyste programmeur / programmeuse" gives "Analyste programmeuse". A title without a slash has one form.
 */
export function genderForms(title: string): string[] {
  const parts = title.split(/\s*\/\s*/)
  if (parts.length !== 2) return [title.trim()]
  const [masculine = '', feminine = ''] = parts.map((part) => part.trim())
  if (!masculine || !feminine) return [title.trim()]
  const left = masculine.split(/\s+/)
  const right = feminine.split(/\s+/)
  const fullLeft = left.length < right.length ? [...left, ...right.slice(left.length)].join(' ') : masculine
  const fullRight =
    right.length < left.length ? [...left.slice(0, left.length - right.length), ...right].join(' ') : feminine
  return fullLeft === fullRight ? [fullRight] : [fullLeft, fullRight]
}
