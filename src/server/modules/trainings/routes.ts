import { createRoute } from '@hono/zod-openapi'
import {
  trainingDetailSchema,
  trainingSearchQuerySchema,
  trainingSearchResultSchema,
} from '../../../shared/schemas/trainings'
import { createRouter } from '../../http/context'
import { jsonContent, publicErrors } from '../../http/openapi'
import { getCentreBySlug } from '../centres/centres-service'
import { centreItemParam, centreParam } from '../centres/scope'
import { getTraining } from './get-training'
import { searchTrainings } from './search-trainings'

const tags = ['Trainings']

/** What a centre's visitors read, anonymously: ONISEP's courses and the centre's own. */
export const trainingRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/trainings',
      tags,
      summary: 'Courses a centre’s visitors can choose from, with counts per level, duration and place',
      description:
        'ONISEP’s initial trainings and the centre’s own courses. `q` matches words of the title or the ' +
        'kind of course; `level` (1–8), `maxMonths`, `place` (a centre’s own courses) and `domain` ' +
        '(repeatable: any of them) filter; facets count each filter’s values with the other filters ' +
        'applied. Pages follow `nextCursor`.',
      request: { params: centreParam, query: trainingSearchQuerySchema },
      responses: { 200: jsonContent(trainingSearchResultSchema, 'Matching courses'), ...publicErrors },
    }),
    async (c) => {
      const { db } = c.var.deps
      const centre = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
      const result = await searchTrainings({
        db,
        centreId: centre.id,
        language: c.var.locale,
        filters: c.req.valid('query'),
      })
      return c.json(result, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/trainings/{id}',
      tags,
      summary: 'A course, with the occupations it leads to',
      request: { params: centreItemParam },
      responses: { 200: jsonContent(trainingDetailSchema, 'The course'), ...publicErrors },
    }),
    async (c) => {
      const { db } = c.var.deps
      const { centre: slug, id } = c.req.valid('param')
      const centre = await getCentreBySlug({ db, slug })
      return c.json(
        await getTraining({ db, centreId: centre.id, trainingId: id, language: c.var.locale }),
        200,
      )
    },
  )
