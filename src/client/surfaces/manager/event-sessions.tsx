import { TZDate } from '@date-fns/tz'
import { addDays, format, parseISO } from 'date-fns'
import type { StaffEvent } from '../../../shared/schemas/events'
import { MAX_GROUP } from '../../../shared/schemas/events'
import { useT } from '../../i18n/i18n-provider'
import { type FieldErrors, fieldError } from '../../lib/form-errors'
import { Button } from '../../ui/button'
import { Checkbox } from '../../ui/checkbox'
import { TextField } from '../../ui/text-field'

/** A session as the form holds it: the centre's wall-clock day and times, numbers as typed. */
export type SessionDraft = {
  key: string
  id?: string | undefined
  date: string
  start: string
  end: string
  booking: boolean
  capacity: string
  maxGroup: string
  walkInSeats: string
  walkInRelease: string
  prioritySeats: string
  opensAt: string
  closesAt: string
  /** What already happened on it (an existing session): shown, never sent. */
  booked?: { seats: number; waiting: number; cancelled: boolean } | undefined
}

let keys = 0
const nextKey = () => `s${++keys}`

export function newSession(date: string): SessionDraft {
  return {
    key: nextKey(),
    date,
    start: '14:00',
    end: '16:00',
    booking: true,
    capacity: '12',
    maxGroup: '4',
    walkInSeats: '0',
    walkInRelease: '',
    prioritySeats: '0',
    opensAt: '',
    closesAt: '',
  }
}

/** The same session a week later (a club meets every week), without its id or bookings. */
export function weekLater(session: SessionDraft): SessionDraft {
  return {
    ...session,
    key: nextKey(),
    id: undefined,
    booked: undefined,
    date: format(addDays(parseISO(session.date), 7), 'yyyy-MM-dd'),
    opensAt: '',
    closesAt: '',
  }
}

/** A wall-clock day and time in the centre's time zone, as an instant. */
const instant = (date: string, time: string, timeZone: string) => {
  const [y, m, d] = date.split('-').map(Number)
  const [h, min] = time.split(':').map(Number)
  if (!y || !m || !d || h === undefined || min === undefined || Number.isNaN(h) || Number.isNaN(min))
    return ''
  return new TZDate(y, m - 1, d, h, min, timeZone).toISOString()
}
const fromLocal = (value: string, timeZone: string) =>
  value ? instant(value.slice(0, 10), value.slice(11, 16), timeZone) : null
const toLocal = (iso: string | null, timeZone: string, pattern: string) =>
  iso ? format(new TZDate(iso, timeZone), pattern) : ''
const count = (value: string) => (value.trim() === '' ? 0 : Number(value))

export function sessionDraftOf(session: StaffEvent['sessions'][number], timeZone: string): SessionDraft {
  return {
    key: nextKey(),
    id: session.id,
    date: toLocal(session.startsAt, timeZone, 'yyyy-MM-dd'),
    start: toLocal(session.startsAt, timeZone, 'HH:mm'),
    end: toLocal(session.endsAt, timeZone, 'HH:mm'),
    booking: session.booking,
    capacity: session.capacity === null ? '' : String(session.capacity),
    maxGroup: String(session.maxGroup),
    walkInSeats: String(session.walkInSeats),
    walkInRelease: toLocal(session.walkInReleaseAt, timeZone, 'HH:mm'),
    prioritySeats: String(session.prioritySeats),
    opensAt: toLocal(session.bookingOpensAt, timeZone, "yyyy-MM-dd'T'HH:mm"),
    closesAt: toLocal(session.bookingClosesAt, timeZone, "yyyy-MM-dd'T'HH:mm"),
    booked: { seats: session.bookedSeats, waiting: session.waitingBookings, cancelled: session.cancelled },
  }
}

/** What the API takes for a session drafted in the centre's time zone. */
export function sessionInputOf(draft: SessionDraft, timeZone: string) {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    startsAt: instant(draft.date, draft.start, timeZone),
    endsAt: instant(draft.date, draft.end, timeZone),
    booking: draft.booking,
    capacity: draft.booking && draft.capacity.trim() ? Number(draft.capacity) : null,
    walkInSeats: draft.booking ? count(draft.walkInSeats) : 0,
    walkInReleaseAt:
      draft.booking && draft.walkInRelease ? instant(draft.date, draft.walkInRelease, timeZone) : null,
    prioritySeats: draft.booking ? count(draft.prioritySeats) : 0,
    maxGroup: draft.booking ? count(draft.maxGroup) || 1 : 4,
    bookingOpensAt: draft.booking ? fromLocal(draft.opensAt, timeZone) : null,
    bookingClosesAt: draft.booking ? fromLocal(draft.closesAt, timeZone) : null,
  }
}

const digits = (value: string) => value.replace(/\D/g, '')

/**
 * The sessions of an event, one card each: day and times, then free entry or booking with its seats. A
 * club's next meeting is one press away ("a week later").
 */
