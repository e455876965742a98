import { and, asc, eq } from 'drizzle-orm'
import type { OccupationDetail } from '../../../shared/schemas/occupations'
import type { Database } from '../../db/client'
import type { centre } from '../../db/schema/centres'
import {
  occupation,
  occupationLabel,
  occupationLink,
  occupationSkill,
  occupationTask,
  skill,
} from '../../db/schema/occupations'
import { notFound } from '../../http/errors'
import { occupationAtCentre } from '../resources/visitor-service'
import { trainingsForOccupation } from '../trainings/trainings-for-occupation'
import { attributions, type ImportSource } from './import'
import { pickLanguage } from './search'

/** Trainings an occupation page lists before "see them all". */
const TRAININGS_SHOWN = 6

/**
 * Everything an occupation page shows, in the visitor's language where the source has it; with a
 * centre, its own courses among the trainings that lead to it, its resources about it and the areas to
 * talk about it in.
 */
export async function getOccupation(options: {
  db: Database
  taxonomy: string
  code: string
  language: string
  home?: typeof centre.$inferSelect | null
  now?: Date
}): Promise<OccupationDetail> {
  const { db } = options
  const [row] = await db
    .select()
    .from(occupation)
    .where(and(eq(occupation.taxonomy, options.taxonomy), eq(occupation.code, options.code)))
  if (!row) throw notFound('error.occupation.notFound')
  const [title, language] = pickLanguage(row.title, options.language)
  const text = (value: Record<string, string>) => value[language] || pickLanguage(value, language)[0] || null
  const [labels, skills, tasks, links, trainings] = await Promise.all([
    db
      .select({ label: occupationLabel.label, rare: occupationLabel.rare })
      .from(occupationLabel)
      .where(
        and(
          eq(occupationLabel.occupationId, row.id),
          eq(occupationLabel.language, language),
          eq(occupationLabel.kind, 'alternative'),
        ),
      )
      .orderBy(asc(occupationLabel.rare), asc(occupationLabel.label)),
    db
      .select({ skill, essential: occupationSkill.essential })
      .from(occupationSkill)
      .innerJoin(skill, eq(skill.id, occupationSkill.skillId))
      .where(eq(occupationSkill.occupationId, row.id))
      .orderBy(asc(occupationSkill.position)),
    db
      .select()
      .from(occupationTask)
      .where(eq(occupationTask.occupationId, row.id))
      .orderBy(asc(occupationTask.position)),
    db
      .select({ kind: occupationLink.kind, rank: occupationLink.rank, to: occupation })
      .from(occupationLink)
      .innerJoin(occupation, eq(occupation.id, occupationLink.toId))
      .where(eq(occupationLink.fromId, row.id))
      .orderBy(asc(occupationLink.rank)),
    trainingsForOccupation(db, row.id, { centreId: options.home?.id ?? null, limit: TRAININGS_SHOWN }),
  ])
  const { home } = options
  const atCentre = home
    ? await occupationAtCentre({
        db,
        home,
        // A resource about its equivalent (an ONISEP métier's ROME fiche) is about it too.
        occupationIds: [
          row.id,
          ...links.filter((link) => link.kind === 'equivalent').map((link) => link.to.id),
        ],
        language,
        now: options.now ?? new Date(),
      })
    : null
  const named = (kind: string) =>
    skills
      .filter((entry) => entry.skill.kind === kind)
      .map((entry) => ({
        label: pickLanguage(entry.skill.label, language)[0],
        description: text(entry.skill.description),
        category: text(entry.skill.category),
        essential: entry.essential,
      }))
  const linked = (kind: string) =>
    links
      .filter((link) => link.kind === kind)
      .map((link) => ({
        taxonomy: link.to.taxonomy as OccupationDetail['taxonomy'],
        code: link.to.code,
        title: pickLanguage(link.to.title, language)[0],
      }))
  return {
    taxonomy: row.taxonomy as OccupationDetail['taxonomy'],
    code: row.code,
    title,
    language,
    otherNames: [...new Set(labels.map((entry) => entry.label))].filter((name) => name !== title),
    description: text(row.description),
    access: text(row.access),
    riasec: row.riasec,
    riasecScores: row.riasecScores,
    preparation: row.preparation,
    isco: row.isco,
    skills: named('skill'),
    knowledge: named('knowledge'),
    attitudes: named('attitude'),
    contexts: named('context'),
    technologies: named('technology'),
    tasks: tasks.map((task) => ({ text: pickLanguage(task.text, language)[0], core: task.core })),
    related: linked('related'),
    mobility: linked('mobility'),
    equivalent: linked('equivalent'),
    trainings,
    atCentre,
    release: row.release,
    attribution: attributions[row.taxonomy as ImportSource]?.(row.release) ?? '',
  }
}
