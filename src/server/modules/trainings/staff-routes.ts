import { createRoute } from '@hono/zod-openapi'
import {
  occupationRefSchema,
  trainingDetailSchema,
  trainingInputSchema,
} from '../../../shared/schemas/trainings'
import { createRouter } from '../../http/context'
import { jsonBody, jsonContent, staffErrors, staffSecurity } from '../../http/openapi'
import { partnerEditors } from '../auth/partner-writer'
import { centreItemParam, centreParam, centreRole } from '../centres/scope'
import {
  createCentreTraining,
  deleteCentreTraining,
  linkTrainingOccupation,
  unlinkTrainingOccupation,
  updateCentreTraining,
} from './centre-trainings'
import { getTraining } from './get-training'

const tags = ['Trainings']
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: staffSecurity, responses: { ...staffErrors, ...r.responses } })

/** Who may enter a centre's own courses: its managers and its partners' coordinators. */
const editors = centreRole(partnerEditors)
const occupationParam = centreItemParam.extend({
  taxonomy: occupationRefSchema.shape.taxonomy,
  code: occupationRefSchema.shape.code,
})
const detail = { 200: jsonContent(trainingDetailSchema, 'The course as visitors see it') }

/** A centre's own courses, entered by its staff; every write is audited and reindexed with it. */
export const trainingStaffRoutes = createRouter()
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/trainings',
      middleware: [editors] as const,
      summary: 'Add one of the centre’s own courses',
      request: { params: centreParam, ...jsonBody(trainingInputSchema) },
      responses: { 201: jsonContent(trainingDetailSchema, 'Created') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const id = await createCentreTraining({ db, centreId, actorUserId, input: c.req.valid('json') })
      return c.json(await getTraining({ db, centreId, trainingId: id, language: c.var.locale }), 201)
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/trainings/{id}',
      middleware: [editors] as const,
      summary: 'Update one of the centre’s own courses',
      request: { params: centreItemParam, ...jsonBody(trainingInputSchema) },
      responses: detail,
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const { id } = c.req.valid('param')
      await updateCentreTraining({ db, centreId, actorUserId, trainingId: id, input: c.req.valid('json') })
      return c.json(await getTraining({ db, centreId, trainingId: id, language: c.var.locale }), 200)
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/trainings/{id}',
      middleware: [editors] as const,
      summary: 'Remove one of the centre’s own courses',
      request: { params: centreItemParam },
      responses: { 204: { description: 'Done' } },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      await deleteCentreTraining({ db, centreId, actorUserId, trainingId: c.req.valid('param').id })
      return c.body(null, 204)
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/trainings/{id}/occupations',
      middleware: [editors] as const,
      summary: 'Say that one of the centre’s own courses leads to an occupation',
      request: { params: centreItemParam, ...jsonBody(occupationRefSchema) },
      responses: detail,
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const { id } = c.req.valid('param')
      await linkTrainingOccupation({
        db,
        centreId,
        actorUserId,
        trainingId: id,
        occupation: c.req.valid('json'),
      })
      return c.json(await getTraining({ db, centreId, trainingId: id, language: c.var.locale }), 200)
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/trainings/{id}/occupations/{taxonomy}/{code}',
      middleware: [editors] as const,
      summary: 'Undo a link between one of the centre’s own courses and an occupation',
      description: 'An ESCO code is its URI, percent-encoded in the path.',
      request: { params: occupationParam },
      responses: detail,
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      const { id, taxonomy, code } = c.req.valid('param')
      await unlinkTrainingOccupation({
        db,
        centreId,
        actorUserId,
        trainingId: id,
        occupation: { taxonomy, code },
      })
      return c.json(await getTraining({ db, centreId, trainingId: id, language: c.var.locale }), 200)
    },
  )
