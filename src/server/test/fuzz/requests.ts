import fc from 'fast-check'
import { bodyOf, type FuzzBody } from './bodies'
import { hostileNumber, hostileString, RawJson, toJsonText } from './hostile-values'
import { knownId } from './known-values'
import type { JsonSchema, Operation, Parameter } from './operations'
import { type SchemaContext, schemaValue } from './schema-values'

/** Who sends a request: nobody, the centre's manager, a network administrator, or a forged credential. */
export type Identity = 'anonymous' | 'manager' | 'admin' | 'forged-cookie' | 'forged-bearer' | 'other-scheme'

export type FuzzRequest = {
  operation: string
  method: string
  /** Path and query string, percent-encoded (or not, on purpose). */
  url: string
  identity: Identity
  headers: Record<string, string>
  bodyKind: string
  body: string | Uint8Array<ArrayBuffer> | null
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']

/**
 * Percent-encodes like `encodeURIComponent`, but a lone surrogate (which that function refuses) becomes
 * the bytes a careless client would send for it: three bytes that are not valid UTF-8.
 */
export function encodeLoosely(text: string): string {
  let encoded = ''
  for (const unit of text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g) ?? []) {
    const code = unit.charCodeAt(0)
    encoded +=
      unit.length === 1 && code >= 0xd800 && code <= 0xdfff
        ? `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase()
        : encodeURIComponent(unit)
  }
  return encoded
}

export const asText = (value: unknown): string =>
  value instanceof RawJson ? value.text : typeof value === 'string' ? value : JSON.stringify(value)

const uuidLike = fc.oneof(
  fc.uuid().map((id) => id.toUpperCase()),
  fc.uuid().map((id) => `{${id}}`),
  fc.uuid().map((id) => id.replaceAll('-', '')),
  fc.uuid().map((id) => `${id}0`),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  ),
)

const traversal = fc.constantFrom(
  '..',
  '.',
  '%2e%2e',
  '..%2F..%2Fetc%2Fpasswd',
  '%2F',
  '%00',
  '%ZZ',
  '%',
  '%C0%AE',
)

/** An already-encoded path segment: mostly valid, often hostile, sometimes not encoded at all. */
function pathSegment(context: SchemaContext, parameter: Parameter): fc.Arbitrary<string> {
  const valid = schemaValue(context, parameter.schema, parameter.name).map(asText)
  const isUuid = parameter.schema.format === 'uuid'
  const hostile = fc.oneof(
    hostileString,
    hostileNumber.map(asText),
    isUuid ? fc.oneof(uuidLike, knownId(context.known)) : fc.string({ maxLength: 70 }),
  )
  const value = fc.oneof(
    { arbitrary: valid, weight: parameter.name === 'centre' ? 8 : 4 },
    { arbitrary: hostile, weight: 2 },
  )
  return fc.oneof(
    { arbitrary: value.map(encodeLoosely), weight: 8 },
    { arbitrary: value.map((raw) => raw.replace(/[?#/]/g, '')), weight: 1 },
    { arbitrary: traversal, weight: 1 },
  )
}

type QueryPair = [key: string, value: string | null]

/** The pairs one query parameter contributes: none, its value, a wrong one, repeated, bracketed, bare. */
function queryPairs(context: SchemaContext, parameter: Parameter): fc.Arbitrary<QueryPair[]> {
  const { name } = parameter
  const valid = schemaValue(context, parameter.schema, name).map((value) =>
    Array.isArray(value) ? value.map(asText) : [asText(value)],
  )
  const hostile = fc.oneof(hostileString, hostileNumber.map(asText))
  return fc.oneof(
    { arbitrary: fc.constant<QueryPair[]>([]), weight: parameter.required ? 1 : 5 },
    { arbitrary: valid.map((values) => values.map((v): QueryPair => [name, v])), weight: 6 },
    { arbitrary: hostile.map((v): QueryPair[] => [[name, v]]), weight: 3 },
    {
      arbitrary: fc
        .array(hostile, { minLength: 2, maxLength: 4 })
        .map((vs) => vs.map((v): QueryPair => [name, v])),
      weight: 1,
    },
    { arbitrary: hostile.map((v): QueryPair[] => [[`${name}[]`, v]]), weight: 1 },
    { arbitrary: fc.constantFrom<QueryPair[]>([[name, '']], [[name, null]]), weight: 1 },
  )
}

function queryString(context: SchemaContext, operation: Operation): fc.Arbitrary<string> {
  const parameters = operation.parameters.filter((parameter) => parameter.in === 'query')
  const extra = fc.oneof(
    { arbitrary: fc.constant<QueryPair[]>([]), weight: 8 },
    {
      arbitrary: fc.tuple(fc.string({ maxLength: 12 }), hostileString).map(([k, v]): QueryPair[] => [[k, v]]),
      weight: 2,
    },
  )
  const encodePair = ([key, value]: QueryPair) =>
    value === null ? encodeLoosely(key) : `${encodeLoosely(key)}=${encodeLoosely(value)}`
  const built = fc
    .tuple(fc.tuple(...parameters.map((parameter) => queryPairs(context, parameter))), extra)
    .map(([pairs, extras]) => [...pairs.flat(), ...extras].map(encodePair).join('&'))
  return fc.oneof(
    { arbitrary: built, weight: 19 },
    {
      arbitrary: fc.constantFrom('%', '&&&=', 'a=%ZZ', '=', '?', '%00=%00', `a=${'b'.repeat(9000)}`),
      weight: 1,
    },
  )
}

const identity = fc.oneof(
  { arbitrary: fc.constant<Identity>('manager'), weight: 10 },
  { arbitrary: fc.constant<Identity>('anonymous'), weight: 5 },
  { arbitrary: fc.constant<Identity>('admin'), weight: 2 },
  { arbitrary: fc.constantFrom<Identity>('forged-cookie', 'forged-bearer', 'other-scheme'), weight: 1 },
)

/** Header values must be printable Latin-1 without line breaks, or the request cannot even be built. */
const extraHeaders = fc.record(
  {
    origin: fc.oneof(
      { arbitrary: fc.constant('same'), weight: 18 },
      { arbitrary: fc.constantFrom('none', 'https://evil.example', 'null'), weight: 1 },
    ),
    'sec-fetch-site': fc.oneof(
      { arbitrary: fc.constant('same-origin'), weight: 8 },
      { arbitrary: fc.constantFrom('cross-site', 'same-site', 'none'), weight: 1 },
    ),
    'accept-language': fc.constantFrom(
      'fr',
      'en',
      'en-US,en;q=0.9',
      'ar',
      'xx',
      '*',
      'fr;q=abc',
      ';;;',
      'é'.repeat(3000),
    ),
    accept: fc.constantFrom('text/event-stream', 'text/html', '*/*', 'application/xml'),
  },
  { requiredKeys: ['origin'] },
)

function methodOf(operation: Operation): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(operation.method), weight: 17 },
    { arbitrary: fc.constantFrom(...METHODS), weight: 3 },
  )
}

/** The operation's path with each parameter filled in by `segment`. */
function pathOf(operation: Operation, segment: (parameter: Parameter) => fc.Arbitrary<string>) {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path')
  return fc
    .tuple(...pathParameters.map(segment))
    .map((segments) =>
      pathParameters.reduce(
        (template, parameter, index) => template.replace(`{${parameter.name}}`, segments[index] ?? ''),
        operation.path,
      ),
    )
}

/** A query string every parameter of which is valid: required ones always, optional ones at times. */
function validQuery(context: SchemaContext, operation: Operation): fc.Arbitrary<string> {
  const parameters = operation.parameters.filter((parameter) => parameter.in === 'query')
  if (parameters.length === 0) return fc.constant('')
  // One object of all the parameters, so that pairs such as from/to come in order.
  const schema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema])),
    required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  }
  return schemaValue(context, schema).map((value) =>
    Object.entries(value as Record<string, unknown>)
      .flatMap(([name, given]) =>
        (Array.isArray(given) ? given : [given]).map(
          (each) => `${encodeLoosely(name)}=${encodeLoosely(asText(each))}`,
        ),
      )
      .join('&'),
  )
}

/**
 * Requests for one operation. Two in five are well formed (the operation's method, valid parameters and
 * body, mostly signed in) and so reach the services with valid but odd data; the others are hostile in any
 * part: method, path, query string, credentials, headers, body.
 */
export function operationRequests(
  context: SchemaContext,
  operation: Operation,
  options: { bodyLimit: number; publicOrigin: string },
): fc.Arbitrary<FuzzRequest> {
  const valid = operation.body ? schemaValue(context, operation.body.schema) : null
  const wellFormed = fc.record({
    method: fc.constant(operation.method),
    path: pathOf(operation, (parameter) =>
      schemaValue({ ...context, template: operation.path }, parameter.schema, parameter.name).map((value) =>
        encodeLoosely(asText(value)),
      ),
    ),
    query: validQuery(context, operation),
    identity: fc.constantFrom<Identity>('manager', 'admin', 'manager', 'admin', 'anonymous'),
    headers: fc.constant({ origin: 'same' }),
    body: valid
      ? valid.map(
          (value): FuzzBody => ({
            kind: 'valid-json',
            contentType: 'application/json',
            body: toJsonText(value),
          }),
        )
      : fc.constant<FuzzBody>({ kind: 'none', contentType: null, body: null }),
  })
  const hostile = fc.record({
    method: methodOf(operation),
    path: pathOf(operation, (parameter) => pathSegment({ ...context, template: operation.path }, parameter)),
    query: queryString(context, operation),
    identity,
    headers: extraHeaders,
    body: bodyOf(valid, options.bodyLimit),
  })
  return fc
    .oneof({ arbitrary: wellFormed, weight: 2 }, { arbitrary: hostile, weight: 3 })
    .map(({ method, path, query, identity: who, headers: given, body }) => {
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(given)) if (value !== undefined) headers[name] = value
      if (headers.origin === 'same') headers.origin = options.publicOrigin
      else if (headers.origin === 'none') delete headers.origin
      return assemble(operation, method, query ? `${path}?${query}` : path, who, headers, body)
    })
}

function assemble(
  operation: Operation,
  method: string,
  url: string,
  identity: Identity,
  headers: Record<string, string>,
  body: FuzzBody,
): FuzzRequest {
  // fetch refuses a body on GET and HEAD: those go without.
  const canHaveBody = method !== 'GET' && method !== 'HEAD'
  if (body.contentType !== null) headers['content-type'] = body.contentType
  return {
    operation: operation.label,
    method,
    url,
    identity,
    headers,
    bodyKind: canHaveBody ? body.kind : 'none',
    body: canHaveBody ? body.body : null,
  }
}

/** Requests over every operation of the document, each as likely as the others. */
export function fuzzRequests(
  context: SchemaContext,
  operations: Operation[],
  options: { bodyLimit: number; publicOrigin: string },
): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...operations.map((operation) => operationRequests(context, operation, options)))
}
