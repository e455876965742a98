import { CsvError, parse } from 'csv-parse/sync'
import { type CatalogueColumn, catalogueColumns } from '../../../shared/schemas/resources'
import { LIST_SEPARATOR } from './csv-export'

/** One thing wrong in an imported file: where (line and column) and why (a catalogue key). */
export type ImportProblem = {
  line: number
  column: string
  key: string
  values?: Record<string, string | number>
}

export type CsvRow = { line: number; cells: Partial<Record<CatalogueColumn, string>> }

/** The file's rows with the line each starts on, or the problems that stop it from being read at all. */
export function readCatalogueCsv(text: string): {
  rows: CsvRow[]
  columns: Set<string>
  problems: ImportProblem[]
} {
  const body = text.replace(/^\uFEFF/, '')
  const headerLine = body.slice(0, body.search(/\r?\n|$/))
  // A French spreadsheet saves with semicolons; a file written by the export has commas.
  const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ','
  let records: { record: Record<string, string>; info: { lines: number }; raw: string }[]
  let header: string[] = []
  try {
    records = parse(body, {
      delimiter,
      columns: (names: string[]) => {
        header = names.map((name) => name.trim().toLowerCase())
        return header
      },
      skip_empty_lines: true,
      info: true,
      raw: true,
    })
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const line = typeof error.lines === 'number' ? error.lines : 1
    const key =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'error.resourceImport.quoteNotClosed'
        : error.code === 'CSV_RECORD_INCONSISTENT_COLUMNS' ||
            error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
          ? 'error.resourceImport.cellCount'
          : 'error.resourceImport.malformed'
    return { rows: [], columns: new Set(), problems: [{ line, column: '', key }] }
  }
  const columns = new Set(header)
  const problems: ImportProblem[] = []
  for (const name of header) {
    if (name !== '' && !(catalogueColumns as readonly string[]).includes(name))
      problems.push({
        line: 1,
        column: name,
        key: 'error.resourceImport.unknownColumn',
        values: { column: name },
      })
  }
  for (const name of ['type', 'title'] as const) {
    if (!columns.has(name))
      problems.push({
        line: 1,
        column: name,
        key: 'error.resourceImport.missingColumn',
        values: { column: name },
      })
  }
  if (problems.length === 0 && records.length === 0)
    problems.push({ line: 1, column: '', key: 'error.resourceImport.empty' })
  const rows = records.map(({ record, info, raw }) => ({
    // `lines` is where the record ends; a quoted cell may span several lines before it.
    line:
      info.lines -
      (raw
        .replace(/^(\r?\n)+/, '')
        .replace(/\r?\n$/, '')
        .match(/\n/g)?.length ?? 0),
    cells: record as Partial<Record<CatalogueColumn, string>>,
  }))
  return { rows, columns, problems }
}

/** The values of a list cell: `fr|en` → `['fr', 'en']`. */
export function listCell(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(LIST_SEPARATOR)
    .map((value) => value.trim())
    .filter(Boolean)
}

const YES = new Set(['yes', 'oui', 'true', 'vrai', '1', 'x'])
const NO = new Set(['no', 'non', 'false', 'faux', '0', ''])

/** `yes`/`no` (and what spreadsheets and French users write for them), or `undefined` when neither. */
export function yesNoCell(cell: string | undefined): boolean | undefined {
  const value = (cell ?? '').trim().toLowerCase()
  if (YES.has(value)) return true
  if (NO.has(value)) return false
  return undefined
}

/** A whole number, empty for none, or `undefined` when it is something else. */
export function countCell(cell: string | undefined): number | null | undefined {
  const value = (cell ?? '').trim()
  if (value === '') return null
  return /^\d{1,6}$/.test(value) ? Number(value) : undefined
}

/** An optional text: empty means none. */
export const optionalCell = (cell: string | undefined) => {
  const value = (cell ?? '').trim()
  return value === '' ? null : value
}
