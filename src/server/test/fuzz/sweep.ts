import fc from 'fast-check'
import { type Path, updateAt } from './bodies'
import { RawJson, toJsonText } from './hostile-values'
import { type JsonSchema, type Operation, resolveSchema } from './operations'
import { asText, encodeLoosely, type FuzzRequest } from './requests'
import { type SchemaContext, schemaValue } from './schema-values'

/**
 * The systematic half of the fuzzer: every parameter and every body field (two levels down, arrays by
 * their first item) of every operation, in turn, given a hostile value while everything else stays valid,
 * as a network administrator (whom no role check stops). Random requests seldom put exactly the one bad
 * value in an otherwise good request; this puts each one there.
 */
export const SWEEP_VALUES: unknown[] = [
  '\u0000',
  '\uD800',
  2_147_483_648,
  new RawJson('1e400'),
  'x'.repeat(5_000),
  'a\u0000b',
  'lone \uDC00',
  -2_147_483_649,
  1e300,
  -1,
  0.5,
  null,
  true,
  [],
  {},
  '',
  ' ',
  '99999999999999999999',
  '2147483648',
  '-1',
  new RawJson(`${'['.repeat(20)}${']'.repeat(20)}`),
  '2024-02-30',
  '0000-01-01',
  '9999-12-31',
  '25:61',
  '٣',
  '../../etc/passwd',
]

/** The schema with every property required and every array of at least one item, so that all are there. */
function complete(context: SchemaContext, given: JsonSchema, depth = 0): JsonSchema {
  const schema = resolveSchema(context.document, given)
  if (depth > 4) return schema
  const inner = (part: JsonSchema) => complete(context, part, depth + 1)
  return {
    ...schema,
    ...(schema.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(schema.properties).map(([key, part]) => [key, inner(part)]),
          ),
          required: Object.keys(schema.properties),
        }
      : {}),
    ...(schema.items ? { items: inner(schema.items) } : {}),
    ...(schema.type === 'array' && (schema.maxItems ?? 1) >= 1
      ? { minItems: Math.max(schema.minItems ?? 0, 1) }
      : {}),
    ...(schema.anyOf ? { anyOf: schema.anyOf.map(inner) } : {}),
    ...(schema.allOf ? { allOf: schema.allOf.map(inner) } : {}),
  }
}

/** Paths to the fields of `value`, two levels down; an array stands for its first item. */
function fieldPaths(value: unknown, prefix: Path = [], depth = 0): Path[] {
  if (depth > 2 || value === null || typeof value !== 'object' || value instanceof RawJson) return []
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.slice(0, 1).map((item) => [0, item])
    : Object.entries(value)
  return entries.flatMap(([key, inner]) => [
    [...prefix, key],
    ...fieldPaths(inner, [...prefix, key], depth + 1),
  ])
}

/**
 * The sweep's requests, one at a time. With `oneEach`, each place gets one of the values in turn (a
 * short sweep for the test suite); otherwise every place gets every value.
 */
export function* sweepRequests(
  context: SchemaContext,
  operations: Operation[],
  options: { seed: number; publicOrigin: string; oneEach: boolean; values?: unknown[] },
): Generator<FuzzRequest> {
  const values = options.values ?? SWEEP_VALUES
  let place = 0
  for (const operation of operations) {
    const sample = <T>(arbitrary: fc.Arbitrary<T>) =>
      fc.sample(arbitrary, { numRuns: 1, seed: options.seed })[0] as T
    const parameters = Object.fromEntries(
      operation.parameters.map((parameter) => [
        parameter.name,
        sample(
          schemaValue(
            parameter.in === 'path' ? { ...context, template: operation.path } : context,
            parameter.schema,
            parameter.name,
          ),
        ),
      ]),
    )
    const body = operation.body
      ? sample(schemaValue(context, complete(context, operation.body.schema)))
      : null
    const build = (given: Record<string, unknown>, json: unknown): FuzzRequest => {
      let path = operation.path
      const query: string[] = []
      for (const parameter of operation.parameters) {
        const value = given[parameter.name]
        const texts = Array.isArray(value) && parameter.in === 'query' ? value.map(asText) : [asText(value)]
        if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeLoosely(texts[0] ?? ''))
        else for (const text of texts) query.push(`${encodeLoosely(parameter.name)}=${encodeLoosely(text)}`)
      }
      return {
        operation: operation.label,
        method: operation.method,
        url: query.length ? `${path}?${query.join('&')}` : path,
        identity: 'admin',
        headers: {
          origin: options.publicOrigin,
          ...(json === null ? {} : { 'content-type': 'application/json' }),
        },
        bodyKind: 'sweep',
        body: json === null ? null : toJsonText(json),
      }
    }
    const chosen = () => (options.oneEach ? [values[place++ % values.length]] : values)
    for (const parameter of operation.parameters)
      for (const value of chosen()) yield build({ ...parameters, [parameter.name]: value }, body)
    for (const path of fieldPaths(body))
      for (const value of chosen())
        yield build(
          parameters,
          updateAt(body, path, () => value),
        )
  }
}
