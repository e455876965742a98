import type { MiddlewareHandler } from 'hono'
import { z } from 'zod'
import type { StaffRole } from '../../../shared/constants'
import type { AppEnv } from '../../http/context'
import { requireRole } from '../auth/policy'
import { getCentreBySlug } from './centres-service'

export const centreParam = z.object({ centre: z.string().min(1).max(60) })
export const centreItemParam = centreParam.extend({ id: z.uuid() })

/**
 * Route middleware: loads the centre named in the path and checks the caller holds one of `roles` there,
 * before the body is even validated (an outsider learns nothing from validation messages).
 */
export function centreRole(roles: readonly StaffRole[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db } = c.var.deps
    const centre = await getCentreBySlug({ db, slug: c.req.param('centre') ?? '' })
    const actor = requireRole(await c.var.getActor(), centre.id, roles)
    c.set('scope', { db, centre, centreId: centre.id, actor, actorUserId: actor.userId })
    await next()
  }
}
