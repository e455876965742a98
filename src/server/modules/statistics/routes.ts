import { createRoute, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { StaffRole } from '../../../shared/constants'
import {
  eventStatisticsSchema,
  interviewStatisticsSchema,
  networkStatisticsQuerySchema,
  networkStatisticsSchema,
  profileStatisticsSchema,
  type StatisticsQuery,
  selfServiceStatisticsSchema,
  statisticsExportQuerySchema,
  statisticsQuerySchema,
  statisticsSettingsSchema,
  visitStatisticsSchema,
} from '../../../shared/schemas/statistics'
import { type AppEnv, createRouter, type StaffScope } from '../../http/context'
import { forbidden } from '../../http/errors'
import { jsonBody, jsonContent, staffErrors, staffSecurity } from '../../http/openapi'
import { centreManagers, hasRole, requireNetworkAdmin } from '../auth/policy'
import { centreParam, centreRole } from '../centres/scope'
import { eventStatistics } from './event-statistics'
import { csvStream, networkTable, partnerTables, statisticsTable } from './export'
import { interviewStatistics } from './interview-statistics'
import { networkStatistics } from './network-statistics'
import { profileStatistics } from './profile-statistics'
import { selfServiceStatistics } from './self-service'
import { getStatisticsSettings, saveStatisticsSettings } from './settings'
import { visitStatistics } from './visit-statistics'

const tags = ['Statistics']
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: staffSecurity, responses: { ...staffErrors, ...r.responses } })

/** Who reads a centre's statistics: its managers (all of it) and partner coordinators (their partner's). */
const statisticsReaders = ['manager', 'partner_coordinator'] as const satisfies readonly StaffRole[]
const protectedNote =
  'Counts from 1 to k−1 are `small` (shown "<k"); where a total would give one back, another count of the ' +
  'same table is `hidden`.'

/**
 * The query a caller may ask: managers anything of their centre; a partner coordinator only their own
 * partner's figures, whatever partner they name (another one is refused).
 */
function scopedQuery(scope: StaffScope, query: StatisticsQuery): StatisticsQuery {
  if (hasRole(scope.actor, scope.centreId, centreManagers)) return query
  const own = scope.actor.grants.find(
    (grant) => grant.centreId === scope.centreId && grant.role === 'partner_coordinator',
  )?.partnerId
  if (!own || (query.partner && query.partner !== own)) throw forbidden()
  return { ...query, partner: own }
}

const networkAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireNetworkAdmin(await c.var.getActor())
  await next()
}

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
      path: '/centres/{centre}/statistics/visits',
      middleware: [centreRole(centreManagers)] as const,
      summary:
        'Walk-in visits over a period: by day, area, weekday and hour, outcome, channel, language, waits',
      description: protectedNote,
      request: { params: centreParam, query: statisticsQuerySchema },
      responses: { 200: jsonContent(visitStatisticsSchema, 'The figures') },
    }),
    async (c) => {
      const { db, centre } = c.var.scope
      const query = c.req.valid('query')
      return c.json(
        await visitStatistics({ db, centreId: centre.id, query, k: centre.disclosureThreshold }),
        200,
      )
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/statistics/interviews',
      middleware: [centreRole(statisticsReaders)] as const,
      summary: 'Interviews over a period by day, area, theme, outcome and referral, small counts withheld',
      description: `${protectedNote} A partner coordinator sees their partner’s interviews only.`,
      request: { params: centreParam, query: statisticsQuerySchema },
      responses: { 200: jsonContent(interviewStatisticsSchema, 'The figures') },
    }),
    async (c) => {
      const { db, centre } = c.var.scope
      const query = scopedQuery(c.var.scope, c.req.valid('query'))
      return c.json(
        await interviewStatistics({ db, centreId: centre.id, query, k: centre.disclosureThreshold }),
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
      const { db, centre } = c.var.scope
      const query = c.req.valid('query')
      return c.json(
        await profileStatistics({ db, centreId: centre.id, query, k: centre.disclosureThreshold }),
        200,
      )
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/statistics/events',
      middleware: [centreRole(statisticsReaders)] as const,
      summary: 'Events over a period by type: sessions, seats booked, people checked in and drop-ins',
      description: `${protectedNote} A partner coordinator sees the events their partner runs.`,
      request: { params: centreParam, query: statisticsQuerySchema },
      responses: { 200: jsonContent(eventStatisticsSchema, 'The figures') },
    }),
    async (c) => {
      const { db, centre } = c.var.scope
      const query = scopedQuery(c.var.scope, c.req.valid('query'))
      return c.json(
        await eventStatistics({
          db,
          centreId: centre.id,
          timezone: centre.timezone,
          query,
          k: centre.disclosureThreshold,
        }),
        200,
      )
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/statistics/self-service',
      middleware: [centreRole(centreManagers)] as const,
      summary: 'Self-service use over a period: page views, searches, top pages and words searched',
      description: `${protectedNote} Words searched are listed only when searched on at least k different days.`,
      request: { params: centreParam, query: statisticsQuerySchema },
      responses: { 200: jsonContent(selfServiceStatisticsSchema, 'The figures') },
    }),
    async (c) => {
      const { db, centre } = c.var.scope
      return c.json(
        await selfServiceStatistics({
          db,
          centreId: centre.id,
          query: c.req.valid('query'),
          k: centre.disclosureThreshold,
          language: c.var.locale,
        }),
        200,
      )
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/statistics/export.csv',
      middleware: [centreRole(statisticsReaders)] as const,
      summary: 'One table of the dashboards as CSV, with the same withheld counts',
      description:
        'Small counts are written "<k" and hidden ones "x". A partner coordinator exports the interview and ' +
        'event tables of their partner.',
      request: {
        params: centreParam,
        query: statisticsExportQuerySchema,
      },
      responses: { 200: { description: 'CSV, UTF-8', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const { db, centre } = c.var.scope
      const { table, ...asked } = c.req.valid('query')
      const query = scopedQuery(c.var.scope, asked)
      const isManager = hasRole(c.var.scope.actor, centre.id, centreManagers)
      if (!isManager && !partnerTables.includes(table)) throw forbidden()
      const rows = await statisticsTable({
        db,
        centreId: centre.id,
        timezone: centre.timezone,
        query,
        k: centre.disclosureThreshold,
        table,
        language: c.var.locale,
      })
      return c.body(csvStream(rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${centre.slug}-${table}-${query.from}-${query.to}.csv"`,
        'cache-control': 'no-store',
      })
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/network/statistics',
      middleware: [networkAdmin] as const,
      summary:
        'Every centre side by side over a period: visits, interviews, people at events, self-service use',
      description: 'Each figure is protected with its own centre’s threshold. Network admins only.',
      request: { query: networkStatisticsQuerySchema },
      responses: { 200: jsonContent(networkStatisticsSchema, 'The figures') },
    }),
    async (c) => c.json(await networkStatistics({ db: c.var.deps.db, query: c.req.valid('query') }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/network/statistics.csv',
      middleware: [networkAdmin] as const,
      summary: 'Every centre side by side as CSV, with the same withheld counts',
      request: { query: networkStatisticsQuerySchema },
      responses: { 200: { description: 'CSV, UTF-8', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const query = c.req.valid('query')
      const figures = await networkStatistics({ db: c.var.deps.db, query })
      return c.body(csvStream(networkTable(figures, c.var.locale)), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="network-${query.from}-${query.to}.csv"`,
        'cache-control': 'no-store',
      })
    },
  )
