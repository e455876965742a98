import { and, eq, inArray, notInArray, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../../../db/client'
import type { LocalizedText } from '../../../db/schema/centres'
import {
  importRun,
  occupation,
  occupationLabel,
  occupationLink,
  occupationSkill,
  occupationTask,
  skill,
} from '../../../db/schema/occupations'
import { searchForm } from '../search-form'
import { indexOccupations } from '../search-index'
import { fileSize } from './csv'

export type Taxonomy = 'rome' | 'esco' | 'onet' | 'onisep'

export type ImportedLabel = {
  language: string
  label: string
  kind: 'preferred' | 'alternative' | 'hidden'
  rare: boolean
}

export type ImportedSkill = {
  code: string
  kind: 'skill' | 'knowledge' | 'attitude' | 'context' | 'technology'
  label: LocalizedText
  description: LocalizedText
  category: LocalizedText
}

export type ImportedOccupation = {
  code: string
  title: LocalizedText
  description: LocalizedText
  access: LocalizedText
  riasec?: string | null
  riasecScores?: Record<string, number> | null
  preparation?: number | null
  isco?: string | null
  parentCode: string | null
  labels: ImportedLabel[]
  skills: { code: string; essential: boolean }[]
  tasks?: { text: LocalizedText; core: boolean }[]
  /** ONISEP's "domain/subdomain" pairs. */
  domains?: string[]
  /**
   * Occupations this one leads to or matches, by code: in the same source unless `taxonomy` names
   * another (an ONISEP métier's ROME fiche), which must already be imported to be linked.
   */
  links: { code: string; kind: 'related' | 'mobility' | 'equivalent'; rank: number; taxonomy?: Taxonomy }[]
}

export type ImportProgress = { step: string; bytes: number; totalBytes: number }

export type ImportSummary = {
  source: Taxonomy
  release: string
  counts: Record<string, number>
  durationMs: number
}

/**
 * Bytes read across every file of an import, for a progress bar: `add(step)` returns the counter a
 * file's reader calls with each chunk.
 */
export async function trackBytes(
  paths: readonly string[],
  onProgress: ((progress: ImportProgress) => void) | undefined,
) {
  const sizes = await Promise.all(paths.map(fileSize))
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0)
  let bytes = 0
  return {
    totalBytes,
    add: (step: string) => (chunk: number) => {
      bytes += chunk
      onProgress?.({ step, bytes: Math.min(bytes, totalBytes), totalBytes })
    },
  }
}

/** Rows per INSERT: far under the 65,535 parameters one statement may carry. */
const BATCH = 1_000

async function insertAll<T extends PgTable>(tx: Database, table: T, rows: T['$inferInsert'][]) {
  for (let start = 0; start < rows.length; start += BATCH) {
    await tx.insert(table).values(rows.slice(start, start + BATCH))
  }
}

/**
 * Writes a source's release in one transaction, in place of the previous one: occupations and skills
 * are updated by their code (their ids, and so links from elsewhere, survive a new release), those the
 * release no longer has are removed, and each occupation's names, skills, tasks and links are replaced.
 */
