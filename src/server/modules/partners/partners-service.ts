import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { pickText } from '../../../shared/i18n/locales'
import type {
  PartnerInput,
  PartnerSettings,
  PartnerType,
  PublicPartner,
  StaffPartner,
} from '../../../shared/schemas/partners'
import { partnerInputSchema } from '../../../shared/schemas/partners'
import type { Database } from '../../db/client'
import { uniqueViolation } from '../../db/errors'
import { user } from '../../db/schema/auth'
import { area, centre, partner, partnerArea } from '../../db/schema/centres'
import { staffRole } from '../../db/schema/staff'
import { conflict, fieldRefusal, forbidden, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import type { Actor } from '../auth/actor'
import { type Auth, createPasswordResetLink } from '../auth/auth'
import { findPartnerWriter } from '../auth/partner-writer'
import { localDateOf } from '../centres/opening-status'
import { addStaff } from '../staff/staff-service'

type Write = { db: Database; centreId: string; actorUserId: string | null }

/** Managers change any partner of their centre; a partner coordinator only their own. */
export function assertMayEdit(actor: Actor, centreId: string, partnerId: string) {
  const writer = findPartnerWriter(actor, centreId)
  if (!writer || (writer.kind === 'partner' && writer.partnerId !== partnerId)) throw forbidden()
}

async function checkAreas(tx: Database, centreId: string, areaIds: string[]) {
  if (areaIds.length === 0) return
  const found = await tx
    .select({ id: area.id })
    .from(area)
    .where(and(eq(area.centreId, centreId), inArray(area.id, areaIds)))
  if (found.length !== areaIds.length) throw fieldRefusal('areaIds', 'error.event.unknownArea')
}

function nameTaken(error: unknown): never {
  if (uniqueViolation(error) === 'partner_centre_name_key') throw conflict('error.partner.nameTaken', 'name')
  throw error
}

/** Adds a partner to the centre's alliance (managers only, checked by the route). */
export async function createPartner(options: Write & { input: PartnerInput }): Promise<string> {
  const { db, centreId, actorUserId } = options
  const { areaIds, ...values } = partnerInputSchema.parse(options.input)
  try {
    return await db.transaction(async (tx) => {
      await checkAreas(tx, centreId, areaIds)
      const [row] = await tx
        .insert(partner)
        .values({ centreId, ...values })
        .returning({ id: partner.id })
      if (!row) throw new Error('partner insert returned nothing')
      if (areaIds.length > 0)
        await tx.insert(partnerArea).values(areaIds.map((areaId) => ({ partnerId: row.id, areaId })))
      await recordAudit(tx, { actorUserId, centreId, action: 'create', entity: 'partner', entityId: row.id })
      return row.id
    })
  } catch (error) {
    nameTaken(error)
  }
}

export async function updatePartner(options: Write & { partnerId: string; input: PartnerInput }) {
  const { db, centreId, actorUserId, partnerId } = options
  const { areaIds, ...values } = partnerInputSchema.parse(options.input)
  try {
    await db.transaction(async (tx) => {
      await checkAreas(tx, centreId, areaIds)
      const [row] = await tx
        .update(partner)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(partner.centreId, centreId), eq(partner.id, partnerId)))
        .returning({ id: partner.id })
      if (!row) throw notFound('error.partner.notFound')
      await tx.delete(partnerArea).where(eq(partnerArea.partnerId, partnerId))
      if (areaIds.length > 0)
        await tx.insert(partnerArea).values(areaIds.map((areaId) => ({ partnerId, areaId })))
      await recordAudit(tx, {
        actorUserId,
        centreId,
        action: 'update',
        entity: 'partner',
        entityId: partnerId,
      })
    })
  } catch (error) {
    nameTaken(error)
  }
}

/** Removes a partner: its counsellors keep their logins, without the partner on their role. */
export async function deletePartner(options: Write & { partnerId: string }) {
  const { db, centreId, actorUserId, partnerId } = options
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(partner)
      .where(and(eq(partner.centreId, centreId), eq(partner.id, partnerId)))
      .returning({ id: partner.id })
    if (!row) throw notFound('error.partner.notFound')
    await recordAudit(tx, { actorUserId, centreId, action: 'delete', entity: 'partner', entityId: partnerId })
  })
}

