import { createRoute, z } from '@hono/zod-openapi'
import { interviewThemeInputSchema, interviewThemeSchema } from '../../../shared/schemas/interviews'
import { createRouter } from '../../http/context'
import { jsonBody, jsonContent, staffErrors, staffSecurity } from '../../http/openapi'
import { centreManagers, centreStaff } from '../auth/policy'
import { localDateOf } from '../centres/opening-status'
import { centreItemParam, centreParam, centreRole } from '../centres/scope'
import { listThemes, referralSuggestions, saveTheme } from './interview-service'

const tags = ['Interviews']
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: staffSecurity, responses: { ...staffErrors, ...r.responses } })

/** The centre's list of interview themes: read by its staff, kept by its managers. */
export const interviewRoutes = createRouter()
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/referral-suggestions',
      middleware: [centreRole(centreStaff)] as const,
      summary: 'Services to offer first when recording a referral from an area',
      description:
        'The directory’s services for the area, then those most referred to from it in the last 90 days; at most eight.',
      request: { params: centreParam, query: z.object({ area: z.uuid() }) },
      responses: {
        200: jsonContent(
          z.object({ items: z.array(z.object({ id: z.uuid(), label: z.string() })) }),
          'Services',
        ),
      },
    }),
    async (c) => {
      const { db, centreId, centre } = c.var.scope
      const items = await referralSuggestions({
        db,
        centreId,
        areaId: c.req.valid('query').area,
        language: c.var.locale,
        defaultLanguage: centre.defaultLanguage,
        today: localDateOf(c.var.deps.now(), centre.timezone),
      })
      return c.json({ items }, 200)
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/interview-themes',
      middleware: [centreRole(centreStaff)] as const,
      summary: 'Interview themes, in their order; with `area` (an id) that area’s and the common ones',
      request: { params: centreParam, query: z.object({ area: z.uuid().optional() }) },
      responses: { 200: jsonContent(z.object({ items: z.array(interviewThemeSchema) }), 'The themes') },
    }),
    async (c) => {
      const { db, centreId } = c.var.scope
      const items = await listThemes({ db, centreId, areaId: c.req.valid('query').area })
      return c.json({ items }, 200)
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/interview-themes',
      middleware: [centreRole(centreManagers)] as const,
      summary: 'Add a theme',
      request: { params: centreParam, ...jsonBody(interviewThemeInputSchema) },
      responses: { 201: jsonContent(interviewThemeSchema, 'Created') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      return c.json(await saveTheme({ db, centreId, actorUserId, input: c.req.valid('json') }), 201)
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/interview-themes/{id}',
      middleware: [centreRole(centreManagers)] as const,
      summary: 'Change a theme, or archive it (past figures keep its name)',
      request: { params: centreItemParam, ...jsonBody(interviewThemeInputSchema) },
      responses: { 200: jsonContent(interviewThemeSchema, 'The theme') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const themeId = c.req.valid('param').id
      return c.json(await saveTheme({ db, centreId, actorUserId, themeId, input: c.req.valid('json') }), 200)
    },
  )
