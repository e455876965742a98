/**
 * The two gender forms of a French job title written the ROME way, "Conducteur / Conductrice d'engins
 * agricoles": the words after the feminine head belong to both, so the masculine form is completed with
 * them ("Conducteur d'engins agricoles"). A title without " / " has one form.
 */
export function genderForms(title: string): string[] {
  const parts = title.split(' / ')
  if (parts.length !== 2) return [title.trim()]
  const [masculine = '', feminine = ''] = parts.map((part) => part.trim())
  const left = masculine.split(/\s+/)
  const right = feminine.split(/\s+/)
  const completed = left.length < right.length ? [...left, ...right.slice(left.length)].join(' ') : masculine
  return completed === feminine ? [feminine] : [completed, feminine]
}
