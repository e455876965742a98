import { createRoute } from '@hono/zod-openapi'
import type { StaffRole } from '../../../shared/constants'
import {
  interviewStatisticsSchema,
  profileStatisticsSchema,
  statisticsQuerySchema,
  statisticsSettingsSchema,
} from '../../../shared/schemas/statistics'
import { createRouter } from '../../http/context'
import { forbidden } from '../../http/errors'
import { jsonBody, jsonContent, staffErrors, staffSecurity } from '../../http/openapi'
import { centreManagers, hasRole } from '../auth/policy'
import { centreParam, centreRole } from '../centres/scope'
import { interviewStatistics } from './interview-statistics'
import { profileStatistics } from './profile-statistics'
import { getStatisticsSettings, saveStatisticsSettings } from './settings'

const tags = ['Statistics']
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: staffSecurity, responses: { ...staffErrors, ...r.responses } })

/** Who reads a centre's statistics: its managers (all of it) and partner coordinators (their partner's). */
const statisticsReaders = ['manager', 'partner_coordinator'] as const satisfies readonly StaffRole[]

/** A centre's anonymous statistics: every count from 1 to k−1 withheld, whoever asks. */
export const statisticsRoutes = createRouter()
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/statistics-settings',
      middleware: [centreRole(statisticsReaders)] as const,
      summary: 'The threshold k below which counts are withheld, and how long raw records are kept',
      request: { params: centreParam },
      responses: { 200: jsonContent(statisticsSettingsSchema, 'The settings') },
    }),
    async (c) => c.json(await getStatisticsSettings(c.var.scope.db, c.var.scope.centreId), 200),
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/statistics-settings',
      middleware: [centreRole(centreManagers)] as const,
      summary: 'Change the threshold (at least 2) and the retention period',
      request: { params: centreParam, ...jsonBody(statisticsSettingsSchema) },
      responses: { 200: jsonContent(statisticsSettingsSchema, 'The settings') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      return c.json(
        await saveStatisticsSettings({ db, centreId, actorUserId, input: c.req.valid('json') }),
        200,
      )
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/statistics/profiles',
      middleware: [centreRole(centreManagers)] as const,
      summary: 'Visit profiles over a period: each question’s answers, small counts withheld',
      request: { params: centreParam, query: statisticsQuerySchema },
      responses: { 200: jsonContent(profileStatisticsSchema, 'The figures') },
    }),
    async (c) => {
      const { db, centreId } = c.var.scope
      const { threshold } = await getStatisticsSettings(db, centreId)
      return c.json(await profileStatistics({ db, centreId, query: c.req.valid('query'), k: threshold }), 200)
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/statistics/interviews',
      middleware: [centreRole(statisticsReaders)] as const,
      summary: 'Interviews over a period by day, area, theme, outcome and referral, small counts withheld',
      description:
        'Counts from 1 to k−1 are `null` (shown as "<k"); where a total would give one back, another count ' +
        'of the same series is withheld too. A partner coordinator sees their partner’s interviews only.',
      request: { params: centreParam, query: statisticsQuerySchema },
      responses: { 200: jsonContent(interviewStatisticsSchema, 'The figures') },
    }),
    async (c) => {
      const { db, centreId, actor } = c.var.scope
      const query = c.req.valid('query')
      if (!hasRole(actor, centreId, centreManagers)) {
        const own = actor.grants.find(
          (g) => g.centreId === centreId && g.role === 'partner_coordinator',
        )?.partnerId
        if (!own || (query.partner && query.partner !== own)) throw forbidden()
        query.partner = own
      }
      const { threshold } = await getStatisticsSettings(db, centreId)
      return c.json(await interviewStatistics({ db, centreId, query, k: threshold }), 200)
    },
  )
