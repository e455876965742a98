import fc from 'fast-check'

/**
 * Real rows, so that a good share of requests name things that exist and reach the services rather than
 * stopping at "not found": the fixture's, then whatever the app answers with (an event created by one
 * request is updated by a later one). Ids and codes are kept by collection — the path segment before
 * `{id}` in a template — so that `/desks/{id}` is given a desk's id. Arbitraries read the pools when they
 * generate, so what a request renamed or created is seen by the next one.
 */
export type KnownValues = {
  centreSlug: string
  areaSlugs: string[]
  ids: Record<string, string[]>
  /** Booking, notebook and question codes, ticket tracking tokens, occupation codes. */
  codes: Record<string, string[]>
}

const POOL_SIZE = 30
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const FALLBACK_ID = '00000000-0000-4000-8000-000000000000'

/** Two names of one collection: the public programme shows events, the directory is a list of services. */
const ALIASES: Record<string, string> = {
  programme: 'events',
  services: 'directory',
  desk: 'desks',
  track: 'track',
}

const pluralOf = (name: string) => ALIASES[name] ?? (name.endsWith('s') ? name : `${name}s`)

/** The collection a parameter names: the static segment before it, else its own name (`{desk}` → desks). */
export function collectionOf(template: string, parameter: string): string {
  const segments = template.split('/')
  const at = segments.indexOf(`{${parameter}}`)
  const before = at > 0 ? segments[at - 1] : undefined
  return pluralOf(before && !before.startsWith('{') ? before : parameter)
}

/** The collection a field's id belongs to, from its name: `areaIds` → areas, `eventId` → events. */
export const collectionOfField = (name: string) => pluralOf(name.replace(/Ids?$/, ''))

/** One value of a pool, read at generation time; `fallback` when the pool is empty. */
export function fromPool(pool: () => readonly string[] | undefined, fallback: string): fc.Arbitrary<string> {
  return fc.nat().map((index) => {
    const values = pool() ?? []
    return values.length ? (values[index % values.length] ?? fallback) : fallback
  })
}

export const knownCentre = (known: KnownValues) => fromPool(() => [known.centreSlug], 'no-centre')
export const knownAreaSlug = (known: KnownValues) => fromPool(() => known.areaSlugs, 'no-area')

/** An id of the collection (most of the time, when there is one), else an id of anything. */
export function knownId(known: KnownValues, collection?: string): fc.Arbitrary<string> {
  const any = fromPool(() => Object.values(known.ids).flat(), FALLBACK_ID)
  if (!collection) return any
  return fc.oneof(
    {
      arbitrary: fromPool(() => known.ids[collection] ?? Object.values(known.ids).flat(), FALLBACK_ID),
      weight: 4,
    },
    { arbitrary: any, weight: 1 },
  )
}

export const knownCode = (known: KnownValues, collection: string) =>
  fromPool(() => known.codes[collection] ?? Object.values(known.codes).flat(), 'NO-CODE')

function remember(pools: Record<string, string[]>, collection: string, value: string) {
  const pool = pools[collection] ?? []
  pools[collection] = pool
  if (pool.includes(value)) return
  pool.push(value)
  if (pool.length > POOL_SIZE) pool.shift()
}

/** Keeps the ids and codes of a successful answer for later requests. */
export function harvest(known: KnownValues, operation: string, answer: unknown) {
  const template = operation.split(' ')[1] ?? ''
  const statics = template.split('/').filter((segment) => segment && !segment.startsWith('{'))
  const last = template.endsWith('}') ? template.split('/').at(-2) : statics.at(-1)
  const collection = pluralOf(last && !last.startsWith('{') ? last : (statics.at(-1) ?? 'things'))
  const walk = (value: unknown, where: string, depth: number) => {
    if (depth > 3 || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 5)) walk(item, where, depth + 1)
      return
    }
    const record = value as Record<string, unknown>
    if (typeof record.id === 'string' && UUID.test(record.id)) remember(known.ids, where, record.id)
    if (where === collection && typeof record.code === 'string') remember(known.codes, where, record.code)
    if (typeof record.trackToken === 'string') remember(known.codes, 'track', record.trackToken)
    for (const [key, inner] of Object.entries(record))
      if (inner && typeof inner === 'object') walk(inner, pluralOf(key), depth + 1)
  }
  walk(answer, collection, 0)
}
