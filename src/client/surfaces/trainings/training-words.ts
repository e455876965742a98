import type { MessageKey } from '../../../shared/i18n/messages'
import type { TrainingHit } from '../../../shared/schemas/trainings'
import type { Translate } from '../../i18n/i18n-provider'

type Level = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8

/** "Niveau 5 : bac + 2": a level as the filters and lists name it. */
export const levelName = (t: Translate, level: number) => t(`trainings.level.${level as Level}` as MessageKey)

/** "Niveau 5 sur 8 du cadre national des certifications : deux ans d’études après le bac, comme un BTS." */
export const levelExplained = (t: Translate, level: number | null) =>
  level
    ? t('trainings.levelExplained', {
        level,
        meaning: t(`trainings.levelMeaning.${level as Level}` as MessageKey),
      })
    : t('trainings.noLevel')

/** "2 ans", "18 mois", or the source's own words ("22 semaines"); empty when nothing is known. */
export function durationWords(t: Translate, course: Pick<TrainingHit, 'durationMonths' | 'durationText'>) {
  const months = course.durationMonths
  if (!months) return course.durationText
  return months % 12 === 0
    ? t('trainings.years', { count: months / 12 })
    : t('trainings.months', { count: months })
}

/** "6 mois au plus", "1 an au plus": a duration filter's name. */
export const upTo = (t: Translate, months: number) =>
  months < 12 || months % 12 !== 0
    ? t('trainings.upToMonths', { months })
    : t('trainings.upToYears', { years: months / 12 })

/** ONISEP's "domain/subdomain" pairs, as a visitor reads them: "santé - social - sport › paramédical". */
export const domainLabel = (domain: string) => domain.split('/').join(' › ')
