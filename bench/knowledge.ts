import { randomBytes } from 'node:crypto'
import type { DatabaseHandle } from '../src/server/db/client'
import { user } from '../src/server/db/schema/auth'
import { createService, listStaffServices } from '../src/server/modules/directory/directory-service'
import { createNote, listNotes, updateNote } from '../src/server/modules/knowledge/knowledge-service'
import { createBenchCentre, onEachEngine, withMigratedDatabase } from './support/engines'
import { percentile, printTable } from './support/figures'

/**
 * A centre whose staff have written a lot down: 300 services in the referral directory and 5,000
 * knowledge notes of 80 to 200 words, each linked to a service. Figures: how fast notes are written and
 * changed (each a transaction with its revision, links and search vector), and how long a search takes —
 * the knowledge base by one or two words (with and without a tag), and the staff directory by words — on
 * PGlite and on PostgreSQL.
 */

const SERVICES = 300
const NOTES = 5_000
const EDITS = 500
const SEARCHES = 300

const words = (
  'logement jeunes emploi formation apprentissage entretien candidature alternance reconversion ' +
  'handicap mobilité permis santé droits chômage indemnisation création entreprise financement ' +
  'orientation bilan compétences validation acquis expérience stage étranger langue numérique ' +
  'hébergement urgence famille transport aide accompagnement contrat licenciement rupture salaire ' +
  'métier secteur recrutement forum atelier conseiller partenaire dossier rendez-vous accueil'
).split(' ')
const tags = ['logement', 'jeunes', 'emploi', 'formation', 'droits', 'santé', 'mobilité', 'création']

let seed = 42
/** A small deterministic generator, so that every run writes the same notes. */
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}
const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T
/** Everyday words of a note: 3,000 made-up ones, so that a guidance word is as rare as in real notes. */
const filler = Array.from({ length: 3_000 }, () =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () =>
    pick(['ba', 'ro', 'ti', 'lu', 'ne', 'sa', 'po', 'ki', 'de', 'mo']),
  ).join(''),
)
/** One word in thirty is a guidance word: a query of one such word matches about one note in ten. */
const sentence = (length: number) =>
  Array.from({ length }, () => (random() < 1 / 30 ? pick(words) : pick(filler))).join(' ')

type Sample = {
  writes: number[]
  edits: number[]
  writeSeconds: number
  search: number[]
  tagged: number[]
  directory: number[]
  hits: number
}

async function measure(handle: DatabaseHandle): Promise<Sample> {
  const { db } = handle
  const centre = await createBenchCentre(db)
  const authorId = `bench-${randomBytes(4).toString('hex')}`
  await db.insert(user).values({ id: authorId, name: 'Conseillère', email: `${authorId}@bench.example` })
  const serviceIds: string[] = []
  for (let i = 0; i < SERVICES; i++)
    serviceIds.push(
      await createService({
        db,
        centreId: centre.id,
        actorUserId: null,
        input: {
          organisation: `Structure ${i}`,
          name: { fr: sentence(4) },
          description: { fr: sentence(30) },
          eligibility: { fr: sentence(10) },
          lastVerified: '2026-11-01',
        },
      }),
    )

  const writes: number[] = []
  const noteIds: string[] = []
  const started = performance.now()
  for (let i = 0; i < NOTES; i++) {
    const at = performance.now()
    noteIds.push(
      await createNote({
        db,
        centreId: centre.id,
        actorUserId: authorId,
        language: 'fr',
        input: {
          kind: pick(['practice', 'referral', 'partner_news'] as const),
          title: sentence(6),
          body: sentence(80 + Math.floor(random() * 120)),
          tags: [pick(tags), pick(tags)],
          serviceIds: [pick(serviceIds)],
        },
      }),
    )
    writes.push(performance.now() - at)
  }
  const writeSeconds = (performance.now() - started) / 1000

  const edits: number[] = []
  for (let i = 0; i < EDITS; i++) {
    const at = performance.now()
    await updateNote({
      db,
      centreId: centre.id,
      actorUserId: authorId,
      noteId: noteIds[i] ?? '',
      input: { kind: 'practice', title: sentence(6), body: sentence(120), tags: [pick(tags)], version: 1 },
    })
    edits.push(performance.now() - at)
  }

  const timed = async (call: () => Promise<unknown>) => {
    const at = performance.now()
    await call()
    return performance.now() - at
  }
  const search: number[] = []
  const tagged: number[] = []
  const directory: number[] = []
  let hits = 0
  for (let i = 0; i < SEARCHES; i++) {
    // Queries name guidance words, one or two of them, as staff type them.
    const q = random() < 0.5 ? pick(words) : `${pick(words)} ${pick(words)}`
    search.push(
      await timed(async () => {
        hits += (await listNotes({ db, centreId: centre.id, query: { q }, language: 'fr' })).total
      }),
    )
    tagged.push(
      await timed(() =>
        listNotes({ db, centreId: centre.id, query: { q, tag: pick(tags) }, language: 'fr' }),
      ),
    )
    directory.push(
      await timed(() => listStaffServices({ db, centreId: centre.id, now: new Date(), q, language: 'fr' })),
    )
  }
  return { writes, edits, writeSeconds, search, tagged, directory, hits: Math.round(hits / SEARCHES) }
}

export async function run() {
  console.log(
    `Knowledge base benchmark: ${SERVICES} directory services, ${NOTES} notes of 80–200 words written one after another, ${EDITS} changed, then ${SEARCHES} searches of one or two words`,
  )
  const results = await onEachEngine('knowledge', (engine) => withMigratedDatabase(engine, measure))
  const ms = (value: number) => `${value.toFixed(1)} ms`
  const p = (values: number[]) => `${ms(percentile(values, 0.5))} / ${ms(percentile(values, 0.95))}`
  printTable(
    [
      'engine',
      'notes/s',
      'write p50/p95',
      'change p50/p95',
      'search p50/p95',
      '+ tag p50/p95',
      'directory p50/p95',
      'avg hits',
    ],
    results.map(([label, sample]) => [
      label,
      `${Math.round(NOTES / sample.writeSeconds)}/s`,
      p(sample.writes),
      p(sample.edits),
      p(sample.search),
      p(sample.tagged),
      p(sample.directory),
      String(sample.hits),
    ]),
  )
  console.log(
    `\nnode ${process.version}. Each figure is one call of the service as a request makes it, the database included; a search returns the first 100 notes, the total and the tags in use.`,
  )
}
