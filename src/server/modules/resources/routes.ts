import { createRoute, z } from '@hono/zod-openapi'
import {
  catalogueImportInputSchema,
  catalogueImportResultSchema,
  resourceFiltersSchema,
  resourceInputSchema,
  resourceThemeInputSchema,
  resourceThemeSchema,
  staffResourceListSchema,
  staffResourceSchema,
  themeOrderInputSchema,
} from '../../../shared/schemas/resources'
import { createRouter } from '../../http/context'
import { jsonBody, jsonContent, staffErrors, staffSecurity } from '../../http/openapi'
import { partnerEditors, partnerWriterOf } from '../auth/partner-writer'
import { centreManagers, centreStaff } from '../auth/policy'
import { centreItemParam, centreParam, centreRole } from '../centres/scope'
import { exportCatalogueCsv } from './csv-export'
import { importCatalogueCsv } from './csv-import'
import { presentTheme } from './read-resources'
import { createResource, deleteResource, updateResource } from './resources-service'
import { getStaffResource, listStaffResources } from './staff-read'
import { createTheme, deleteTheme, reorderThemes, updateTheme } from './themes-service'

const tags = ['Resource catalogue']
const noContent = { 204: { description: 'Done' } }
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: staffSecurity, responses: { ...staffErrors, ...r.responses } })
const readers = centreRole(centreStaff)
const editors = centreRole(partnerEditors)
const managers = centreRole(centreManagers)

/** Staff side of the catalogue: managers and partner coordinators (each on their partner's resources). */
export const catalogueRoutes = createRouter()
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/catalogue/resources',
      middleware: [readers] as const,
      summary: 'The catalogue with its contributing partners, filtered like the visitors’ list',
      request: { params: centreParam, query: resourceFiltersSchema },
      responses: { 200: jsonContent(staffResourceListSchema, 'One page of resources') },
    }),
    async (c) => {
      const { db, centre, actor } = c.var.scope
      const filters = c.req.valid('query')
      const language = filters.lang ?? c.var.locale
      return c.json(await listStaffResources({ db, home: centre, actor, filters, language }), 200)
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/catalogue/resources',
      middleware: [editors] as const,
      summary: 'Add a resource (a partner coordinator’s carries their partner)',
      request: { params: centreParam, ...jsonBody(resourceInputSchema) },
      responses: { 201: jsonContent(staffResourceSchema, 'Created') },
    }),
    async (c) => {
      const { db, centre, actor, actorUserId } = c.var.scope
      const writer = partnerWriterOf(actor, centre.id)
      const id = await createResource({
        db,
        centreId: centre.id,
        actorUserId,
        writer,
        input: c.req.valid('json'),
      })
      const created = await getStaffResource({
        db,
        home: centre,
        actor,
        resourceId: id,
        language: c.var.locale,
      })
      return c.json(created, 201)
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/catalogue/resources/{id}',
      middleware: [readers] as const,
      summary: 'One resource, as staff edit it',
      request: { params: centreItemParam },
      responses: { 200: jsonContent(staffResourceSchema, 'The resource') },
    }),
    async (c) => {
      const { db, centre, actor } = c.var.scope
      const resourceId = c.req.valid('param').id
      return c.json(
        await getStaffResource({ db, home: centre, actor, resourceId, language: c.var.locale }),
        200,
      )
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/catalogue/resources/{id}',
      middleware: [editors] as const,
      summary: 'Update a resource',
      request: { params: centreItemParam, ...jsonBody(resourceInputSchema) },
      responses: { 200: jsonContent(staffResourceSchema, 'Updated') },
    }),
    async (c) => {
      const { db, centre, actor, actorUserId } = c.var.scope
      const resourceId = c.req.valid('param').id
      const writer = partnerWriterOf(actor, centre.id)
      await updateResource({
        db,
        centreId: centre.id,
        actorUserId,
        writer,
        resourceId,
        input: c.req.valid('json'),
      })
      return c.json(
        await getStaffResource({ db, home: centre, actor, resourceId, language: c.var.locale }),
        200,
      )
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/catalogue/resources/{id}',
      middleware: [editors] as const,
      summary: 'Remove a resource',
      request: { params: centreItemParam },
      responses: noContent,
    }),
    async (c) => {
      const { db, centre, actor, actorUserId } = c.var.scope
      const writer = partnerWriterOf(actor, centre.id)
      await deleteResource({
        db,
        centreId: centre.id,
        actorUserId,
        writer,
        resourceId: c.req.valid('param').id,
      })
      return c.body(null, 204)
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/catalogue/export',
      middleware: [readers] as const,
      summary: 'The whole catalogue as CSV (columns in the README)',
      request: { params: centreParam },
      responses: { 200: { description: 'CSV, UTF-8', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const { db, centre } = c.var.scope
      const csv = await exportCatalogueCsv({ db, centreId: centre.id })
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="catalogue-${centre.slug}.csv"`,
        'cache-control': 'no-store',
      })
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/catalogue/import',
      middleware: [editors] as const,
      summary: 'Import a catalogue CSV: all rows or none; rows with an id update that resource',
      description:
        'A bad row is answered 422 with `fields` keyed `line.column` (or `line`), and nothing is written.',
      request: { params: centreParam, ...jsonBody(catalogueImportInputSchema) },
      responses: { 200: jsonContent(catalogueImportResultSchema, 'How many were added and updated') },
    }),
    async (c) => {
      const { db, centre, actor, actorUserId } = c.var.scope
      const writer = partnerWriterOf(actor, centre.id)
      const { csv } = c.req.valid('json')
      return c.json(await importCatalogueCsv({ db, centreId: centre.id, actorUserId, writer, csv }), 200)
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/catalogue/themes',
      middleware: [managers] as const,
      summary: 'Add a theme to the centre’s vocabulary',
      request: { params: centreParam, ...jsonBody(resourceThemeInputSchema) },
      responses: { 201: jsonContent(resourceThemeSchema, 'Created') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      return c.json(
        presentTheme(await createTheme({ db, centreId, actorUserId, input: c.req.valid('json') })),
        201,
      )
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/catalogue/themes/{id}',
      middleware: [managers] as const,
      summary: 'Rename a theme or change its identifier',
      request: { params: centreItemParam, ...jsonBody(resourceThemeInputSchema) },
      responses: { 200: jsonContent(resourceThemeSchema, 'Updated') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const themeId = c.req.valid('param').id
      const row = await updateTheme({ db, centreId, actorUserId, themeId, input: c.req.valid('json') })
      return c.json(presentTheme(row), 200)
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/catalogue/themes/{id}',
      middleware: [managers] as const,
      summary: 'Remove a theme (its resources stay, untagged)',
      request: { params: centreItemParam },
      responses: noContent,
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      await deleteTheme({ db, centreId, actorUserId, themeId: c.req.valid('param').id })
      return c.body(null, 204)
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/catalogue/theme-order',
      middleware: [managers] as const,
      summary: 'Put the themes in order (every theme, once)',
      request: { params: centreParam, ...jsonBody(themeOrderInputSchema) },
      responses: { 200: jsonContent(z.array(resourceThemeSchema), 'Themes in their new order') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const rows = await reorderThemes({ db, centreId, actorUserId, input: c.req.valid('json') })
      return c.json(rows.map(presentTheme), 200)
    },
  )
