import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import {
  NOTEBOOK_LIMITS,
  type Notebook,
  type NotebookDocument,
  type NotebookItemInput,
  type NotebookPlanInput,
  type NotebookSummaryInput,
  notebookDocumentSchema,
} from '../../../shared/schemas/notebooks'
import type { Database } from '../../db/client'
import { rowsOf } from '../../db/rows'
import { centre } from '../../db/schema/centres'
import { notebook } from '../../db/schema/notebooks'
import { fieldRefusal, notFound } from '../../http/errors'
import { accessCodeDigest, canonicalCode, newAccessCode } from '../codes/access-code'
import { titleOf } from '../links/titles'
import { seal, unseal } from './seal'

const DAY_MS = 86_400_000
const empty = (): NotebookDocument => ({ notes: '', items: [], plan: [], summaries: [] })
const unknown = () => notFound('error.notebook.notFound')

type Row = {
  id: string
  centreId: string
  slug: string
  sealed: Buffer
  createdAt: Date
  lastUsedAt: Date
  idleDays: number
}

function present(row: Row, document: NotebookDocument): Notebook {
  return {
    ...document,
    centre: row.slug,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt.toISOString(),
    erasedAfter: new Date(row.lastUsedAt.getTime() + row.idleDays * DAY_MS).toISOString(),
  }
}

/** A new, empty notebook at a centre, and its code — shown once, never stored. */
export async function createNotebook(options: { db: Database; centreId: string; now: Date }) {
  const { db, centreId, now } = options
  const code = newAccessCode()
  const canonical = canonicalCode(code) ?? ''
  const id = randomUUID()
  await db.insert(notebook).values({
    id,
    centreId,
    codeHash: accessCodeDigest('notebook', canonical),
    sealed: seal(canonical, id, empty()),
    createdAt: now,
    lastUsedAt: now,
  })
  return { code, notebook: await openNotebook({ db, code, now }) }
}

/**
 * Finds a notebook by its code, under its row lock when it is to change. An unknown code, a notebook
 * erased or gone unused for longer than its centre keeps one: the same 404, so a lookup never tells
 * which. A notebook found past its time is erased there and then.
 */
async function find(tx: Database, typed: string, now: Date, lock: boolean) {
  const canonical = canonicalCode(typed)
  if (!canonical) throw unknown()
  const [row] = rowsOf<Row>(
    await tx.execute(sql`select n.id, n.centre_id as "centreId", c.slug, n.sealed, n.created_at as "createdAt",
        n.last_used_at as "lastUsedAt", c.notebook_idle_days as "idleDays"
      from notebook n join centre c on c.id = n.centre_id
      where n.code_hash = ${accessCodeDigest('notebook', canonical)} ${lock ? sql`for update of n` : sql``}`),
  )
  if (!row) throw unknown()
  const found = {
    ...row,
    sealed: Buffer.from(row.sealed),
    createdAt: new Date(row.createdAt),
    lastUsedAt: new Date(row.lastUsedAt),
  }
  if (found.lastUsedAt.getTime() + found.idleDays * DAY_MS < now.getTime()) {
    await tx.delete(notebook).where(eq(notebook.id, found.id))
    throw unknown()
  }
  return {
    row: found,
    canonical,
    document: notebookDocumentSchema.parse(unseal(canonical, found.id, found.sealed)),
  }
}

/** The notebook its code opens; opening it counts as using it (to the day, so reads rarely write). */
export async function openNotebook(options: { db: Database; code: string; now: Date }): Promise<Notebook> {
  const { db, code, now } = options
  const { row, document } = await find(db, code, now, false)
  if (now.getTime() - row.lastUsedAt.getTime() > DAY_MS) {
    await db.update(notebook).set({ lastUsedAt: now }).where(eq(notebook.id, row.id))
    row.lastUsedAt = now
  }
  return present(row, document)
}

/**
 * Changes a notebook: read, changed and sealed again under its row lock, so two changes at once (the
 * visitor on the phone, a counsellor at the desk) both land.
 */
