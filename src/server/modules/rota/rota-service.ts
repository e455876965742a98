import { addDays, format } from 'date-fns'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import {
  type Expertise,
  type PublicRota,
  type Shift,
  type ShiftInput,
  shiftInputSchema,
} from '../../../shared/schemas/rota'
import type { Database } from '../../db/client'
import { user } from '../../db/schema/auth'
import { area, closure, openingHours, partner } from '../../db/schema/centres'
import { rotaAbsence, rotaShift } from '../../db/schema/rota'
import { staffRole } from '../../db/schema/staff'
import { conflict, fieldRefusal, forbidden, notFound } from '../../http/errors'
import { recordAudit } from '../audit/service'
import type { PartnerWriter } from '../auth/partner-writer'
import { toHourMinute } from '../centres/opening-status'

type Write = { db: Database; centreId: string; actorUserId: string | null; writer: PartnerWriter }
type Values = ReturnType<typeof shiftInputSchema.parse>

/** ISO weekday (1 = Monday) of a `YYYY-MM-DD` day. */
const weekdayOf = (day: string) => ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1

/**
 * Checks what a shift names: the area and partner are the centre's, a partner coordinator writes only
 * for their own partner, and a named counsellor is a counsellor of the centre (of that partner, if one).
 */
async function checkLinks(tx: Database, centreId: string, values: Values, writer: PartnerWriter) {
  if (writer.kind === 'partner' && values.partnerId !== writer.partnerId) throw forbidden()
  const [known] = await tx
    .select({ id: area.id })
    .from(area)
    .where(and(eq(area.centreId, centreId), eq(area.id, values.areaId)))
  if (!known) throw fieldRefusal('areaId', 'error.event.unknownArea')
  if (values.partnerId) {
    const [found] = await tx
      .select({ id: partner.id })
      .from(partner)
      .where(and(eq(partner.centreId, centreId), eq(partner.id, values.partnerId)))
    if (!found) throw fieldRefusal('partnerId', 'error.rota.unknownPartner')
  }
  if (values.counsellorId) {
    const roles = await tx
      .select({ partnerId: staffRole.partnerId })
      .from(staffRole)
      .where(
        and(
          eq(staffRole.centreId, centreId),
          eq(staffRole.userId, values.counsellorId),
          eq(staffRole.role, 'counsellor'),
        ),
      )
    if (!roles.some((role) => !values.partnerId || role.partnerId === values.partnerId))
      throw fieldRefusal('counsellorId', 'error.rota.unknownCounsellor')
  }
}

/** A shift fits within one opening span of its area (the centre's, when the area has none of its own). */
async function checkOpeningHours(tx: Database, centreId: string, values: Values) {
  const weekday = values.weekday ?? weekdayOf(values.onDate ?? '')
  const spans = await tx
    .select({ areaId: openingHours.areaId, opensAt: openingHours.opensAt, closesAt: openingHours.closesAt })
    .from(openingHours)
    .where(and(eq(openingHours.centreId, centreId), eq(openingHours.weekday, weekday)))
  const own = spans.filter((span) => span.areaId === values.areaId)
  const hours = own.length > 0 ? own : spans.filter((span) => span.areaId === null)

  const fits = hours.some(
    (span) => toHourMinute(span.opensAt) <= values.startsAt && values.endsAt <= toHourMinute(span.closesAt),
  )
  if (!fits) throw fieldRefusal('startsAt', 'error.rota.outsideHours')
}

/**
 * Refuses a counsellor in two places at once: any other shift of theirs that shares a date and overlaps
 * in time (weekly against weekly within both validities, weekly against a one-off on its weekday unless
 * that date is marked absent, one-off against one-off). Taken under a per-counsellor lock, so two
 * requests at once cannot both slip in.
 */
