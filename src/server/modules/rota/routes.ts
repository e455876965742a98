import { createRoute, z } from '@hono/zod-openapi'
import { isoDateSchema } from '../../../shared/schemas/common'
import {
  publicRotaSchema,
  rotaWeekQuerySchema,
  shiftInputSchema,
  shiftSchema,
} from '../../../shared/schemas/rota'
import { createRouter } from '../../http/context'
import { notFound } from '../../http/errors'
import { jsonBody, jsonContent, publicErrors, staffErrors, staffSecurity } from '../../http/openapi'
import { findPartnerWriter, partnerEditors, partnerWriterOf } from '../auth/partner-writer'
import { centreStaff } from '../auth/policy'
import { getCentreBySlug } from '../centres/centres-service'
import { localDateOf } from '../centres/opening-status'
import { centreItemParam, centreParam, centreRole } from '../centres/scope'
import { createShift, deleteShift, listShifts, publicRota, setAbsence, updateShift } from './rota-service'

const tags = ['Duty rota']
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: staffSecurity, responses: { ...staffErrors, ...r.responses } })
const readers = centreRole(centreStaff)
const editors = centreRole(partnerEditors)
const absenceParam = centreItemParam.extend({ date: isoDateSchema })

/** The duty rota for staff: managers keep every shift, partner coordinators their partner's. */
export const rotaRoutes = createRouter()
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/rota',
      middleware: [readers] as const,
      summary: 'Every shift of the duty rota, with its partner, counsellor and absences',
      request: { params: centreParam },
      responses: { 200: jsonContent(z.object({ items: z.array(shiftSchema) }), 'The rota') },
    }),
    async (c) => {
      const { db, centreId, actor } = c.var.scope
      return c.json(
        { items: await listShifts({ db, centreId, writer: findPartnerWriter(actor, centreId) }) },
        200,
      )
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/rota',
      middleware: [editors] as const,
      summary: 'Add a shift (weekly or once); a counsellor in two places at once is refused',
      request: { params: centreParam, ...jsonBody(shiftInputSchema) },
      responses: { 201: jsonContent(shiftSchema, 'Created') },
    }),
    async (c) => {
      const { db, centreId, actor, actorUserId } = c.var.scope
      const writer = partnerWriterOf(actor, centreId)
      const id = await createShift({ db, centreId, actorUserId, writer, input: c.req.valid('json') })
      const created = (await listShifts({ db, centreId, writer })).find((shift) => shift.id === id)
      if (!created) throw notFound('error.rota.notFound')
      return c.json(created, 201)
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/rota/{id}',
      middleware: [editors] as const,
      summary: 'Change a shift',
      request: { params: centreItemParam, ...jsonBody(shiftInputSchema) },
      responses: { 200: jsonContent(shiftSchema, 'The shift') },
    }),
    async (c) => {
      const { db, centreId, actor, actorUserId } = c.var.scope
      const writer = partnerWriterOf(actor, centreId)
      const shiftId = c.req.valid('param').id
      await updateShift({ db, centreId, actorUserId, writer, shiftId, input: c.req.valid('json') })
      const changed = (await listShifts({ db, centreId, writer })).find((shift) => shift.id === shiftId)
      if (!changed) throw notFound('error.rota.notFound')
      return c.json(changed, 200)
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/rota/{id}',
      middleware: [editors] as const,
      summary: 'Remove a shift',
      request: { params: centreItemParam },
      responses: { 204: { description: 'Removed' } },
    }),
    async (c) => {
      const { db, centreId, actor, actorUserId } = c.var.scope
      const writer = partnerWriterOf(actor, centreId)
      await deleteShift({ db, centreId, actorUserId, writer, shiftId: c.req.valid('param').id })
      return c.body(null, 204)
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/rota/{id}/absences/{date}',
      middleware: [editors] as const,
      summary: 'Mark a weekly shift as not held on a date',
      request: { params: absenceParam },
      responses: { 204: { description: 'Marked' } },
    }),
    async (c) => {
      const { db, centreId, actor, actorUserId } = c.var.scope
      const { id, date } = c.req.valid('param')
      await setAbsence({
        db,
        centreId,
        actorUserId,
        writer: partnerWriterOf(actor, centreId),
        shiftId: id,
        date,
        absent: true,
      })
      return c.body(null, 204)
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/rota/{id}/absences/{date}',
      middleware: [editors] as const,
      summary: 'Hold a weekly shift again on a date marked absent',
      request: { params: absenceParam },
      responses: { 204: { description: 'Held again' } },
    }),
    async (c) => {
      const { db, centreId, actor, actorUserId } = c.var.scope
      const { id, date } = c.req.valid('param')
      await setAbsence({
        db,
        centreId,
        actorUserId,
        writer: partnerWriterOf(actor, centreId),
        shiftId: id,
        date,
        absent: false,
      })
      return c.body(null, 204)
    },
  )

/** The rota as visitors see it: advice and languages per area and day, nobody named. */
export const publicRotaRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/centres/{centre}/duty-rota',
    tags,
    summary: 'A week of the rota for visitors: which advice, in which languages, when, per area',
    request: { params: centreParam, query: rotaWeekQuerySchema },
    responses: { 200: jsonContent(publicRotaSchema, 'The week'), ...publicErrors },
  }),
  async (c) => {
    const { db, now } = c.var.deps
    const home = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
    const query = c.req.valid('query')
    const week = await publicRota({
      db,
      centreId: home.id,
      from: query.from ?? localDateOf(now(), home.timezone),
      days: 7,
      areaSlug: query.area,
      showPartner: home.showPartnerOnRota,
    })
    return c.json(week, 200)
  },
)
