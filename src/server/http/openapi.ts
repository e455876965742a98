import { errorResponseSchema } from '../../shared/schemas/common'

/** An error response in the one shape every error has. */
export const errorContent = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorResponseSchema } },
})

/** Error responses every route may give, for the OpenAPI document. */
export const publicErrors = {
  404: errorContent('Not found'),
  422: errorContent('Invalid input, with a translated message per field'),
} as const

export const staffErrors = {
  ...publicErrors,
  401: errorContent('Not signed in'),
  403: errorContent('Signed in without the needed role'),
  409: errorContent('Conflicts with existing data'),
} as const

export const staffSecurity: Record<string, string[]>[] = [{ cookieAuth: [] }, { bearerAuth: [] }]

/** A required JSON request body, for `createRoute({ request: { ...jsonBody(schema) } })`. */
export const jsonBody = <T>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
})

export function jsonContent<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}
