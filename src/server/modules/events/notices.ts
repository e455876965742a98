import { TZDate } from '@date-fns/tz'
import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm'
import { negotiateLocale, pickText } from '../../../shared/i18n/locales'
import type { Database } from '../../db/client'
import { centre } from '../../db/schema/centres'
import { booking, event, eventSession } from '../../db/schema/events'
import { translate } from '../../http/i18n'
import type { Mailer } from '../auth/mailer'

/** A message to a booking's reminder contact: nothing in it says who they are, nor opens the booking. */
export type Notice = { to: string; subject: string; text: string }
export type NoticeSender = (notice: Notice) => Promise<void>

const REMINDER_HOURS = 24
const BATCH = 100

/**
 * How notices leave: email addresses by SMTP (`SMTP_URL`), phone numbers as a JSON `POST {to, text}` to
 * an SMS gateway (`SMS_WEBHOOK_URL`). `undefined` when neither is configured: nothing is sent, and the
 * booking's page still says everything.
 */
export function createNoticeSender(options: {
  mailer?: Mailer | undefined
  smsWebhookUrl?: string | undefined
}): NoticeSender | undefined {
  const { mailer, smsWebhookUrl } = options
  if (!mailer && !smsWebhookUrl) return undefined
  return async (notice) => {
    if (notice.to.includes('@')) {
      if (mailer) await mailer.send(notice)
      return
    }
    if (!smsWebhookUrl) return
    const response = await fetch(smsWebhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        to: notice.to.replace(/[^+0-9]/g, ''),
        text: `${notice.subject}\n${notice.text}`,
      }),
      signal: AbortSignal.timeout(10_000),
    })
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`)
  }
}

type Kind = 'promotion' | 'reminder'

/**
 * Claims up to a batch of bookings owing a notice of one kind, in one statement: `SKIP LOCKED` and the
 * claim column let several instances sweep at once without two of them telling the same person.
 */
async function claim(db: Database, kind: Kind, now: Date) {
  const column = kind === 'promotion' ? booking.promotionNoticeAt : booking.reminderAt
  const due =
    kind === 'promotion'
      ? and(isNotNull(booking.promotedAt), isNull(booking.promotionNoticeAt))
      : and(
          isNull(booking.reminderAt),
          lte(eventSession.startsAt, new Date(now.getTime() + REMINDER_HOURS * 3_600_000)),
          // Booked at least a day ahead: a reminder for a booking made this morning is only noise.
          lt(
            booking.createdAt,
            sql`${eventSession.startsAt} - interval '${sql.raw(String(REMINDER_HOURS))} hours'`,
          ),
        )
  const candidates = db
    .select({ id: booking.id })
    .from(booking)
    .innerJoin(eventSession, eq(eventSession.id, booking.sessionId))
    .where(
      and(
        eq(booking.status, 'confirmed'),
        isNotNull(booking.contact),
        isNull(eventSession.cancelledAt),
        gt(eventSession.startsAt, now),
        due,
      ),
    )
    .limit(BATCH)
    .for('update', { of: booking, skipLocked: true })
  return db
    .update(booking)
    .set(kind === 'promotion' ? { promotionNoticeAt: now } : { reminderAt: now })
    .where(and(inArray(booking.id, candidates), isNull(column)))
    .returning({
      id: booking.id,
      contact: booking.contact,
      language: booking.language,
      sessionId: booking.sessionId,
    })
}

/**
 * Tells reminder contacts what they asked to be told: that a seat freed up and their booking is now
 * confirmed, and — for bookings made at least a day ahead — a reminder the day before. A notice that
 * fails is released, to be tried again at the next sweep (until the session starts).
 */
export async function sendBookingNotices(options: {
  db: Database
  now: Date
  send: NoticeSender
  onError?: (error: unknown) => void
}): Promise<{ sent: number; failed: number }> {
  const { db, now, send } = options
  let sent = 0
  let failed = 0
  for (const kind of ['promotion', 'reminder'] as const) {
    const claimed = await claim(db, kind, now)
    for (const row of claimed) {
      try {
        await send(await noticeOf(db, kind, row.sessionId, row.contact ?? '', row.language))
        sent++
      } catch (error) {
        failed++
        options.onError?.(error)
        await db
          .update(booking)
          .set(kind === 'promotion' ? { promotionNoticeAt: null } : { reminderAt: null })
          .where(eq(booking.id, row.id))
      }
    }
  }
  return { sent, failed }
}

async function noticeOf(db: Database, kind: Kind, sessionId: string, to: string, language: string) {
  const [row] = await db
    .select({
      title: event.title,
      place: event.place,
      startsAt: eventSession.startsAt,
      centreName: centre.name,
      timezone: centre.timezone,
      defaultLanguage: centre.defaultLanguage,
    })
    .from(eventSession)
    .innerJoin(event, eq(event.id, eventSession.eventId))
    .innerJoin(centre, eq(centre.id, eventSession.centreId))
    .where(eq(eventSession.id, sessionId))
  if (!row) throw new Error(`session ${sessionId} vanished`)
  const locale = negotiateLocale([language, row.defaultLanguage])
  const when = new Intl.DateTimeFormat(locale, {
    timeZone: row.timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new TZDate(row.startsAt, row.timezone))
  const values = {
    title: pickText(row.title, locale, row.defaultLanguage),
    when,
    place: row.place,
    centre: pickText(row.centreName, locale, row.defaultLanguage),
  }
  return {
    to,
    subject: translate(locale, `notice.${kind}.subject`, values),
    text: translate(locale, `notice.${kind}.text`, values),
  }
}
