import fc from 'fast-check'
import { hostileKey, hostileValue, RawJson, toJsonText } from './hostile-values'

/**
 * Request bodies: a valid value of the operation's schema, then mutated (a field removed, given the
 * wrong type, null or a hostile value, an unknown field added, the whole body replaced), sent as JSON,
 * as malformed JSON, under a wrong content type, as invalid UTF-8, or over the body limit.
 */

export type FuzzBody = {
  kind: string
  contentType: string | null
  body: string | Uint8Array<ArrayBuffer> | null
}

type Mutation = {
  kind: 'remove' | 'replace' | 'null' | 'add' | 'wrong-type' | 'root'
  pick: number
  key: string
  value: unknown
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('remove', 'replace', 'null', 'add', 'wrong-type', 'root'),
  pick: fc.nat(),
  key: hostileKey,
  value: hostileValue,
})

export type Path = (string | number)[]

/** Every node below the root (a few levels deep), and the containers new keys can go into. */
function pathsOf(value: unknown, prefix: Path = [], depth = 0): { nodes: Path[]; objects: Path[] } {
  const nodes: Path[] = []
  const objects: Path[] = []
  if (value instanceof RawJson || value === null || typeof value !== 'object' || depth > 4)
    return { nodes, objects }
  if (!Array.isArray(value)) objects.push(prefix)
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((inner, index) => [index, inner])
    : Object.entries(value)
  for (const [key, inner] of entries) {
    nodes.push([...prefix, key])
    const below = pathsOf(inner, [...prefix, key], depth + 1)
    nodes.push(...below.nodes)
    objects.push(...below.objects)
  }
  return { nodes, objects }
}

const REMOVE = Symbol('remove')

/** A copy of `tree` with the node at `path` changed by `change` (or removed when it returns REMOVE). */
export function updateAt(tree: unknown, path: Path, change: (node: unknown) => unknown): unknown {
  if (path.length === 0) return change(tree)
  const [key, ...rest] = path
  if (Array.isArray(tree)) {
    const copy = [...tree]
    const next = updateAt(copy[Number(key)], rest, change)
    if (next === REMOVE) copy.splice(Number(key), 1)
    else copy[Number(key)] = next
    return copy
  }
  const copy: Record<string, unknown> = {}
  for (const [own, inner] of Object.entries(tree as Record<string, unknown>)) define(copy, own, inner)
  const next = updateAt(copy[String(key)], rest, change)
  if (next === REMOVE) delete copy[String(key)]
  else define(copy, String(key), next)
  return copy
}

/** Assignment would turn a `__proto__` key into a prototype: define it as an own property instead. */
function define(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

function wrongType(value: unknown, pick: number): unknown {
  if (typeof value === 'string') return pick % 2 ? Number(value.length) : [value]
  if (typeof value === 'number') return pick % 2 ? String(value) : { value }
  if (typeof value === 'boolean') return pick % 2 ? String(value) : Number(value)
  if (Array.isArray(value)) return pick % 2 ? { ...value } : toJsonText(value)
  if (value && typeof value === 'object') return pick % 2 ? [value] : 'object'
  return pick % 2 ? 0 : ''
}

function mutate(tree: unknown, change: Mutation): unknown {
  const { nodes, objects } = pathsOf(tree)
  if (change.kind === 'root') return change.value
  if (change.kind === 'add' || nodes.length === 0) {
    const container = objects[change.pick % Math.max(objects.length, 1)]
    if (!container) return change.value
    return updateAt(tree, container, (node) => {
      const copy: Record<string, unknown> = {}
      for (const [own, inner] of Object.entries(node as Record<string, unknown>)) define(copy, own, inner)
      define(copy, change.key, change.value)
      return copy
    })
  }
  const path = nodes[change.pick % nodes.length] ?? []
  switch (change.kind) {
    case 'remove':
      return updateAt(tree, path, () => REMOVE)
    case 'null':
      return updateAt(tree, path, () => null)
    case 'wrong-type':
      return updateAt(tree, path, (node) => wrongType(node, change.pick))
    default:
      return updateAt(tree, path, () => change.value)
  }
}

/** JSON text of a valid value half the time, of a mutated one the other half. */
export function jsonText(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const mutated = fc
    .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([value, changes]) => changes.reduce(mutate, value))
  return fc.oneof(valid, mutated).map(toJsonText)
}