async function checkConflicts(tx: Database, values: Values, ownId: string | null) {
  if (!values.counsellorId) return
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rota:${values.counsellorId}`}))`)
  const from = sql`coalesce(${values.validFrom}::date, '-infinity'::date)`
  const until = sql`coalesce(${values.validUntil}::date, 'infinity'::date)`
  const otherFrom = sql`coalesce(${rotaShift.validFrom}, '-infinity'::date)`
  const otherUntil = sql`coalesce(${rotaShift.validUntil}, 'infinity'::date)`
  const onDate = sql`${values.onDate}::date`
  const weekly =
    values.weekday !== null
      ? sql`((${rotaShift.weekday} = ${values.weekday} and ${otherFrom} <= ${until} and ${from} <= ${otherUntil})
          or (${rotaShift.onDate} is not null and extract(isodow from ${rotaShift.onDate}) = ${values.weekday}
              and ${from} <= ${rotaShift.onDate} and ${rotaShift.onDate} <= ${until}))`
      : sql`((${rotaShift.weekday} = extract(isodow from ${onDate}) and ${otherFrom} <= ${onDate}
              and ${onDate} <= ${otherUntil}
              and not exists (select 1 from ${rotaAbsence} a where a.shift_id = ${rotaShift.id} and a.on_date = ${onDate}))
          or ${rotaShift.onDate} = ${onDate})`
  const [clash] = await tx
    .select({ id: rotaShift.id })
    .from(rotaShift)
    .where(
      and(
        eq(rotaShift.counsellorId, values.counsellorId),
        ownId ? sql`${rotaShift.id} <> ${ownId}` : undefined,
        sql`${rotaShift.startsAt} < ${values.endsAt}::time and ${values.startsAt}::time < ${rotaShift.endsAt}`,
        weekly,
      ),
    )
    .limit(1)
  if (clash) throw conflict('error.rota.conflict', 'counsellorId')
}

const columns = (values: Values) => ({
  ...values,
  startsAt: `${values.startsAt}:00`,
  endsAt: `${values.endsAt}:00`,
})

export async function createShift(options: Write & { input: ShiftInput }): Promise<string> {
  const { db, centreId, actorUserId, writer } = options
  const values = shiftInputSchema.parse(options.input)
  return db.transaction(async (tx) => {
    await checkLinks(tx, centreId, values, writer)
    await checkOpeningHours(tx, centreId, values)
    await checkConflicts(tx, values, null)
    const [row] = await tx
      .insert(rotaShift)
      .values({ centreId, ...columns(values) })
      .returning({ id: rotaShift.id })
    if (!row) throw new Error('shift insert returned nothing')
    await recordAudit(tx, { actorUserId, centreId, action: 'create', entity: 'rota_shift', entityId: row.id })
    return row.id
  })
}

/** The shift, locked, if the writer may change it (a coordinator: their partner's only). */
async function ownShift(tx: Database, centreId: string, shiftId: string, writer: PartnerWriter) {
  const [row] = await tx
    .select()
    .from(rotaShift)
    .where(and(eq(rotaShift.centreId, centreId), eq(rotaShift.id, shiftId)))
    .for('update')
  if (!row) throw notFound('error.rota.notFound')
  if (writer.kind === 'partner' && row.partnerId !== writer.partnerId) throw forbidden()
  return row
}

export async function updateShift(options: Write & { shiftId: string; input: ShiftInput }) {
  const { db, centreId, actorUserId, writer, shiftId } = options
  const values = shiftInputSchema.parse(options.input)
  await db.transaction(async (tx) => {
    await ownShift(tx, centreId, shiftId, writer)
    await checkLinks(tx, centreId, values, writer)
    await checkOpeningHours(tx, centreId, values)
    await checkConflicts(tx, values, shiftId)
    await tx
      .update(rotaShift)
      .set({ ...columns(values), updatedAt: new Date() })
      .where(eq(rotaShift.id, shiftId))
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'update',
      entity: 'rota_shift',
      entityId: shiftId,
    })
  })
}

export async function deleteShift(options: Write & { shiftId: string }) {
  const { db, centreId, actorUserId, writer, shiftId } = options
  await db.transaction(async (tx) => {
    await ownShift(tx, centreId, shiftId, writer)
    await tx.delete(rotaShift).where(eq(rotaShift.id, shiftId))
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'delete',
      entity: 'rota_shift',
      entityId: shiftId,
    })
  })
}

/** Marks a weekly shift as not held on one date (or held again, with `absent: false`). */
export async function setAbsence(options: Write & { shiftId: string; date: string; absent: boolean }) {
  const { db, centreId, actorUserId, writer, shiftId, date, absent } = options
  await db.transaction(async (tx) => {
    const row = await ownShift(tx, centreId, shiftId, writer)
    if (row.weekday === null || weekdayOf(date) !== row.weekday)
      throw fieldRefusal('date', 'error.rota.notThatDay')
    if (absent) await tx.insert(rotaAbsence).values({ shiftId, onDate: date }).onConflictDoNothing()
    else
      await tx.delete(rotaAbsence).where(and(eq(rotaAbsence.shiftId, shiftId), eq(rotaAbsence.onDate, date)))
    await recordAudit(tx, {
      actorUserId,
      centreId,
      action: 'update',
      entity: 'rota_shift',
      entityId: shiftId,
      data: { absent, date },
    })
  })
}

