import { createRoute, z } from '@hono/zod-openapi'
import { areaSchema, centreSchema, portalHomeSchema } from '../../../shared/schemas/centres'
import { createRouter } from '../../http/context'
import { jsonContent, publicErrors } from '../../http/openapi'
import { listAreas } from './areas-service'
import { getCentreBySlug, listCentres } from './centres-service'
import { getPortalHome } from './portal-service'
import { presentArea, presentCentre } from './presenters'
import { centreParam } from './scope'

const tags = ['Portal']

export const publicCentreRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres',
      tags,
      summary: 'Centres of this deployment',
      responses: { 200: jsonContent(z.array(centreSchema), 'Centres') },
    }),
    async (c) => c.json((await listCentres({ db: c.var.deps.db })).map(presentCentre), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}',
      tags,
      summary: 'One centre',
      request: { params: centreParam },
      responses: { 200: jsonContent(centreSchema, 'Centre'), ...publicErrors },
    }),
    async (c) =>
      c.json(
        presentCentre(await getCentreBySlug({ db: c.var.deps.db, slug: c.req.valid('param').centre })),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/portal',
      tags,
      summary: 'Portal home: areas in plain words, what is open now, today’s hours',
      request: { params: centreParam },
      responses: { 200: jsonContent(portalHomeSchema, 'Portal home'), ...publicErrors },
    }),
    async (c) => {
      const { db, now } = c.var.deps
      return c.json(await getPortalHome({ db, slug: c.req.valid('param').centre, now: now() }), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/centres/{centre}/areas',
      tags,
      summary: 'Counselling areas of a centre, in display order',
      request: { params: centreParam },
      responses: { 200: jsonContent(z.array(areaSchema), 'Areas'), ...publicErrors },
    }),
    async (c) => {
      const { db } = c.var.deps
      const centre = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
      return c.json((await listAreas({ db, centreId: centre.id })).map(presentArea), 200)
    },
  )
