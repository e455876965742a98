import type { Published } from '../../../shared/schemas/statistics'

/** The number a chart can draw: a withheld count is missing (no bar), never zero. */
export function drawnValue(count: Published): number | null {
  return typeof count === 'number' ? count : null
}

export function isWithheld(count: Published) {
  return typeof count !== 'number'
}

/** Nothing at all to show: every published count is 0 (a withheld one means something happened). */
export function isNothing(...counts: Published[]) {
  return counts.every((count) => count === 0)
}