export function SessionsEditor({
  sessions,
  onChange,
  errors,
  readOnly,
}: {
  sessions: SessionDraft[]
  onChange: (sessions: SessionDraft[]) => void
  errors: FieldErrors
  readOnly: boolean
}) {
  const t = useT()
  const update = (index: number, changes: Partial<SessionDraft>) =>
    onChange(sessions.map((session, i) => (i === index ? { ...session, ...changes } : session)))
  const last = sessions.at(-1)
  return (
    <fieldset className="sessions-editor">
      <legend>{t('events.field.sessions')}</legend>
      {fieldError(errors, 'sessions') && !errors['sessions.0.startsAt'] && (
        <p className="field__error">{errors.sessions}</p>
      )}
      <ol className="plain-list stack">
        {sessions.map((session, index) => {
          const error = (key: string) => fieldError(errors, `sessions.${index}.${key}`)
          const number = index + 1
          return (
            <li
              key={session.key}
              className="session-editor"
              aria-label={t('events.sessionNumber', { number })}
            >
              <div className="session-editor__head">
                <h2>{t('events.sessionNumber', { number })}</h2>
                {session.booked && (
                  <p className="muted">
                    {session.booked.cancelled
                      ? t('events.cancelled')
                      : t('events.bookedSummary', {
                          seats: session.booked.seats,
                          waiting: session.booked.waiting,
                        })}
                  </p>
                )}
              </div>
              <div className="field-row">
                <TextField
                  label={t('events.field.date')}
                  type="date"
                  value={session.date}
                  onChange={(date) => update(index, { date })}
                  error={error('startsAt')}
                  isRequired
                />
                <TextField
                  label={t('events.field.start')}
                  type="time"
                  value={session.start}
                  onChange={(start) => update(index, { start })}
                  isRequired
                />
                <TextField
                  label={t('events.field.end')}
                  type="time"
                  value={session.end}
                  onChange={(end) => update(index, { end })}
                  error={error('endsAt')}
                  isRequired
                />
              </div>
              <div className="field">
                <Checkbox isSelected={session.booking} onChange={(booking) => update(index, { booking })}>
                  {t('events.field.booking')}
                </Checkbox>
                <p className="field__hint">{t('events.field.bookingHint')}</p>
              </div>
              {session.booking && (
                <>
                  <div className="field-row">
                    <TextField
                      label={t('events.field.capacity')}
                      inputMode="numeric"
                      value={session.capacity}
                      onChange={(v) => update(index, { capacity: digits(v) })}
                      error={error('capacity')}
                      maxLength={5}
                      isRequired
                    />
                    <TextField
                      label={t('events.field.maxGroup', { max: MAX_GROUP })}
                      inputMode="numeric"
                      value={session.maxGroup}
                      onChange={(v) => update(index, { maxGroup: digits(v) })}
                      error={error('maxGroup')}
                      maxLength={2}
                    />
                  </div>
                  <div className="field-row">
                    <TextField
                      label={t('events.field.walkInSeats')}
                      hint={t('events.field.walkInSeatsHint')}
                      inputMode="numeric"
                      value={session.walkInSeats}
                      onChange={(v) => update(index, { walkInSeats: digits(v) })}
                      error={error('walkInSeats')}
                      maxLength={5}
                    />
                    <TextField
                      label={t('events.field.walkInRelease')}
                      hint={t('events.field.walkInReleaseHint')}
                      type="time"
                      value={session.walkInRelease}
                      onChange={(walkInRelease) => update(index, { walkInRelease })}
                      error={error('walkInReleaseAt')}
                    />
                    <TextField
                      label={t('events.field.prioritySeats')}
                      hint={t('events.field.prioritySeatsHint')}
                      inputMode="numeric"
                      value={session.prioritySeats}
                      onChange={(v) => update(index, { prioritySeats: digits(v) })}
                      error={error('prioritySeats')}
                      maxLength={5}
                    />
                  </div>
                  <div className="field-row">
                    <TextField
                      label={t('events.field.opensAt')}
                      hint={t('events.field.opensAtHint')}
                      type="datetime-local"
                      value={session.opensAt}
                      onChange={(opensAt) => update(index, { opensAt })}
                      error={error('bookingOpensAt')}
                    />
                    <TextField
                      label={t('events.field.closesAt')}
                      hint={t('events.field.closesAtHint')}
                      type="datetime-local"
                      value={session.closesAt}
                      onChange={(closesAt) => update(index, { closesAt })}
                      error={error('bookingClosesAt')}
                    />
                  </div>
                </>
              )}
              {!readOnly && sessions.length > 1 && (
                <Button variant="quiet" onPress={() => onChange(sessions.filter((_, i) => i !== index))}>
                  {session.booked && session.booked.seats + session.booked.waiting > 0
                    ? t('events.cancelSession', { number })
                    : t('events.removeSession', { number })}
                </Button>
              )}
            </li>
          )
        })}
      </ol>
      {!readOnly && last && (
        <div className="cluster">
          <Button variant="secondary" onPress={() => onChange([...sessions, weekLater(last)])}>
            {t('events.addWeekLater')}
          </Button>
          <Button variant="secondary" onPress={() => onChange([...sessions, newSession(last.date)])}>
            {t('events.addSession')}
          </Button>
        </div>
      )}
    </fieldset>
  )
}
