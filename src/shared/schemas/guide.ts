import type { Pictogram } from '../constants'
import { z } from '../validation'
import { contentLanguageSchema, textSchema } from './common'
import { searchHitSchema } from './search'

/**
 * "Where do I start?": the situations a visitor can recognise themselves in, in plain words, each with
 * its pictogram. A centre says which of its areas answers each; "I don't know" leads to the words box.
 */
export const guideSituations = ['work', 'trade', 'change', 'business', 'newcomer', 'unsure'] as const
export type GuideSituation = (typeof guideSituations)[number]

export const situationPictograms: Record<GuideSituation, Pictogram> = {
  work: 'briefcase',
  trade: 'tools',
  change: 'route',
  business: 'lightbulb',
  newcomer: 'globe',
  unsure: 'compass',
}

/** The longest sentence the words box takes: a few lines, not a life story. */
export const GUIDE_TEXT_MAX = 500
/** The longest phrase a manager links to an area. */
export const GUIDE_PHRASE_MAX = 120

export const guideSituationViewSchema = z
  .object({
    situation: z.enum(guideSituations),
    /** The areas (slugs) the centre proposes for it, in order; none when it has not said. */
    areas: z.array(z.string()),
  })
  .meta({ id: 'GuideSituation' })
export type GuideSituationView = z.infer<typeof guideSituationViewSchema>

export const guideTextInputSchema = z
  .object({
    text: textSchema(GUIDE_TEXT_MAX).min(1),
    /** The language the visitor writes in, when they say so; else the interface's. */
    language: contentLanguageSchema.optional(),
  })
  .meta({ id: 'GuideTextInput' })
export type GuideTextInput = z.infer<typeof guideTextInputSchema>

export const guideAreaSuggestionSchema = z.object({
  area: z.string(),
  /** `phrase`: words the centre linked to the area were found; `search`: the results found are mostly the area's. */
  via: z.enum(['phrase', 'search']),
  /** The centre's phrases found in the sentence, as the centre wrote them. */
  phrases: z.array(z.string()),
})

export const guideUnderstandingSchema = z
  .object({
    /** Best first; empty when nothing in the sentence points to an area. */
    areas: z.array(guideAreaSuggestionSchema),
    /** Occupations, trainings and resources the search engine found for the sentence's meaningful words. */
    results: z.array(searchHitSchema),
    /** The words the search went by, for "we looked for …". */
    words: z.array(z.string()),
  })
  .meta({ id: 'GuideUnderstanding' })
export type GuideUnderstanding = z.infer<typeof guideUnderstandingSchema>

export const guidePhraseInputSchema = z
  .object({
    areaId: z.uuid(),
    language: contentLanguageSchema,
    phrase: textSchema(GUIDE_PHRASE_MAX).min(1),
  })
  .meta({ id: 'GuidePhraseInput' })
export type GuidePhraseInput = z.infer<typeof guidePhraseInputSchema>

export const guidePhraseSchema = guidePhraseInputSchema.extend({ id: z.uuid() }).meta({ id: 'GuidePhrase' })
export type GuidePhrase = z.infer<typeof guidePhraseSchema>

export const guideSituationAreasInputSchema = z
  .object({ areaIds: z.array(z.uuid()).max(12) })
  .meta({ id: 'GuideSituationAreasInput' })

export const guideSettingsSchema = z
  .object({
    situations: z.array(z.object({ situation: z.enum(guideSituations), areaIds: z.array(z.uuid()) })),
    phrases: z.array(guidePhraseSchema),
  })
  .meta({ id: 'GuideSettings' })
export type GuideSettings = z.infer<typeof guideSettingsSchema>
