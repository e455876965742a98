import fc from 'fast-check'
import {
  collectionOf,
  collectionOfField,
  fromPool,
  type KnownValues,
  knownAreaSlug,
  knownCentre,
  knownCode,
  knownId,
} from './known-values'
import { type JsonSchema, type OpenApiDocument, resolveSchema } from './operations'

/**
 * Values that satisfy a JSON Schema of the OpenAPI document (as far as the document tells: refinements
 * written in Zod beyond it are not visible), drawing ids, slugs and codes from the real centre often
 * enough that requests get past "not found" and into the services.
 */

export type SchemaContext = {
  document: OpenApiDocument
  known: KnownValues
  /** For a path parameter: the template it fills, which tells what collection an id or code is of. */
  template?: string
}

const MAX_DEPTH = 6

export function schemaValue(
  context: SchemaContext,
  given: JsonSchema,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolveSchema(context.document, given)
  if (depth > MAX_DEPTH) return fc.constant(null)
  if (schema.allOf?.length) return schemaValue(context, mergeAll(context, schema.allOf), name, depth)
  const branches = schema.anyOf ?? schema.oneOf
  if (branches?.length)
    return fc.oneof(...branches.map((branch) => schemaValue(context, branch, name, depth + 1)))
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum?.length) return fc.constantFrom(...schema.enum)
  if (Array.isArray(schema.type))
    return fc.oneof(...schema.type.map((type) => schemaValue(context, { ...schema, type }, name, depth)))
  switch (schema.type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return fc.integer(numberRange(schema, true))
    case 'number':
      return fc.double({ ...numberRange(schema, false), noNaN: true, noDefaultInfinity: true })
    case 'string':
      return stringValue(context, schema, name)
    case 'array': {
      const minLength = schema.minItems ?? 0
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4))
      return fc.array(schemaValue(context, schema.items ?? {}, name, depth + 1), { minLength, maxLength })
    }
    case 'object':
      return objectValue(context, schema, depth)
    default:
      return schema.properties ? objectValue(context, schema, depth) : fc.jsonValue({ maxDepth: 2 })
  }
}

function objectValue(context: SchemaContext, schema: JsonSchema, depth: number) {
  const properties = Object.entries(schema.properties ?? {})
  if (properties.length === 0)
    return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })
  const shape = Object.fromEntries(
    properties.map(([key, inner]) => [key, schemaValue(context, inner, key, depth + 1)]),
  )
  return fc
    .record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in shape) })
    .map(orderPairs)
}

/** Fields that come in order (a start before its end): refinements the document cannot express. */
const ORDERED_PAIRS = [
  ['startsAt', 'endsAt'],
  ['startsOn', 'endsOn'],
  ['opensAt', 'closesAt'],
  ['validFrom', 'validUntil'],
  ['from', 'to'],
  ['bookingOpensAt', 'bookingClosesAt'],
  ['minMinutes', 'maxMinutes'],
] as const

function orderPairs(value: Record<string, unknown>): Record<string, unknown> {
  for (const [first, second] of ORDERED_PAIRS) {
    const a = value[first]
    const b = value[second]
    if (typeof a === typeof b && (typeof a === 'string' || typeof a === 'number') && a > (b as typeof a)) {
      value[first] = b
      value[second] = a
    }
  }
  return value
}

function mergeAll(context: SchemaContext, parts: JsonSchema[]): JsonSchema {
  const merged: JsonSchema = { properties: {}, required: [] }
  for (const part of parts.map((each) => resolveSchema(context.document, each))) {
    const { properties, required, ...rest } = part
    Object.assign(merged, rest)
    Object.assign(merged.properties ?? {}, properties)
    merged.required?.push(...(required ?? []))
  }
  return merged
}

function numberRange(schema: JsonSchema, isInteger: boolean) {
  const step = isInteger ? 1 : Number.EPSILON
  const min =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : -1000)
  const max =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - step : 100_000)
  return { min: Math.min(min, max), max: Math.max(min, max) }
}

const SLUG = '^[a-z0-9]+(?:-[a-z0-9]+)*$'

function stringValue(context: SchemaContext, schema: JsonSchema, name: string): fc.Arbitrary<string> {
  const { known } = context
  const minLength = schema.minLength ?? 0
  const maxLength = Math.max(minLength, schema.maxLength ?? 40)
  const fit = (value: string) => (value.length > maxLength ? value.slice(0, maxLength) : value)
  switch (schema.format) {
    case 'uuid': {
      const collection = context.template ? collectionOf(context.template, name) : collectionOfField(name)
      return fc.oneof(
        { arbitrary: knownId(known, collection), weight: 3 },
        { arbitrary: fc.uuid(), weight: 1 },
      )
    }
    case 'date':
      return isoDate
    case 'date-time':
      return isoDate.chain((day) =>
        fc.constantFrom(`${day}T09:30:00Z`, `${day}T17:45:00.000Z`, `${day}T12:00:00+02:00`),
      )
    case 'uri':
      return fc.webUrl().map(fit)
  }
  if (name === 'centre') return knownCentre(known)
  if (name === 'userId') return fromPool(() => known.ids.staff, 'no-user')
  if (name === 'email' || name === 'contact')
    return fc.oneof(fc.emailAddress().map(fit), fc.constant(''), fc.string({ maxLength: 12 }))
  if (name === 'timezone')
    return fc.constantFrom('Europe/Paris', 'America/Cayenne', 'Pacific/Noumea', 'UTC', 'Mars/Olympus')
  if (schema.pattern === SLUG && (name === 'area' || name === 'areas'))
    return fc.oneof({ arbitrary: knownAreaSlug(known), weight: 3 }, { arbitrary: slugValue, weight: 1 })
  if (schema.pattern === SLUG) return slugValue.map(fit)
  const shaped = schema.pattern
    ? patternValue(schema.pattern, minLength, maxLength)
    : fc
        .oneof(
          fc.string({ unit: 'grapheme-ascii', minLength, maxLength: Math.min(maxLength, 40) }),
          fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, 40) }),
        )
        .map(fit)
  // Booking, notebook and question codes, tracking tokens: real ones open real records.
  if (context.template && (name === 'code' || name === 'token'))
    return fc.oneof(
      { arbitrary: knownCode(known, collectionOf(context.template, name)), weight: 2 },
      { arbitrary: shaped, weight: 1 },
    )
  return shaped
}

/** Dates around now, where opening hours, programmes and statistics have something to say. */
const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2031-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10))

const slugValue = fc.stringMatching(new RegExp(SLUG)).filter((slug) => slug.length >= 2 && slug.length <= 60)

function patternValue(pattern: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  let expression: RegExp
  try {
    expression = new RegExp(pattern, 'u')
  } catch {
    return fc.string({ minLength, maxLength: Math.min(maxLength, 40) })
  }
  // fast-check cannot generate from Unicode property classes (\p{L}): fall back to letters.
  if (/\\p\{/.test(pattern))
    return fc
      .string({ unit: 'grapheme', minLength: Math.max(minLength, 1), maxLength: Math.min(maxLength, 20) })
      .map((text) => text.replace(/[^\p{L}\p{N}]/gu, 'x'))
  return fc.stringMatching(expression).map((text) => text.slice(0, maxLength))
}
