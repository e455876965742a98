import { createRoute, z } from '@hono/zod-openapi'
import { textSchema } from '../../../shared/schemas/common'
import { interestMatchesSchema, occupationsByInterestsQuerySchema } from '../../../shared/schemas/interests'
import {
  occupationDetailSchema,
  occupationSearchQuerySchema,
  occupationSearchResultSchema,
  taxonomySchema,
} from '../../../shared/schemas/occupations'
import { createRouter } from '../../http/context'
import { jsonContent, publicErrors } from '../../http/openapi'
import { getCentreBySlug } from '../centres/centres-service'
import { countUse } from '../statistics/usage'
import { findOccupationsByInterests } from './by-interests'
import { getOccupation } from './occupation-page'
import { searchOccupations } from './search'

const tags = ['Occupations']

export const occupationRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/occupations/search',
      tags,
      summary: 'Occupations whose names match a query, typos and both gender forms included',
      description:
        '`lang` picks the language of names and titles (default: the request’s language); a language ' +
        'without stemming is matched plainly, never refused. `taxonomy` keeps one source.',
      request: { query: occupationSearchQuerySchema },
      responses: { 200: jsonContent(occupationSearchResultSchema, 'Best matches first'), ...publicErrors },
    }),
    async (c) => {
      const { q, lang, taxonomy, limit } = c.req.valid('query')
      const items = await searchOccupations({
        db: c.var.deps.db,
        q,
        language: lang ?? c.var.locale,
        taxonomy,
        limit,
      })
      return c.json({ items }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/occupations/by-interests',
      tags,
      summary: 'Occupations that suit a Holland code (RIASEC), best match first',
      description:
        '`code`: one to three distinct letters of RIASEC, strongest first, as the interest explorer ' +
        'gives them. O*NET occupations are ranked by their interest scores, the others by their letters ' +
        '(the first must match). Nothing about the request is kept or counted.',
      request: { query: occupationsByInterestsQuerySchema },
      responses: { 200: jsonContent(interestMatchesSchema, 'Best matches first'), ...publicErrors },
    }),
    async (c) => {
      const { code, lang, taxonomy, limit } = c.req.valid('query')
      const items = await findOccupationsByInterests({
        db: c.var.deps.db,
        code,
        language: lang ?? c.var.locale,
        taxonomy,
        limit,
      })
      return c.json({ items }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/occupations/{taxonomy}/{code}',
      tags,
      summary: 'An occupation with its names, texts, skills, tasks and related occupations',
      description:
        'An ESCO code is its URI, percent-encoded in the path. With `centre` (a centre’s slug), the ' +
        'trainings that lead to it include that centre’s own courses, and `atCentre` says which of its ' +
        'resources are about it and in which areas to talk about it.',
      request: {
        params: z.object({ taxonomy: taxonomySchema, code: textSchema(200).pipe(z.string().min(1)) }),
        query: z.object({
          lang: z
            .string()
            .regex(/^[a-z]{2,3}$/, 'validation.language')
            .optional(),
          centre: z.string().min(1).max(60).optional(),
        }),
      },
      responses: { 200: jsonContent(occupationDetailSchema, 'The occupation'), ...publicErrors },
    }),
    async (c) => {
      const { taxonomy, code } = c.req.valid('param')
      const { lang, centre } = c.req.valid('query')
      const { db } = c.var.deps
      const home = centre ? await getCentreBySlug({ db, slug: centre }) : null
      const now = c.var.deps.now()
      const occupationPage = await getOccupation({
        db,
        taxonomy,
        code,
        language: lang ?? c.var.locale,
        home,
        now,
      })
      // Views are counted per centre: a page read outside any centre belongs to no one's figures.
      if (home) await countUse({ db, home, now, kind: 'occupation_view', key: `${taxonomy}:${code}` })
      return c.json(occupationPage, 200)
    },
  )