/** The whole rota, as staff see it: every shift with its partner, counsellor and absences. */
export async function listShifts(options: {
  db: Database
  centreId: string
  writer: PartnerWriter | null
}): Promise<Shift[]> {
  const { db, centreId, writer } = options
  const rows = await db
    .select({ shift: rotaShift, partnerName: partner.name, counsellorName: user.name })
    .from(rotaShift)
    .leftJoin(partner, eq(partner.id, rotaShift.partnerId))
    .leftJoin(user, eq(user.id, rotaShift.counsellorId))
    .where(eq(rotaShift.centreId, centreId))
    .orderBy(asc(rotaShift.weekday), asc(rotaShift.onDate), asc(rotaShift.startsAt), asc(rotaShift.id))
  const absences =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(rotaAbsence)
          .where(
            inArray(
              rotaAbsence.shiftId,
              rows.map((row) => row.shift.id),
            ),
          )
          .orderBy(asc(rotaAbsence.onDate))
  return rows.map(({ shift, partnerName, counsellorName }) => ({
    id: shift.id,
    areaId: shift.areaId,
    partnerId: shift.partnerId,
    partnerName,
    counsellorId: shift.counsellorId,
    counsellorName,
    expertise: shift.expertise as Expertise,
    languages: shift.languages,
    weekday: shift.weekday,
    onDate: shift.onDate,
    startsAt: toHourMinute(shift.startsAt),
    endsAt: toHourMinute(shift.endsAt),
    validFrom: shift.validFrom,
    validUntil: shift.validUntil,
    absences: absences.filter((a) => a.shiftId === shift.id).map((a) => a.onDate),
    canEdit: writer !== null && (writer.kind === 'manager' || shift.partnerId === writer.partnerId),
  }))
}

/**
 * A week of the rota for visitors, from a day: per day and area, which advice in which languages, when.
 * Absences and the centre's (or the area's) closures are left out; nobody is named, and the partner
 * only where the centre chose to show it.
 */
export async function publicRota(options: {
  db: Database
  centreId: string
  from: string
  days: number
  areaSlug?: string | undefined
  showPartner: boolean
}): Promise<PublicRota> {
  const { db, centreId, from, days, areaSlug, showPartner } = options
  const dates = Array.from({ length: days }, (_, i) =>
    format(addDays(new Date(`${from}T12:00:00Z`), i), 'yyyy-MM-dd'),
  )
  const to = dates.at(-1) ?? from
  const [shifts, absences, closures] = await Promise.all([
    db
      .select({ shift: rotaShift, areaSlug: area.slug, partnerName: partner.name })
      .from(rotaShift)
      .innerJoin(area, eq(area.id, rotaShift.areaId))
      .leftJoin(partner, eq(partner.id, rotaShift.partnerId))
      .where(and(eq(rotaShift.centreId, centreId), areaSlug ? eq(area.slug, areaSlug) : undefined))
      .orderBy(asc(rotaShift.startsAt), asc(area.position), asc(rotaShift.id)),
    db
      .select({ shiftId: rotaAbsence.shiftId, onDate: rotaAbsence.onDate })
      .from(rotaAbsence)
      .innerJoin(rotaShift, eq(rotaShift.id, rotaAbsence.shiftId))
      .where(
        and(
          eq(rotaShift.centreId, centreId),
          sql`${rotaAbsence.onDate} between ${from}::date and ${to}::date`,
        ),
      ),
    db
      .select({ areaId: closure.areaId, startsOn: closure.startsOn, endsOn: closure.endsOn })
      .from(closure)
      .where(and(eq(closure.centreId, centreId), sql`${closure.endsOn} >= ${from}::date`)),
  ])
  const closed = (date: string, areaId: string) =>
    closures.some((c) => (c.areaId === null || c.areaId === areaId) && c.startsOn <= date && date <= c.endsOn)
  return {
    from,
    to,
    days: dates.map((date) => ({
      date,
      slots: shifts
        .filter(({ shift }) =>
          shift.onDate
            ? shift.onDate === date
            : shift.weekday === weekdayOf(date) &&
              (!shift.validFrom || shift.validFrom <= date) &&
              (!shift.validUntil || date <= shift.validUntil) &&
              !absences.some((a) => a.shiftId === shift.id && a.onDate === date),
        )
        .filter(({ shift }) => !closed(date, shift.areaId))
        .map(({ shift, areaSlug: slug, partnerName }) => ({
          area: slug,
          expertise: shift.expertise as Expertise,
          languages: shift.languages,
          startsAt: toHourMinute(shift.startsAt),
          endsAt: toHourMinute(shift.endsAt),
          partner: showPartner ? partnerName : null,
        })),
    })),
  }
}