const malformedTexts = [
  '',
  ' ',
  '{',
  '}',
  '[',
  '{"a":}',
  "{'a':1}",
  '{"a":1,}',
  'NaN',
  'undefined',
  '\uFEFF{}',
  '{"a":1}{"b":2}',
  'nul',
  '"\\u00"',
  '{"a"\u0000:1}',
  '\u0000',
  '{"a":"\\x41"}',
  '{a:1}',
]

function malformed(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...malformedTexts),
    fc.tuple(text, fc.nat()).map(([json, cut]) => json.slice(0, cut % Math.max(json.length, 1))),
    fc
      .tuple(text, fc.constantFrom(',', '}', ']', '"', '\\', ' garbage', '\u0000'))
      .map(([json, tail]) => json + tail),
  )
}

const JSON_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'Application/JSON',
  'application/json;charset=latin1',
  'application/vnd.api+json',
  'application/json, text/plain',
]

const OTHER_TYPES = [
  'text/plain',
  'text/plain;charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----fuzz',
  'multipart/form-data',
  'application/xml',
  'application/octet-stream',
  'text/html',
  '',
  '*/*',
  'json',
]

const otherBodies = fc.constantFrom(
  'name=Bureau&areaIds=1&areaIds=2',
  'a=%ZZ&b=%00&c',
  '------fuzz\r\nContent-Disposition: form-data; name="name"\r\n\r\nBureau\r\n------fuzz--\r\n',
  '------fuzz\r\nContent-Disposition: form-data; name="file"; filename="../../x"\r\n\r\n\u0000\r\n',
  '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b SYSTEM "file:///etc/passwd">]><a>&b;</a>',
)

const invalidUtf8 = fc
  .constantFrom(
    [0xff, 0xfe],
    [0xc3, 0x28],
    [0xed, 0xa0, 0x80],
    [0xe2, 0x82],
    [0xf4, 0x90, 0x80, 0x80],
    [0x00],
  )
  .map((bytes) => {
    const encoder = new TextEncoder()
    return new Uint8Array([...encoder.encode('{"name":"'), ...bytes, ...encoder.encode('","text":"x"}')])
  })

function oversize(bodyLimit: number): fc.Arbitrary<FuzzBody> {
  return fc
    .tuple(fc.constantFrom(1, 1_000, bodyLimit * 3), fc.constantFrom('application/json', 'text/plain', null))
    .map(([over, contentType]) => ({
      kind: 'oversize',
      contentType,
      body: `{"text":"${'a'.repeat(bodyLimit + over)}"}`,
    }))
}

/** A body for an operation that takes JSON `valid` (or none, when `valid` is null). */
export function bodyOf(valid: fc.Arbitrary<unknown> | null, bodyLimit: number): fc.Arbitrary<FuzzBody> {
  const text = jsonText(valid ?? hostileValue)
  const json = fc
    .tuple(text, fc.constantFrom(...JSON_TYPES), fc.nat(9))
    .map(([body, type, odds]) => ({ kind: 'json', contentType: odds < 7 ? 'application/json' : type, body }))
  const anyType = fc.constantFrom<string | null>(...JSON_TYPES, ...OTHER_TYPES, null)
  const variants = [
    {
      arbitrary: fc.tuple(malformed(text), anyType).map(([body, contentType]) => ({
        kind: 'malformed-json',
        contentType,
        body,
      })),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(fc.oneof(text, otherBodies), fc.constantFrom<string | null>(...OTHER_TYPES, null))
        .map(([body, contentType]) => ({ kind: 'wrong-content-type', contentType, body })),
      weight: 2,
    },
    { arbitrary: oversize(bodyLimit), weight: 1 },
    {
      arbitrary: invalidUtf8.map((body) => ({ kind: 'invalid-utf8', contentType: 'application/json', body })),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom<string | null>('application/json', null).map((contentType) => ({
        kind: 'no-body',
        contentType,
        body: null,
      })),
      weight: 1,
    },
  ]
  return valid
    ? fc.oneof({ arbitrary: json, weight: 12 }, ...variants)
    : fc.oneof(
        { arbitrary: fc.constant<FuzzBody>({ kind: 'none', contentType: null, body: null }), weight: 10 },
        { arbitrary: json, weight: 1 },
        ...variants,
      )
}
