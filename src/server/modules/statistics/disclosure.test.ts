import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ProtectedTable, protectCount, protectSeries, protectTable } from './disclosure'

/** Small counts, where small groups abound: rows and columns of 0 to 12, k from 2 to 8. */
const tables = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), columns: fc.integer({ min: 1, max: 6 }) })
  .chain(({ rows, columns }) =>
    fc.array(fc.array(fc.nat({ max: 12 }), { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  )
const thresholds = fc.integer({ min: 2, max: 8 })

/** The published grid with its totals as the last row and column, as a reader would line it up. */
function grid(table: ProtectedTable) {
  return [...table.cells.map((row, r) => [...row, table.rowTotals[r]]), [...table.columnTotals, table.total]]
}

describe('disclosure control', () => {
  it('never publishes a count from 1 to k−1, in a cell or a total', () => {
    fc.assert(
      fc.property(tables, thresholds, (counts, k) => {
        for (const value of grid(protectTable(counts, k)).flat())
          expect(typeof value === 'string' || value === 0 || (value !== undefined && value >= k)).toBe(true)
      }),
      { numRuns: 2_000 },
    )
  })

  it('never leaves a row or column with a single withheld count that its total would give back', () => {
    fc.assert(
      fc.property(tables, thresholds, (counts, k) => {
        const published = grid(protectTable(counts, k))
        const lines = [...published, ...(published[0] ?? []).map((_, c) => published.map((row) => row[c]))]
        for (const line of lines) expect(line.filter((value) => typeof value === 'string').length).not.toBe(1)
      }),
      { numRuns: 2_000 },
    )
  })

  it('publishes every count it does not withhold exactly as it is', () => {
    fc.assert(
      fc.property(tables, thresholds, (counts, k) => {
        const table = protectTable(counts, k)
        table.cells.forEach((row, r) => {
          row.forEach((value, c) => {
            if (typeof value === 'number') expect(value).toBe(counts[r]?.[c])
            else if (value === 'small') expect(counts[r]?.[c]).toBeLessThan(k)
          })
        })
        const total = counts.flat().reduce((a, b) => a + b, 0)
        if (typeof table.total === 'number') expect(table.total).toBe(total)
      }),
      { numRuns: 1_000 },
    )
  })

  it('withholds a small cell and the smallest other count of its row and column', () => {
    const table = protectTable(
      [
        [3, 10, 20],
        [12, 15, 30],
      ],
      5,
    )
    expect(table.cells).toEqual([
      ['small', 'hidden', 20],
      ['hidden', 'hidden', 30],
    ])
    expect(table.rowTotals).toEqual([33, 57])
    expect(table.columnTotals).toEqual([15, 25, 50])
    expect(table.total).toBe(90)
  })

  it('never hides a zero beside a small count, which would give it back as the total', () => {
    // 1 and three zeros: hiding a zero would leave "1 + 0 = total" — the total is withheld instead.
    const { values, total } = protectSeries([1, 0, 0, 0], 5)
    expect(values).toEqual(['small', 0, 0, 0])
    expect(total).toBe('small')
    expect(protectSeries([3, 0, 11], 5)).toEqual({ values: ['small', 0, 'hidden'], total: 14 })
  })

  it('keeps zeros and large counts as they are', () => {
    expect(protectTable([[0, 7, 9]], 5)).toEqual({
      cells: [[0, 7, 9]],
      rowTotals: [16],
      columnTotals: [0, 7, 9],
      total: 16,
    })
    expect(protectSeries([0, 2, 40, 9], 5)).toEqual({ values: [0, 'small', 40, 'hidden'], total: 51 })
    expect([0, 1, 4, 5].map((value) => protectCount(value, 5))).toEqual([0, 'small', 'small', 5])
  })
})
