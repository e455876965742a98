import { createContext, useContext } from 'react'
import type { StatisticsFilters } from '../../features/statistics/api'

/**
 * What every block of figures shares: the centre, the filters they were asked with (for their CSV
 * exports) and whether they are laid out for the screen or for the printed annual report.
 */
export type StatisticsView = {
  slug: string
  filters: StatisticsFilters
  /** The printed report: charts at a fixed width, no export links, long tables folded away. */
  isReport: boolean
  /** A centre's text (area and theme names) in the interface language. */
  text: (value: Record<string, string> | undefined) => string
}

const ViewContext = createContext<StatisticsView>({
  slug: '',
  filters: { from: '', to: '' },
  isReport: false,
  text: () => '',
})

export const StatisticsViewProvider = ViewContext.Provider

export function useStatisticsView() {
  return useContext(ViewContext)
}
