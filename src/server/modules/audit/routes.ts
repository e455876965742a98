import { createRoute } from '@hono/zod-openapi'
import { auditPageSchema, auditQuerySchema } from '../../../shared/schemas/audit'
import { createRouter } from '../../http/context'
import { jsonContent, staffErrors, staffSecurity } from '../../http/openapi'
import { centreManagers } from '../auth/policy'
import { centreParam, centreRole } from '../centres/scope'
import { listAuditEntries } from './read-audit'

/** The change log of a centre: every staff write, for its managers. */
export const auditRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/centres/{centre}/audit',
    middleware: [centreRole(centreManagers)] as const,
    tags: ['Change log'],
    security: staffSecurity,
    summary: 'Who changed what and when in the centre, newest first (days from `from` to `to`, one `entity`)',
    description:
      'Each staff write: when, the staff member’s name, the action and the kind and id of what it changed — ' +
      'never the data written. Pass `nextCursor` back as `cursor` for the next page.',
    request: { params: centreParam, query: auditQuerySchema },
    responses: { 200: jsonContent(auditPageSchema, 'A page of the change log'), ...staffErrors },
  }),
  async (c) => {
    const { db, centreId, centre } = c.var.scope
    const page = await listAuditEntries({
      db,
      centreId,
      timezone: centre.timezone,
      query: c.req.valid('query'),
    })
    return c.json(page, 200)
  },
)