export async function replaceTaxonomy(options: {
  db: Database
  source: Taxonomy
  release: string
  started: Date
  occupations: ImportedOccupation[]
  skills: ImportedSkill[]
  skipped?: number
  /** More of the same release written in the same transaction (ONISEP's trainings); returns its counts. */
  alsoWrite?: (tx: Database) => Promise<Record<string, number>>
}): Promise<ImportSummary> {
  const { source, release } = options
  const counts = {
    occupations: options.occupations.length,
    labels: options.occupations.reduce((sum, o) => sum + o.labels.length, 0),
    skills: options.skills.length,
    occupationSkills: options.occupations.reduce((sum, o) => sum + o.skills.length, 0),
    tasks: options.occupations.reduce((sum, o) => sum + (o.tasks?.length ?? 0), 0),
    links: options.occupations.reduce((sum, o) => sum + o.links.length, 0),
    removed: 0,
    skipped: options.skipped ?? 0,
  }
  await options.db.transaction(async (tx) => {
    // One import of a source at a time, whichever instance runs it.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`import:${source}`}))`)
    const ids = new Map<string, string>()
    for (let start = 0; start < options.occupations.length; start += BATCH) {
      const rows = options.occupations.slice(start, start + BATCH).map((o) => ({
        taxonomy: source,
        code: o.code,
        title: o.title,
        description: o.description,
        access: o.access,
        riasec: o.riasec ?? null,
        riasecScores: o.riasecScores ?? null,
        preparation: o.preparation ?? null,
        isco: o.isco ?? null,
        parentCode: o.parentCode,
        domains: o.domains ?? [],
        release,
        updatedAt: options.started,
      }))
      const written = await tx
        .insert(occupation)
        .values(rows)
        .onConflictDoUpdate({
          target: [occupation.taxonomy, occupation.code],
          set: {
            title: sql`excluded.title`,
            description: sql`excluded.description`,
            access: sql`excluded.access`,
            riasec: sql`excluded.riasec`,
            riasecScores: sql`excluded.riasec_scores`,
            preparation: sql`excluded.preparation`,
            isco: sql`excluded.isco`,
            parentCode: sql`excluded.parent_code`,
            domains: sql`excluded.domains`,
            release: sql`excluded.release`,
            updatedAt: sql`excluded.updated_at`,
          },
        })
        .returning({ id: occupation.id, code: occupation.code })
      for (const row of written) ids.set(row.code, row.id)
    }
    const removed = await tx
      .delete(occupation)
      .where(
        and(
          eq(occupation.taxonomy, source),
          ids.size ? notInArray(occupation.code, [...ids.keys()]) : undefined,
        ),
      )
      .returning({ id: occupation.id })
    counts.removed = removed.length

    const skillIds = new Map<string, string>()
    for (let start = 0; start < options.skills.length; start += BATCH) {
      const rows = options.skills.slice(start, start + BATCH).map((s) => ({ taxonomy: source, ...s }))
      const written = await tx
        .insert(skill)
        .values(rows)
        .onConflictDoUpdate({
          target: [skill.taxonomy, skill.code],
          set: {
            kind: sql`excluded.kind`,
            label: sql`excluded.label`,
            description: sql`excluded.description`,
            category: sql`excluded.category`,
          },
        })
        .returning({ id: skill.id, code: skill.code })
      for (const row of written) skillIds.set(row.code, row.id)
    }
    await tx
      .delete(skill)
      .where(
        and(
          eq(skill.taxonomy, source),
          skillIds.size ? notInArray(skill.code, [...skillIds.keys()]) : undefined,
        ),
      )

    const mine = tx.select({ id: occupation.id }).from(occupation).where(eq(occupation.taxonomy, source))
    for (const table of [occupationLabel, occupationSkill, occupationTask]) {
      await tx.delete(table).where(inArray(table.occupationId, mine))
    }
    await tx.delete(occupationLink).where(inArray(occupationLink.fromId, mine))

    const elsewhere = await otherSourceIds(tx, source, options.occupations)
    const labels: (typeof occupationLabel.$inferInsert)[] = []
    const skillRows: (typeof occupationSkill.$inferInsert)[] = []
    const tasks: (typeof occupationTask.$inferInsert)[] = []
    const links: (typeof occupationLink.$inferInsert)[] = []
    for (const o of options.occupations) {
      const occupationId = ids.get(o.code)
      if (!occupationId) continue
      const seen = new Set<string>()
      for (const label of o.labels) {
        // One row per name and kind: ROME gives the same title as several appellations.
        const key = `${label.language}\u0000${label.kind}\u0000${label.label}`
        if (!label.label || seen.has(key)) continue
        seen.add(key)
        labels.push({ occupationId, ...label, searchText: searchForm(label.label) })
      }
      const seenSkills = new Set<string>()
      o.skills.forEach((link, position) => {
        const skillId = skillIds.get(link.code)
        if (!skillId || seenSkills.has(skillId)) return
        seenSkills.add(skillId)
        skillRows.push({ occupationId, skillId, essential: link.essential, position })
      })
      for (const [position, task] of (o.tasks ?? []).entries()) {
        tasks.push({ occupationId, position, text: task.text, core: task.core })
      }
      for (const link of o.links) {
        const toId =
          link.taxonomy && link.taxonomy !== source
            ? elsewhere.get(`${link.taxonomy}:${link.code}`)
            : ids.get(link.code)
        if (toId && toId !== occupationId)
          links.push({ fromId: occupationId, toId, kind: link.kind, rank: link.rank })
      }
    }
    await insertAll(tx, occupationLabel, labels)
    await insertAll(tx, occupationSkill, skillRows)
    await insertAll(tx, occupationTask, tasks)
    const uniqueLinks = dedupeLinks(links)
    await insertAll(tx, occupationLink, uniqueLinks)
    counts.labels = labels.length
    counts.occupationSkills = skillRows.length
    counts.links = uniqueLinks.length
    if (options.alsoWrite) Object.assign(counts, await options.alsoWrite(tx))
    await indexOccupations(tx, source)

    await tx.insert(importRun).values({ source, release, counts, startedAt: options.started })
  })
  return { source, release, counts, durationMs: Date.now() - options.started.getTime() }
}

/** Ids of the occupations of other sources that links name, keyed `taxonomy:code`. */
async function otherSourceIds(tx: Database, source: Taxonomy, occupations: ImportedOccupation[]) {
  const wanted = new Map<string, Set<string>>()
  for (const o of occupations)
    for (const link of o.links)
      if (link.taxonomy && link.taxonomy !== source)
        wanted.set(link.taxonomy, (wanted.get(link.taxonomy) ?? new Set()).add(link.code))
  const ids = new Map<string, string>()
  for (const [taxonomy, codes] of wanted) {
    const rows = await tx
      .select({ id: occupation.id, code: occupation.code })
      .from(occupation)
      .where(and(eq(occupation.taxonomy, taxonomy), inArray(occupation.code, [...codes])))
    for (const row of rows) ids.set(`${taxonomy}:${row.code}`, row.id)
  }
  return ids
}

function dedupeLinks(links: (typeof occupationLink.$inferInsert)[]) {
  const seen = new Set<string>()
  return links.filter((link) => {
    const key = `${link.fromId}|${link.toId}|${link.kind}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
