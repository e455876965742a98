import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import {
  type GuidePhrase,
  type GuidePhraseInput,
  type GuideSettings,
  type GuideSituation,
  type GuideUnderstanding,
  guidePhraseInputSchema,
  guideSituations,
} from '../../../shared/schemas/guide'
import { searchTypes } from '../../../shared/schemas/search'
import type { Database } from '../../db/client'
import { uniqueViolation } from '../../db/errors'
import { rowsOf } from '../../db/rows'
import { area } from '../../db/schema/centres'
import { guidePhrase, guideSituationArea } from '../../db/schema/guide'
import { searchConfigSql } from '../../db/schema/occupations'
import { conflict, fieldRefusal, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import { searchForm } from '../occupations/search-form'
import { globalSearch } from '../search/global-search'
import { MAX_QUERY_WORDS } from '../search/query'

/** Languages a sentence may be written in and recognised by its common words. */
const SENTENCE_LANGUAGES = ['fr', 'en', 'es', 'it', 'pt', 'de', 'nl'] as const
/** Words of a sentence read at most; past that it is a text, not a question. */
const MAX_SENTENCE_WORDS = 80
/** How many areas and results a sentence leads to: a few good leads, not a list to read. */
const MAX_AREAS = 3
const MAX_RESULTS = 8
/** Resources of one area among the first results that make it a lead when no phrase points anywhere. */
const SEARCH_AREA_MIN = 2

/** The areas (slugs) a centre proposes for a situation, in its order. */
export async function situationAreas(options: {
  db: Database
  centreId: string
  situation: GuideSituation
}): Promise<string[]> {
  const rows = await options.db
    .select({ slug: area.slug })
    .from(guideSituationArea)
    .innerJoin(area, eq(area.id, guideSituationArea.areaId))
    .where(
      and(
        eq(guideSituationArea.centreId, options.centreId),
        eq(guideSituationArea.situation, options.situation),
      ),
    )
    .orderBy(asc(guideSituationArea.position), asc(area.position))
  return rows.map((row) => row.slug)
}

type Word = { i: number; word: string }

/**
 * The language a sentence is written in, guessed by its common words ("je", "suis", "the", "with"): the
 * language whose stop words it uses most, the visitor's own when none or a tie. And its meaningful words
 * in that language, in order: common words and numbers (an age, a year) left out.
 */
async function readSentence(db: Database, text: string, preferred: string) {
  const words: Word[] = searchForm(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_SENTENCE_WORDS)
    .map((word, index) => ({ i: index + 1, word }))
  if (words.length === 0) return { language: preferred, words: [] }
  const result = await db.execute(sql`
    select l.language, v.i, to_tsvector(${searchConfigSql(sql`l.language`)}, v.word) = ''::tsvector as stop
    from unnest(${`{${SENTENCE_LANGUAGES.join(',')}}`}::text[]) l (language)
    cross join jsonb_to_recordset(${JSON.stringify(words)}::jsonb) v (i int, word text)`)
  const rows = rowsOf<{ language: string; i: number; stop: boolean }>(result)
  const stops = new Map<string, Set<number>>()
  for (const row of rows) {
    const set = stops.get(row.language) ?? new Set<number>()
    if (row.stop) set.add(row.i)
    stops.set(row.language, set)
  }
  let language = preferred
  let most = stops.get(preferred)?.size ?? 0
  for (const [candidate, set] of stops)
    if (set.size > most) {
      language = candidate
      most = set.size
    }
  const common = stops.get(language) ?? new Set<number>()
  const meaningful = words
    .filter(({ i, word }) => !common.has(i) && word.length > 1 && !/^\p{N}+$/u.test(word))
    .map(({ word }) => word)
  return { language, words: [...new Set(meaningful)].slice(0, MAX_QUERY_WORDS) }
}

/**
 * What a visitor's sentence points to: the areas whose phrases it contains (every word of a phrase, in
 * any order, each in the phrase's language — "mal au dos" in "j'ai mal au dos depuis des années"), and
 * what the search engine finds for its meaningful words. When no phrase matches, an area most of the
 * resources found belong to is offered instead. The sentence is not kept: it is read and forgotten.
 */
export async function understandSentence(options: {
  db: Database
  centreId: string
  text: string
  language: string
}): Promise<GuideUnderstanding> {
  const { db, centreId } = options
  const form = searchForm(options.text)
  const sentence = await readSentence(db, options.text, options.language)
  const [phrases, found] = await Promise.all([
    db.execute(sql`
      select a.slug, a.position, p.phrase, numnode(plainto_tsquery(${searchConfigSql(sql`p.language`)}, p.form)) as weight
      from guide_phrase p join area a on a.id = p.area_id
      where p.centre_id = ${centreId}
        and to_tsvector(${searchConfigSql(sql`p.language`)}, ${form})
          @@ plainto_tsquery(${searchConfigSql(sql`p.language`)}, p.form)`),
    sentence.words.length === 0
      ? null
      : globalSearch({
          db,
          // A full stop: the sentence is finished, its last word is not one still being typed.
          q: `${sentence.words.join(' ')}.`,
          language: sentence.language,
          centreId,
          filters: { types: searchTypes },
          limit: MAX_RESULTS,
          offset: 0,
        }),
  ])
  const byArea = new Map<string, { area: string; position: number; score: number; phrases: string[] }>()
  for (const row of rowsOf<{ slug: string; position: number; phrase: string; weight: number }>(phrases)) {
    const entry = byArea.get(row.slug) ?? { area: row.slug, position: row.position, score: 0, phrases: [] }
    entry.score += Number(row.weight)
    entry.phrases.push(row.phrase)
    byArea.set(row.slug, entry)
  }
  const areas: GuideUnderstanding['areas'] = [...byArea.values()]
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, MAX_AREAS)
    .map((entry) => ({ area: entry.area, via: 'phrase', phrases: entry.phrases.sort() }))
  if (areas.length === 0 && found) {
    const [top] = found.facets.area
    if (top && top.count >= SEARCH_AREA_MIN) areas.push({ area: top.value, via: 'search', phrases: [] })
  }
  return { areas, results: found?.items ?? [], words: sentence.words }
}

