import { createRoute, z } from '@hono/zod-openapi'
import {
  invitationSchema,
  inviteCounsellorSchema,
  partnerInputSchema,
  partnerSettingsSchema,
  publicPartnerSchema,
  staffPartnerSchema,
} from '../../../shared/schemas/partners'
import { createRouter } from '../../http/context'
import { jsonBody, jsonContent, publicErrors, staffErrors, staffSecurity } from '../../http/openapi'
import { partnerEditors } from '../auth/partner-writer'
import { centreManagers, centreStaff } from '../auth/policy'
import { getCentreBySlug } from '../centres/centres-service'
import { centreItemParam, centreParam, centreRole } from '../centres/scope'
import {
  assertMayEdit,
  createPartner,
  deletePartner,
  getPartnerSettings,
  getStaffPartner,
  inviteCounsellor,
  listPublicPartners,
  savePartnerSettings,
  updatePartner,
} from './partners-service'

const tags = ['Partners']
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: staffSecurity, responses: { ...staffErrors, ...r.responses } })
const readers = centreRole(centreStaff)
const editors = centreRole(partnerEditors)
const managers = centreRole(centreManagers)

/** The alliance: managers keep its partners, each partner's coordinator its own card and counsellors. */
export const partnerRoutes = createRouter()
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/partners',
      middleware: [managers] as const,
      summary: 'Add a partner to the centre',
      request: { params: centreParam, ...jsonBody(partnerInputSchema) },
      responses: { 201: jsonContent(staffPartnerSchema, 'Created') },
    }),
    async (c) => {
      const { db, centreId, actor, actorUserId } = c.var.scope
      const partnerId = await createPartner({ db, centreId, actorUserId, input: c.req.valid('json') })
      return c.json(await getStaffPartner({ db, centreId, partnerId, actor }), 201)
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/partners/{id}',
      middleware: [readers] as const,
      summary: 'A partner with its areas and counsellors',
      request: { params: centreItemParam },
      responses: { 200: jsonContent(staffPartnerSchema, 'The partner') },
    }),
    async (c) => {
      const { db, centreId, actor } = c.var.scope
      return c.json(await getStaffPartner({ db, centreId, partnerId: c.req.valid('param').id, actor }), 200)
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/partners/{id}',
      middleware: [editors] as const,
      summary: 'Change a partner (a partner coordinator only their own)',
      request: { params: centreItemParam, ...jsonBody(partnerInputSchema) },
      responses: { 200: jsonContent(staffPartnerSchema, 'The partner') },
    }),
    async (c) => {
      const { db, centreId, actor, actorUserId } = c.var.scope
      const partnerId = c.req.valid('param').id
      assertMayEdit(actor, centreId, partnerId)
      await updatePartner({ db, centreId, actorUserId, partnerId, input: c.req.valid('json') })
      return c.json(await getStaffPartner({ db, centreId, partnerId, actor }), 200)
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/centres/{centre}/partners/{id}',
      middleware: [managers] as const,
      summary: 'Remove a partner (its counsellors keep their logins)',
      request: { params: centreItemParam },
      responses: { 204: { description: 'Removed' } },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      await deletePartner({ db, centreId, actorUserId, partnerId: c.req.valid('param').id })
      return c.body(null, 204)
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/centres/{centre}/partners/{id}/counsellors',
      middleware: [editors] as const,
      summary: 'Invite a counsellor of this partner: a login and a link to choose a password',
      request: { params: centreItemParam, ...jsonBody(inviteCounsellorSchema) },
      responses: { 201: jsonContent(invitationSchema, 'Invited') },
    }),
    async (c) => {
      const { db, centreId, actor } = c.var.scope
      const invited = await inviteCounsellor({
        db,
        auth: c.var.deps.auth,
        actor,
        centreId,
        partnerId: c.req.valid('param').id,
        input: c.req.valid('json'),
      })
      return c.json(invited, 201)
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/centres/{centre}/partner-settings',
      middleware: [readers] as const,
      summary: 'How partners are shown to visitors',
      request: { params: centreParam },
      responses: { 200: jsonContent(partnerSettingsSchema, 'The settings') },
    }),
    async (c) => c.json(await getPartnerSettings(c.var.scope.db, c.var.scope.centreId), 200),
  )
  .openapi(
    route({
      method: 'put',
      path: '/centres/{centre}/partner-settings',
      middleware: [managers] as const,
      summary: 'Choose how partners are shown to visitors',
      request: { params: centreParam, ...jsonBody(partnerSettingsSchema) },
      responses: { 200: jsonContent(partnerSettingsSchema, 'The settings') },
    }),
    async (c) => {
      const { db, centreId, actorUserId } = c.var.scope
      return c.json(await savePartnerSettings({ db, centreId, actorUserId, input: c.req.valid('json') }), 200)
    },
  )

/** The alliance as visitors see it. */
export const publicPartnerRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/centres/{centre}/alliance',
    tags,
    summary: 'The centre’s partners for visitors: the same card for each, in a neutral order',
    request: {
      params: centreParam,
      query: z.object({
        lang: z
          .string()
          .regex(/^[a-z]{2,3}$/)
          .optional(),
      }),
    },
    responses: {
      200: jsonContent(z.object({ items: z.array(publicPartnerSchema) }), 'The partners'),
      ...publicErrors,
    },
  }),
  async (c) => {
    const { db, now } = c.var.deps
    const home = await getCentreBySlug({ db, slug: c.req.valid('param').centre })
    const items = await listPublicPartners({
      db,
      centreId: home.id,
      language: c.req.valid('query').lang ?? c.var.locale,
      now: now(),
    })
    return c.json({ items }, 200)
  },
)
