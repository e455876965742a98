/**
 * The operations of the OpenAPI document, as the fuzzer needs them: method, full path template, parameters
 * and JSON request body, with every `$ref` left for `resolveSchema` to follow on demand.
 */

/** The subset of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that the app's Zod schemas produce. */
export type JsonSchema = {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  maxItems?: number
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
}

export type OpenApiDocument = {
  servers?: { url: string }[]
  paths: Record<string, Record<string, OperationObject>>
  components?: { schemas?: Record<string, JsonSchema> }
}

type OperationObject = {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[]
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> }
  security?: unknown[]
}

export type Parameter = { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }

export type Operation = {
  /** `POST /centres/{centre}/areas`: how figures and failures name the operation. */
  label: string
  method: string
  /** The template with the server's prefix: `/api/v1/centres/{centre}/areas`. */
  path: string
  parameters: Parameter[]
  body: { schema: JsonSchema; required: boolean } | null
  isSecured: boolean
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete'])

export function readOperations(document: OpenApiDocument): Operation[] {
  const prefix = document.servers?.[0]?.url ?? ''
  const operations: Operation[] = []
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue
      const parameters = (operation.parameters ?? []).flatMap((parameter): Parameter[] =>
        parameter.in === 'path' || parameter.in === 'query'
          ? [
              {
                name: parameter.name,
                in: parameter.in,
                required: parameter.required ?? parameter.in === 'path',
                schema: parameter.schema ?? {},
              },
            ]
          : [],
      )
      const json = operation.requestBody?.content?.['application/json']?.schema
      operations.push({
        label: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path: `${prefix}${path}`,
        parameters,
        body: json ? { schema: json, required: operation.requestBody?.required ?? false } : null,
        isSecured: (operation.security?.length ?? 0) > 0,
      })
    }
  }
  return operations
}

/** Follows `$ref`s into `#/components/schemas` until a schema that is not a reference. */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '')
    const target = document.components?.schemas?.[name]
    if (!target) throw new Error(`unresolved reference ${current.$ref}`)
    current = target
  }
  return current
}