async function change(
  options: { db: Database; code: string; now: Date; centreId?: string },
  apply: (document: NotebookDocument, row: Row, tx: Database) => Promise<NotebookDocument> | NotebookDocument,
): Promise<Notebook> {
  const { db, code, now } = options
  return db.transaction(async (tx) => {
    const { row, canonical, document } = await find(tx, code, now, true)
    if (options.centreId && options.centreId !== row.centreId) throw unknown()
    const next = await apply(document, row, tx)
    await tx
      .update(notebook)
      .set({ sealed: seal(canonical, row.id, next), lastUsedAt: now })
      .where(eq(notebook.id, row.id))
    return present({ ...row, lastUsedAt: now }, next)
  })
}

export const saveNotes = (options: { db: Database; code: string; now: Date; notes: string }) =>
  change(options, (document) => ({ ...document, notes: options.notes }))

export const savePlan = (options: { db: Database; code: string; now: Date; input: NotebookPlanInput }) =>
  change(options, (document) => ({
    ...document,
    plan: options.input.steps.map((step) => ({
      id: step.id ?? randomUUID(),
      text: step.text,
      status: step.status,
      due: step.due ?? null,
    })),
  }))

async function newItems(
  db: Database,
  centreId: string,
  inputs: readonly NotebookItemInput[],
  by: 'visitor' | 'counsellor',
  now: Date,
  language: string,
) {
  const items = []
  for (const input of inputs)
    items.push({
      id: randomUUID(),
      kind: input.kind,
      ref: input.ref,
      title: await titleOf({ db, centreId, item: input, language }),
      note: input.note ?? '',
      addedAt: now.toISOString(),
      addedBy: by,
    })
  return items
}

function withItems(document: NotebookDocument, items: NotebookDocument['items']): NotebookDocument {
  // The same thing saved twice is kept once, with the newest note.
  const kept = document.items.filter(
    (old) => !items.some((item) => item.kind === old.kind && item.ref === old.ref),
  )
  const all = [...kept, ...items]
  if (all.length > NOTEBOOK_LIMITS.items) throw fieldRefusal('ref', 'error.notebook.full')
  return { ...document, items: all }
}

/** Saves an occupation, resource, training, event, booking or service in the notebook. */
export const addItem = (options: {
  db: Database
  code: string
  now: Date
  input: NotebookItemInput
  language: string
}) =>
  change(options, async (document, row, tx) =>
    withItems(
      document,
      await newItems(tx, row.centreId, [options.input], 'visitor', options.now, options.language),
    ),
  )

export const removeItem = (options: { db: Database; code: string; now: Date; itemId: string }) =>
  change(options, (document) => ({
    ...document,
    items: document.items.filter((item) => item.id !== options.itemId),
  }))

/**
 * What a counsellor adds at the desk, the visitor's code in hand: a summary of the interview and
 * resources, services or events to come back to. Only at the centre the notebook belongs to.
 */
export const addSummary = (options: {
  db: Database
  code: string
  now: Date
  centreId: string
  input: NotebookSummaryInput
  language: string
}) =>
  change(options, async (document, row, tx) => {
    const items = await newItems(
      tx,
      row.centreId,
      options.input.items,
      'counsellor',
      options.now,
      options.language,
    )
    const summaries = options.input.text
      ? [...document.summaries, { id: randomUUID(), text: options.input.text, at: options.now.toISOString() }]
      : document.summaries
    if (summaries.length > NOTEBOOK_LIMITS.summaries) throw fieldRefusal('text', 'error.notebook.full')
    return { ...withItems(document, items), summaries }
  })

/** Erases a notebook at once: nothing of it stays. */
export async function deleteNotebook(options: { db: Database; code: string; now: Date }) {
  await options.db.transaction(async (tx) => {
    const { row } = await find(tx, options.code, options.now, true)
    await tx.delete(notebook).where(eq(notebook.id, row.id))
  })
}

/** Erases the notebooks gone unused for longer than their centre keeps one. Run daily. */
export async function sweepNotebooks({ db, now }: { db: Database; now: Date }): Promise<number> {
  const result = await db.execute(sql`delete from ${notebook} n using ${centre} c
    where c.id = n.centre_id and n.last_used_at < ${now}::timestamptz - c.notebook_idle_days * interval '1 day'
    returning n.id`)
  return rowsOf(result).length
}
