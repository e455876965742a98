import type { Database } from '../../../db/client'
import { importEsco } from './esco'
import { importOnet } from './onet'
import { importOnisep, ONISEP_DATA_SETS } from './onisep'
import { importRome } from './rome'
import type { ImportProgress, ImportSummary } from './write'

export { ImportError } from './csv'
export type { ImportProgress, ImportSummary } from './write'

type Importer = (options: {
  db: Database
  folder: string
  onProgress?: (progress: ImportProgress) => void
}) => Promise<ImportSummary>

/** The reference data sets `cdm import <source> <folder>` reads. */
export const importers = {
  rome: importRome,
  esco: importEsco,
  onet: importOnet,
  onisep: importOnisep,
} satisfies Record<string, Importer>
export type ImportSource = keyof typeof importers
export const importSources = Object.keys(importers) as ImportSource[]

/** Who to credit wherever a source's data is shown, as its licence asks. */
export const attributions: Record<ImportSource, (release: string) => string> = {
  rome: (release) => `Source : France Travail – ROME 4.0 (RefRomeCsv ${release})`,
  esco: (release) => `This service uses the ESCO classification of the European Commission (${release}).`,
  onet: (release) =>
    `This page includes information from the O*NET ${release} Database by the U.S. Department of Labor, ` +
    'Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a ' +
    'trademark of USDOL/ETA.',
  // ODbL 1.0 asks for the data sets' names and date: the release is the day the files were downloaded.
  onisep: (release) =>
    `Source : Onisep – ${ONISEP_DATA_SETS.occupations}, ${ONISEP_DATA_SETS.trainings} (${release}), ` +
    'licence ODbL 1.0',
}
