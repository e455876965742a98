import { createRoute, z } from '@hono/zod-openapi'
import {
  resourceDetailSchema,
  resourceFiltersSchema,
  resourcePageSchema,
  resourceThemeSchema,
} from '../../../shared/schemas/resources'
import { createRouter } from '../../http/context'
import { jsonContent, publicErrors } from '../../http/openapi'
import { getCentreBySlug } from '../centres/centres-service'
import { centreItemParam, centreParam } from '../centres/scope'
import { countUse } from '../statistics/usage'
import { presentTheme } from './read-resources'
import { listThemes } from './themes-service'
import { getVisitorResource, listVisitorResources } from './visitor-service'

const tags = ['Resources']
const langQuery = z.object({
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'validation.language')
    .optional(),
})

/**
 * The documentation centre for visitors: anonymous, and never a word about which partner contributed
 * what (charter rules 3 and 7) — the response schemas are strict, so nothing else can slip out.
 */
export const publicResourceRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/resources',
      tags,
      summary: 'Browse and search the resources, with facet counts for the current filters',
      description:
        '`area` and `theme` are slugs. Each facet is counted with every other filter applied but its own. ' +
        '`cursor` is the `nextCursor` of the previous page.',
      request: { params: centreParam, query: resourceFiltersSchema },
      responses: { 200: jsonContent(resourcePageSchema, 'One page of resources'), ...publicErrors },
    }),
    async (c) => {
      const { db } = c.var.deps
      const home = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
      const filters = c.req.valid('query')
      const language = filters.lang ?? c.var.locale
      return c.json(await listVisitorResources({ db, home, filters, language }), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/resources/{id}',
      tags,
      summary: 'One resource: where it is on the shelf or online, and which area to ask about it',
      request: { params: centreItemParam, query: langQuery },
      responses: { 200: jsonContent(resourceDetailSchema, 'The resource'), ...publicErrors },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      const { centre, id } = c.req.valid('param')
      const home = await getCentreBySlug({ db, slug: centre })
      const language = c.req.valid('query').lang ?? c.var.locale
      const page = await getVisitorResource({ db, home, resourceId: id, language, now: now() })
      await countUse({ db, home, now: now(), kind: 'resource_view', key: id })
      return c.json(page, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/resource-themes',
      tags,
      summary: 'The themes resources are sorted by, in the centre’s order',
      request: { params: centreParam },
      responses: { 200: jsonContent(z.array(resourceThemeSchema), 'Themes'), ...publicErrors },
    }),
    async (c) => {
      const { db } = c.var.deps
      const home = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
      return c.json((await listThemes({ db, centreId: home.id })).map(presentTheme), 200)
    },
  )
