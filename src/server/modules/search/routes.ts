import { createRoute } from '@hono/zod-openapi'
import { searchQuerySchema, searchResultSchema, searchTypes } from '../../../shared/schemas/search'
import { createRouter } from '../../http/context'
import { jsonContent, publicErrors } from '../../http/openapi'
import { getCentreBySlug } from '../centres/centres-service'
import { countSearch } from '../statistics/usage'
import { globalSearch } from './global-search'

export const searchRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/search',
    tags: ['Search'],
    summary: 'One search across occupations, trainings and a centre’s resources',
    description:
      'Mixed results, best first, each with its type, id, title, a snippet with the words found marked, ' +
      'and its score; facet counts by type and, for resources, by area, language and audience. With ' +
      '`centre` (a centre’s slug), that centre’s resources and own trainings are searched too. ' +
      '`nextCursor` fetches the next page.',
    request: { query: searchQuerySchema },
    responses: { 200: jsonContent(searchResultSchema, 'Best matches first'), ...publicErrors },
  }),
  async (c) => {
    const query = c.req.valid('query')
    const { db } = c.var.deps
    const centre = query.centre ? await getCentreBySlug({ db, slug: query.centre }) : null
    const result = await globalSearch({
      db,
      q: query.q,
      language: query.lang ?? c.var.locale,
      centreId: centre?.id ?? null,
      filters: {
        types: query.types ?? searchTypes,
        area: query.area,
        language: query.language,
        audience: query.audience,
      },
      limit: query.limit,
      offset: Number(query.cursor ?? 0),
    })
    // A search is counted once, on its first page; its words only as counts (see countSearch).
    if (centre && !query.cursor) await countSearch({ db, home: centre, now: c.var.deps.now(), q: query.q })
    return c.json(result, 200)
  },
)
