import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { CsvError, parse } from 'csv-parse'

/** A file that cannot be imported: where (file and line, when known) and why, in plain words. */
export class ImportError extends Error {
  constructor(
    readonly file: string | null,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(file ? `${file}${line ? `:${line}` : ''}: ${reason}` : reason)
    this.name = 'ImportError'
  }
}

export type CsvDialect = {
  delimiter: ',' | ';' | '\t'
  /** O*NET's text files have no quoting at all: a `"` is an ordinary character there. */
  quoted: boolean
  encoding?: 'utf8' | 'latin1'
}

/** Reports bytes read, so a progress bar can move while a large file streams. */
export type OnBytes = (bytes: number) => void

/**
 * Streams the records of a CSV file as objects keyed by its header, with the line each record starts
 * on. A real parser, because cells may hold line breaks (ESCO) and quotes; a malformed file stops the
 * import with its name, the line and the parser's reason. Empty lines between records are skipped.
 */
export async function* readCsv(
  path: string,
  dialect: CsvDialect,
  onBytes?: OnBytes,
): AsyncGenerator<{ record: Record<string, string>; line: number }> {
  const file = basename(path)
  const input = createReadStream(path, { encoding: dialect.encoding ?? 'utf8' })
  if (onBytes) input.on('data', (chunk) => onBytes(Buffer.byteLength(chunk)))
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => header.map((name) => name.trim()),
      bom: true,
      delimiter: dialect.delimiter,
      quote: dialect.quoted ? '"' : false,
      skip_empty_lines: true,
      info: true,
    }),
  )
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>
      info: { lines: number }
    }>) {
      yield { record, line: info.lines }
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : null
      throw new ImportError(file, line, describeCsvError(error))
    }
    throw error
  } finally {
    input.destroy()
  }
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed (is the file cut short?)'
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return 'this record does not have as many cells as the header (is the file cut short?)'
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'a quote is misplaced in this record'
    default:
      return error.message
  }
}

/** Checks that a record carries the columns an importer relies on, before anything is written. */
export function requireColumns(
  file: string,
  line: number,
  record: Record<string, string>,
  columns: readonly string[],
) {
  const missing = columns.filter((column) => !(column in record))
  if (missing.length) throw new ImportError(file, line, `missing column(s): ${missing.join(', ')}`)
}

export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size
}
