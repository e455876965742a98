import { z } from '../validation'
import { localizedTextSchema, textSchema } from './common'
import { resourceUrlSchema } from './resources'

/** The kinds of institution a centre's alliance brings together. */
export const partnerTypes = [
  'employment_service',
  'education_guidance',
  'training',
  'business_creation',
  'youth',
  'social',
  'chamber',
  'local_authority',
  'association',
] as const
export type PartnerType = (typeof partnerTypes)[number]

export const partnerOrders = ['alphabetical', 'daily_rotation'] as const

/** A partner as a manager (or its own coordinator) writes it. */
export const partnerInputSchema = z.object({
  name: textSchema(160).pipe(z.string().min(1)),
  type: z.enum(partnerTypes),
  description: localizedTextSchema({ max: 2000, required: false }).default({}),
  website: resourceUrlSchema.nullable().default(null),
  /** How staff reach the partner: never shown to visitors. */
  staffContact: textSchema(500).default(''),
  areaIds: z
    .array(z.uuid())
    .max(50)
    .default([])
    .transform((ids) => [...new Set(ids)]),
})
export type PartnerInput = z.input<typeof partnerInputSchema>

/** A partner as staff see it, with its counsellors and whether the reader may change it. */
export const staffPartnerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(partnerTypes),
    description: z.record(z.string(), z.string()),
    website: z.string().nullable(),
    staffContact: z.string(),
    areaIds: z.array(z.uuid()),
    counsellors: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
    canEdit: z.boolean(),
  })
  .meta({ id: 'StaffPartner' })
export type StaffPartner = z.infer<typeof staffPartnerSchema>

/** A partner on the visitors' page: the same card for every one, nothing ranked, no staff contact. */
export const publicPartnerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(partnerTypes),
    description: z.string(),
    website: z.string().nullable(),
    areas: z.array(
      z.object({ slug: z.string(), name: z.record(z.string(), z.string()), colour: z.string() }),
    ),
  })
  .meta({ id: 'PublicPartner' })
export type PublicPartner = z.infer<typeof publicPartnerSchema>

export const partnerSettingsSchema = z
  .object({
    /** Alphabetical, or an order that changes every day so that nobody always comes first. */
    partnerOrder: z.enum(partnerOrders),
    /** Whether visitors see which partner staffs a shift of the rota (off by default). */
    showPartnerOnRota: z.boolean(),
  })
  .meta({ id: 'PartnerSettings' })
export type PartnerSettings = z.infer<typeof partnerSettingsSchema>

/** A counsellor invited by their partner: a login of their own, and a link to choose a password. */
export const inviteCounsellorSchema = z.object({
  email: z.string().trim().toLowerCase().max(200).pipe(z.email()),
  name: textSchema(120).pipe(z.string().min(1)),
})
export type InviteCounsellor = z.input<typeof inviteCounsellorSchema>

export const invitationSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    /** A link to choose a password (valid 24 hours), or null for someone who already has a login. */
    inviteUrl: z.string().nullable(),
  })
  .meta({ id: 'Invitation' })