/** The centre's settings of the guided entry: the areas of each situation and the phrases. */
export async function guideSettings(options: { db: Database; centreId: string }): Promise<GuideSettings> {
  const { db, centreId } = options
  const [links, phrases] = await Promise.all([
    db
      .select()
      .from(guideSituationArea)
      .where(eq(guideSituationArea.centreId, centreId))
      .orderBy(asc(guideSituationArea.position)),
    db
      .select()
      .from(guidePhrase)
      .where(eq(guidePhrase.centreId, centreId))
      .orderBy(asc(guidePhrase.language), asc(guidePhrase.form)),
  ])
  return {
    situations: guideSituations.map((situation) => ({
      situation,
      areaIds: links.filter((link) => link.situation === situation).map((link) => link.areaId),
    })),
    phrases: phrases.map(presentPhrase),
  }
}

const presentPhrase = (row: typeof guidePhrase.$inferSelect): GuidePhrase => ({
  id: row.id,
  areaId: row.areaId,
  language: row.language as GuidePhrase['language'],
  phrase: row.phrase,
})

async function checkAreas(tx: Database, centreId: string, areaIds: string[], field: string) {
  if (areaIds.length === 0) return
  const found = await tx
    .select({ id: area.id })
    .from(area)
    .where(and(eq(area.centreId, centreId), inArray(area.id, areaIds)))
  if (found.length !== new Set(areaIds).size) throw fieldRefusal(field, 'error.event.unknownArea')
}

/** The areas proposed for a situation, replaced as a whole, in the order given. */
export async function setSituationAreas(options: {
  db: Database
  centreId: string
  actorUserId: string | null
  situation: GuideSituation
  areaIds: string[]
}): Promise<string[]> {
  const { db, centreId, situation } = options
  const areaIds = [...new Set(options.areaIds)]
  return db.transaction(async (tx) => {
    await checkAreas(tx, centreId, areaIds, 'areaIds')
    await tx
      .delete(guideSituationArea)
      .where(and(eq(guideSituationArea.centreId, centreId), eq(guideSituationArea.situation, situation)))
    if (areaIds.length > 0)
      await tx
        .insert(guideSituationArea)
        .values(areaIds.map((areaId, position) => ({ centreId, situation, areaId, position })))
    await recordAudit(tx, {
      actorUserId: options.actorUserId,
      centreId,
      action: 'update',
      entity: 'guide_situation',
      data: { situation, areaIds },
    })
    return areaIds
  })
}

/** Adds a phrase or changes one. A phrase of common words only ("je suis") would match nothing: refused. */
export async function savePhrase(options: {
  db: Database
  centreId: string
  actorUserId: string | null
  phraseId?: string
  input: GuidePhraseInput
}): Promise<GuidePhrase> {
  const { db, centreId, phraseId } = options
  const values = guidePhraseInputSchema.parse(options.input)
  const form = searchForm(values.phrase).trim()
  try {
    return await db.transaction(async (tx) => {
      await checkAreas(tx, centreId, [values.areaId], 'areaId')
      const [meaning] = rowsOf<{ lexemes: number }>(
        await tx.execute(
          sql`select numnode(plainto_tsquery(${searchConfigSql(sql`${values.language}::text`)}, ${form}))::int as lexemes`,
        ),
      )
      if (!meaning?.lexemes) throw fieldRefusal('phrase', 'error.guide.phraseCommonWords')
      const row = { ...values, form, updatedAt: new Date() }
      const [saved] = phraseId
        ? await tx
            .update(guidePhrase)
            .set(row)
            .where(and(eq(guidePhrase.centreId, centreId), eq(guidePhrase.id, phraseId)))
            .returning()
        : await tx
            .insert(guidePhrase)
            .values({ centreId, ...row })
            .returning()
      if (!saved) throw notFound('error.guide.phraseNotFound')
      await recordAudit(tx, {
        actorUserId: options.actorUserId,
        centreId,
        action: phraseId ? 'update' : 'create',
        entity: 'guide_phrase',
        entityId: saved.id,
      })
      return presentPhrase(saved)
    })
  } catch (error) {
    if (uniqueViolation(error) === 'guide_phrase_centre_language_form_key')
      throw conflict('error.guide.phraseTaken', 'phrase')
    throw error
  }
}

export async function deletePhrase(options: {
  db: Database
  centreId: string
  actorUserId: string | null
  phraseId: string
}): Promise<void> {
  const { db, centreId, phraseId } = options
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(guidePhrase)
      .where(and(eq(guidePhrase.centreId, centreId), eq(guidePhrase.id, phraseId)))
      .returning({ id: guidePhrase.id })
    if (!gone) throw notFound('error.guide.phraseNotFound')
    await recordAudit(tx, {
      actorUserId: options.actorUserId,
      centreId,
      action: 'delete',
      entity: 'guide_phrase',
      entityId: gone.id,
    })
  })
}