/** A partner with its areas and counsellors, as staff see it. */
export async function getStaffPartner(options: {
  db: Database
  centreId: string
  partnerId: string
  actor: Actor
}): Promise<StaffPartner> {
  const { db, centreId, partnerId, actor } = options
  const [row] = await db
    .select()
    .from(partner)
    .where(and(eq(partner.centreId, centreId), eq(partner.id, partnerId)))
  if (!row) throw notFound('error.partner.notFound')
  const [areas, counsellors] = await Promise.all([
    db.select({ id: partnerArea.areaId }).from(partnerArea).where(eq(partnerArea.partnerId, partnerId)),
    db
      .selectDistinct({ userId: user.id, name: user.name, email: user.email })
      .from(staffRole)
      .innerJoin(user, eq(user.id, staffRole.userId))
      .where(
        and(
          eq(staffRole.centreId, centreId),
          eq(staffRole.partnerId, partnerId),
          eq(staffRole.role, 'counsellor'),
        ),
      )
      .orderBy(asc(user.name)),
  ])
  const writer = findPartnerWriter(actor, centreId)
  return {
    id: row.id,
    name: row.name,
    type: row.type as PartnerType,
    description: row.description,
    website: row.website,
    staffContact: row.staffContact,
    areaIds: areas.map((entry) => entry.id).sort(),
    counsellors,
    canEdit: writer !== null && (writer.kind === 'manager' || writer.partnerId === partnerId),
  }
}

/**
 * Gives a partner a counsellor: a login of their own (or the role, for someone who has one) and, for a
 * new login, a link to choose a password — sent by email too when the deployment has a mail server.
 */
export async function inviteCounsellor(options: {
  db: Database
  auth: Auth
  actor: Actor
  centreId: string
  partnerId: string
  input: { email: string; name: string }
}) {
  const { db, auth, actor, centreId, partnerId } = options
  assertMayEdit(actor, centreId, partnerId)
  const [row] = await db
    .select({ id: partner.id })
    .from(partner)
    .where(and(eq(partner.centreId, centreId), eq(partner.id, partnerId)))
  if (!row) throw notFound('error.partner.notFound')
  const added = await addStaff({
    db,
    auth,
    actorUserId: actor.userId,
    input: { ...options.input, role: 'counsellor', centreId, partnerId },
  })
  // Someone who already has a login keeps their password: a link would hand their account to whoever
  // invited them.
  const inviteUrl = added.password === null ? null : await createPasswordResetLink(auth, added.email)
  return { userId: added.userId, email: added.email, inviteUrl }
}

/**
 * The centre's partners for visitors: the same card for each, no staff contact, in a neutral order —
 * alphabetical, or shuffled afresh every day (the same for everyone that day) so that nobody always
 * comes first.
 */
export async function listPublicPartners(options: {
  db: Database
  centreId: string
  language: string
  now: Date
}): Promise<PublicPartner[]> {
  const { db, centreId, language, now } = options
  const [home] = await db.select().from(centre).where(eq(centre.id, centreId))
  if (!home) throw notFound('error.centre.notFound')
  const day = localDateOf(now, home.timezone)
  const order =
    home.partnerOrder === 'daily_rotation'
      ? sql`md5(${day} || ${partner.id}::text)`
      : sql`lower(${partner.name})`
  const rows = await db
    .select()
    .from(partner)
    .where(eq(partner.centreId, centreId))
    .orderBy(order, asc(partner.id))
  const areas =
    rows.length === 0
      ? []
      : await db
          .select({ partnerId: partnerArea.partnerId, slug: area.slug, name: area.name, colour: area.colour })
          .from(partnerArea)
          .innerJoin(area, eq(area.id, partnerArea.areaId))
          .where(
            inArray(
              partnerArea.partnerId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(area.position), asc(area.slug))
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    type: row.type as PartnerType,
    description: pickText(row.description, language, home.defaultLanguage),
    website: row.website,
    areas: areas
      .filter((entry) => entry.partnerId === row.id)
      .map(({ slug, name, colour }) => ({ slug, name, colour })),
  }))
}

export async function getPartnerSettings(db: Database, centreId: string): Promise<PartnerSettings> {
  const [row] = await db
    .select({ partnerOrder: centre.partnerOrder, showPartnerOnRota: centre.showPartnerOnRota })
    .from(centre)
    .where(eq(centre.id, centreId))
  if (!row) throw notFound('error.centre.notFound')
  return {
    partnerOrder: row.partnerOrder as PartnerSettings['partnerOrder'],
    showPartnerOnRota: row.showPartnerOnRota,
  }
}

export async function savePartnerSettings(options: Write & { input: PartnerSettings }) {
  const { db, centreId, actorUserId, input } = options
  await db.transaction(async (tx) => {
    await tx
      .update(centre)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(centre.id, centreId))
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'update',
      entity: 'partner_settings',
      data: { ...input },
    })
  })
  return getPartnerSettings(db, centreId)
}
