import { z } from '../validation'

/** The reference data sets occupations come from. */
export const taxonomies = ['rome', 'esco', 'onet', 'onisep'] as const
export const taxonomySchema = z.enum(taxonomies)
export type Taxonomy = z.infer<typeof taxonomySchema>
