import { staffRoles } from '../constants'
import { z } from '../validation'
import { textSchema } from './common'

export const staffRoleSchema = z.enum(staffRoles)

export const meSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    centres: z.array(
      z.object({
        slug: z.string(),
        name: z.record(z.string(), z.string()),
        roles: z.array(staffRoleSchema),
        /** The partner they work for in this centre, if any. */
        partnerId: z.string().nullable(),
      }),
    ),
    isNetworkAdmin: z.boolean(),
  })
  .meta({ id: 'Me' })
export type Me = z.infer<typeof meSchema>

/** Roles a manager can hand out in their own centre (network admins are made with the CLI). */
export const centreRoles = ['reception', 'counsellor', 'partner_coordinator', 'manager'] as const

export const addStaffInputSchema = z.object({
  email: z.string().trim().max(200).pipe(z.email()),
  name: textSchema(120).pipe(z.string().min(1)),
  role: z.enum(centreRoles),
})
export type AddStaffInput = z.input<typeof addStaffInputSchema>

export const addStaffResultSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    /** Only for a new login: shown once, to hand over; never stored in clear. */
    oneTimePassword: z.string().nullable(),
  })
  .meta({ id: 'AddStaffResult' })
export type AddStaffResult = z.infer<typeof addStaffResultSchema>

export const staffMemberSchema = z
  .object({ userId: z.string(), name: z.string(), email: z.string(), roles: z.array(staffRoleSchema) })
  .meta({ id: 'StaffMember' })
export type StaffMember = z.infer<typeof staffMemberSchema>

export const resetLinkSchema = z.object({ url: z.string() }).meta({ id: 'ResetLink' })
