import { errorResponseSchema } from '../../shared/schemas/common'

const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorResponseSchema } },
})

/** Error responses every route may give, for the OpenAPI document. */
export const publicErrors = {
  404: json('Not found'),
  422: json('Invalid input, with a translated message per field'),
} as const

export const staffErrors = {
  ...publicErrors,
  401: json('Not signed in'),
  403: json('Signed in without the needed role'),
  409: json('Conflicts with existing data'),
} as const

export const staffSecurity: Record<string, string[]>[] = [{ cookieAuth: [] }, { bearerAuth: [] }]

export function jsonContent<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}
