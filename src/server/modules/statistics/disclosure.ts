/**
 * Disclosure control: what every statistic goes through before it leaves the server. A count from 1 to
 * k−1 could point at a person ("the 2 people over 60 seen on Tuesday"), so it is withheld as `small`
 * (shown "<k"). Withholding one number is not enough when its row or column total is published — total
 * minus the others gives it back — so a second number of that line is withheld too, as `hidden` (secondary
 * suppression), again and again until no row or column of the table, its totals included, has exactly
 * one withheld number. The second number is never a zero when another will do: a zero beside a withheld
 * count would give it back as the line's total. Zero itself stays zero: it says nobody.
 */

/** The smallest group a published count may describe, unless a centre says otherwise. */
export const DEFAULT_THRESHOLD = 5

/** A count as published: the number, `small` for 1 to k−1 ("<k"), or `hidden` when it would give one back. */
export type Published = number | 'small' | 'hidden'

export type ProtectedTable = {
  /** `cells[row][column]`. */
  cells: Published[][]
  rowTotals: Published[]
  columnTotals: Published[]
  total: Published
}

/** One count alone (a headline figure): withheld when it is from 1 to k−1. */
export function protectCount(value: number, k: number): Published {
  return value >= 1 && value < k ? 'small' : value
}

/**
 * Protects a table of counts with its row and column totals. The table is seen as a grid one row and one
 * column larger, the totals in the last row and column; each row and each column of that grid is a sum
 * (its last number is the total of the others), and none may be left with a single withheld number.
 */
export function protectTable(counts: readonly (readonly number[])[], k: number): ProtectedTable {
  const rows = counts.length
  const columns = counts[0]?.length ?? 0
  if (counts.some((row) => row.length !== columns))
    throw new Error('a table’s rows must all have its columns')
  // The extended grid: counts, row totals in the last column, column totals and the total in the last row.
  const grid: number[][] = counts.map((row) => [...row, sum(row)])
  grid.push(Array.from({ length: columns + 1 }, (_, column) => sum(grid.map((row) => row[column] ?? 0))))
  const small = grid.map((row) => row.map((value) => value >= 1 && value < k))
  const withheld = small.map((row) => [...row])

  const lines: [number, number][][] = [
    ...grid.map((row, r) => row.map((_, c): [number, number] => [r, c])),
    ...Array.from({ length: columns + 1 }, (_, c) => grid.map((_, r): [number, number] => [r, c])),
  ]
  let changed = true
  while (changed) {
    changed = false
    for (const line of lines) {
      const hidden = line.filter(([r, c]) => withheld[r]?.[c])
      if (hidden.length !== 1) continue
      const partner = complement(line, grid, withheld, rows, columns)
      if (!partner) continue
      const [r, c] = partner
      const row = withheld[r]
      if (row) row[c] = true
      changed = true
    }
  }

  const publish = (r: number, c: number): Published =>
    small[r]?.[c] ? 'small' : withheld[r]?.[c] ? 'hidden' : (grid[r]?.[c] ?? 0)
  return {
    cells: counts.map((row, r) => row.map((_, c) => publish(r, c))),
    rowTotals: counts.map((_, r) => publish(r, columns)),
    columnTotals: Array.from({ length: columns }, (_, c) => publish(rows, c)),
    total: publish(rows, columns),
  }
}

/**
 * The number to withhold beside a line's only withheld one: a non-zero one (a zero would give the other
 * back as the total), a count of the table rather than a total (totals say the most), the smallest.
 */
function complement(
  line: [number, number][],
  grid: number[][],
  withheld: boolean[][],
  rows: number,
  columns: number,
): [number, number] | undefined {
  const isTotal = ([r, c]: [number, number]) => r === rows || c === columns
  const value = ([r, c]: [number, number]) => grid[r]?.[c] ?? 0
  const open = line.filter(([r, c]) => !withheld[r]?.[c])
  return open.sort(
    (a, b) =>
      Number(value(a) === 0) - Number(value(b) === 0) ||
      Number(isTotal(a)) - Number(isTotal(b)) ||
      value(a) - value(b),
  )[0]
}

/** A list of counts with its total (a series over days, a breakdown by theme): a table of one row. */
export function protectSeries(
  counts: readonly number[],
  k: number,
): { values: Published[]; total: Published } {
  const table = protectTable([counts], k)
  return { values: table.cells[0] ?? [], total: table.total }
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)
