import type { SnippetPart } from '../../../shared/schemas/search'
import { searchForm } from '../occupations/search-form'

/** Words a snippet shows at most, in at most this many passages. */
const MAX_WORDS = 30
const MAX_PASSAGES = 2
/** Words shown before the first word found in a passage. */
const LEAD = 3
const PASSAGE_BREAK = ' … '

/** Words of texts in their search form: the same words come back in result after result. */
const folds = new Map<string, string>()
const MAX_FOLDS = 100_000

function folded(word: string): string {
  let form = folds.get(word)
  if (form === undefined) {
    if (folds.size >= MAX_FOLDS) folds.clear()
    form = searchForm(word)
    folds.set(word, form)
  }
  return form
}

/**
 * Whether a word of a text is one of the words found: its search form begins with one of the stems
 * (PostgreSQL's stemmers mostly cut endings: "soin" begins "soins", "infirmi" begins "infirmières").
 * Where they change the last letter ("vendeux" for "vendeuse", "bakeri" for "bakery"), a long stem
 * counts without it — a word of the same family lit up too is no harm in a snippet.
 */
function isFound(word: string, stems: readonly string[]): boolean {
  const form = folded(word)
  return stems.some(
    (stem) =>
      form === stem ||
      (stem.length >= 3 && form.startsWith(stem)) ||
      (stem.length >= 6 && form.startsWith(stem.slice(0, -1))),
  )
}

/**
 * A short passage of a text around the words a query found, those words marked: a short text whole,
 * else up to two passages of its own words (its punctuation kept), each beginning a few words before a
 * word found, an ellipsis where the text goes on; the text's first words when none is found. Worked out in the server's memory, not by the database:
 * a page of results costs no statement for its snippets.
 */
export function highlight(text: string, stems: readonly string[]): SnippetPart[] {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    found: isFound(match[0], stems),
  }))
  const passages: [number, number][] = []
  const perPassage = Math.floor(MAX_WORDS / MAX_PASSAGES)
  // A short text is shown whole.
  if (words.length <= MAX_WORDS && words.some((word) => word.found)) passages.push([0, words.length])
  for (let at = 0; at < words.length && passages.length < MAX_PASSAGES; at++) {
    if (!words[at]?.found) continue
    const first = Math.max(at - LEAD, passages.at(-1)?.[1] ?? 0)
    const last = Math.min(first + perPassage, words.length)
    passages.push([first, last])
    at = last - 1
  }
  if (passages.length === 0) {
    const cut = words[MAX_WORDS - 1]
    return [{ text: cut && words.length > MAX_WORDS ? `${text.slice(0, cut.end)} …` : text, match: false }]
  }
  // A passage running into the next becomes one; a passage alone may have all the words.
  const merged = passages.reduce<[number, number][]>((all, passage) => {
    const previous = all.at(-1)
    if (previous && previous[1] >= passage[0]) previous[1] = passage[1]
    else all.push([...passage])
    return all
  }, [])
  const [only] = merged
  if (only && merged.length === 1) only[1] = Math.max(only[1], Math.min(only[0] + MAX_WORDS, words.length))
  const parts: SnippetPart[] = []
  const add = (piece: string, match: boolean) => {
    if (!piece) return
    const previous = parts.at(-1)
    if (previous && previous.match === match) previous.text += piece
    else parts.push({ text: piece, match })
  }
  merged.forEach(([first, last], index) => {
    if (index > 0) add(PASSAGE_BREAK, false)
    else if (first > 0) add('… ', false)
    if (first === 0) add(text.slice(0, words[0]?.start ?? 0), false)
    for (let at = first; at < last; at++) {
      const word = words[at]
      if (!word) continue
      if (at > first) add(text.slice(words[at - 1]?.end ?? word.start, word.start), false)
      add(text.slice(word.start, word.end), word.found)
    }
    if (last === words.length) add(text.slice(words.at(-1)?.end ?? text.length), false)
    else if (index === merged.length - 1) add(' …', false)
  })
  return parts
}
