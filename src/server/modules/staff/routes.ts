import { createRoute, z } from '@hono/zod-openapi'
import { inArray } from 'drizzle-orm'
import { textSchema } from '../../../shared/schemas/common'
import {
  addStaffInputSchema,
  addStaffResultSchema,
  meSchema,
  resetLinkSchema,
  staffMemberSchema,
  staffRoleSchema,
} from '../../../shared/schemas/staff'
import { centre } from '../../db/schema/centres'
import { createRouter } from '../../http/context'
import { jsonContent, staffErrors, staffSecurity } from '../../http/openapi'
import { centreManagers, isNetworkAdmin, requireActor } from '../auth/policy'
import { listCentres } from '../centres/centres-service'
import { centreParam, centreRole } from '../centres/scope'
import { addStaff, createStaffResetLink, listCentreStaff, revokeStaffRole } from './staff-service'

const tags = ['Staff']
const managers = centreRole(centreManagers)
const memberParam = centreParam.extend({ userId: textSchema(64).pipe(z.string().min(1)) })

export const staffRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags,
      security: staffSecurity,
      summary: 'The signed-in staff member and the centres they work in',
      responses: { 200: jsonContent(meSchema, 'Me'), ...staffErrors },
    }),
    async (c) => {
      const actor = requireActor(await c.var.getActor())
      const { db } = c.var.deps
      const networkAdmin = isNetworkAdmin(actor)
      const ids = [...new Set(actor.grants.flatMap((g) => (g.centreId ? [g.centreId] : [])))]
      const centres = networkAdmin
        ? await listCentres({ db })
        : ids.length
          ? await db.select().from(centre).where(inArray(centre.id, ids))
          : []
      return c.json(
        {
          userId: actor.userId,
          name: actor.name,
          email: actor.email,
          isNetworkAdmin: networkAdmin,
          centres: centres.map((row) => ({
            slug: row.slug,
            name: row.name,
            roles: actor.grants.filter((g) => g.centreId === row.id).map((g) => g.role),
            partnerId: actor.grants.find((g) => g.centreId === row.id && g.partnerId)?.partnerId ?? null,
          })),
        },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      middleware: [managers] as const,
      path: '/centres/{centre}/staff',
      tags,
      security: staffSecurity,
      summary: 'Staff of a centre and their roles',
      request: { params: centreParam },
      responses: { 200: jsonContent(z.array(staffMemberSchema), 'Staff'), ...staffErrors },
    }),
    async (c) => {
      const scope = c.var.scope
      return c.json(await listCentreStaff(scope), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      middleware: [managers] as const,
      path: '/centres/{centre}/staff',
      tags,
      security: staffSecurity,
      summary: 'Give someone a role; a new person gets a one-time password',
      request: {
        params: centreParam,
        body: { required: true, content: { 'application/json': { schema: addStaffInputSchema } } },
      },
      responses: { 201: jsonContent(addStaffResultSchema, 'Added'), ...staffErrors },
    }),
    async (c) => {
      const scope = c.var.scope
      const input = c.req.valid('json')
      const added = await addStaff({
        db: scope.db,
        auth: c.var.deps.auth,
        actorUserId: scope.actorUserId,
        input: { ...input, centreId: scope.centreId },
      })
      return c.json({ userId: added.userId, email: added.email, oneTimePassword: added.password }, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      middleware: [managers] as const,
      path: '/centres/{centre}/staff/{userId}/reset-link',
      tags,
      security: staffSecurity,
      summary: 'A password reset link to hand over (valid 24 hours)',
      request: { params: memberParam },
      responses: { 200: jsonContent(resetLinkSchema, 'Link'), ...staffErrors },
    }),
    async (c) => {
      const { userId } = c.req.valid('param')
      const { db, actor, centreId } = c.var.scope
      return c.json(
        { url: await createStaffResetLink({ db, actor, centreId, auth: c.var.deps.auth, userId }) },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      middleware: [managers] as const,
      path: '/centres/{centre}/staff/{userId}/roles/{role}',
      tags,
      security: staffSecurity,
      summary: 'Withdraw a role',
      request: { params: memberParam.extend({ role: staffRoleSchema }) },
      responses: { 204: { description: 'Done' }, ...staffErrors },
    }),
    async (c) => {
      const { userId, role } = c.req.valid('param')
      await revokeStaffRole({ ...c.var.scope, userId, role })
      return c.body(null, 204)
    },
  )
