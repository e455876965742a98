import { z } from '../validation'
import { isoDateSchema, localizedTextSchema, publishedCountSchema, slugSchema, textSchema } from './common'
import { audiences } from './resources'

export const eventTypes = [
  'workshop',
  'club',
  'information_session',
  'conference',
  'forum',
  'recruitment_day',
  'visit',
] as const
export type EventType = (typeof eventTypes)[number]

export const accessibilityFeatures = [
  'step_free',
  'induction_loop',
  'sign_language',
  'live_captions',
  'easy_read',
  'quiet_space',
] as const

/** The most seats one booking may ever hold; a session may allow fewer. */
export const MAX_GROUP = 20

const unique = <T>(values: T[]) => [...new Set(values)]
const instant = z.iso.datetime({ offset: true, error: 'validation.dateTime' })

/**
 * One session as staff plan it: free entry, or booked with a capacity, seats kept for people who come
 * on the day (until a release time) and a share for a priority audience. `id` names a session that
 * already exists, when an event is changed.
 */
export const sessionInputSchema = z
  .object({
    id: z.uuid().optional(),
    startsAt: instant,
    endsAt: instant,
    booking: z.boolean().default(false),
    capacity: z.number().int().min(1).max(10_000).nullable().default(null),
    walkInSeats: z.number().int().min(0).max(10_000).default(0),
    walkInReleaseAt: instant.nullable().default(null),
    prioritySeats: z.number().int().min(0).max(10_000).default(0),
    maxGroup: z.number().int().min(1).max(MAX_GROUP).default(4),
    bookingOpensAt: instant.nullable().default(null),
    bookingClosesAt: instant.nullable().default(null),
  })
  .superRefine((session, ctx) => {
    if (Date.parse(session.endsAt) <= Date.parse(session.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.endsBeforeStart' })
    if (session.booking && session.capacity === null)
      ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'validation.capacityNeeded' })
    if (session.capacity !== null && session.walkInSeats + session.prioritySeats > session.capacity)
      ctx.addIssue({ code: 'custom', path: ['walkInSeats'], message: 'validation.keptSeatsAboveCapacity' })
  })
export type SessionInput = z.input<typeof sessionInputSchema>

/** An event as its organisers write it, with its sessions (a club has one per meeting). */
export const eventInputSchema = z.object({
  type: z.enum(eventTypes),
  title: localizedTextSchema({ max: 200, required: true }),
  description: localizedTextSchema({ max: 5000, required: false }).default({}),
  audiences: z.array(z.enum(audiences)).max(audiences.length).default([]).transform(unique),
  /** The language spoken, as a language tag (`fr`, `en`, `ar`…). */
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/, 'validation.language'),
  accessibility: z
    .array(z.enum(accessibilityFeatures))
    .max(accessibilityFeatures.length)
    .default([])
    .transform(unique),
  place: textSchema(300).pipe(z.string().min(1)),
  offSite: z.boolean().default(false),
  coOrganisers: z
    .array(textSchema(120).pipe(z.string().min(1)))
    .max(10)
    .default([])
    .transform(unique),
  /** The centre's partners running it; a partner coordinator's own partner is always among them. */
  partnerIds: z.array(z.uuid()).max(10).default([]).transform(unique),
  areaIds: z.array(z.uuid()).max(20).default([]).transform(unique),
  themeIds: z.array(z.uuid()).max(20).default([]).transform(unique),
  sessions: z.array(sessionInputSchema).min(1).max(200),
})
export type EventInput = z.input<typeof eventInputSchema>

/**
 * A reminder address, given by choice: an email address or a phone number. Used only for this
 * booking and erased once its session is over.
 */
export const reminderContactSchema = textSchema(120).refine(
  (value) => z.email().safeParse(value).success || /^\+?[0-9][0-9 ().-]{5,19}$/.test(value),
  'validation.contact',
)

/** Seats asked for without a name. A contact needs the visitor's explicit consent alongside it. */
export const bookingInputSchema = z
  .object({
    seats: z.number().int().min(1).max(MAX_GROUP),
    /** Self-declared, never checked: a seat from the share kept for the session's priority audience. */
    priority: z.boolean().default(false),
    contact: reminderContactSchema.optional(),
    contactConsent: z.boolean().default(false),
  })
  .refine((value) => !value.contact || value.contactConsent, {
    message: 'validation.contactConsent',
    path: ['contactConsent'],
  })
export type BookingInput = z.input<typeof bookingInputSchema>

export const bookingStatusSchema = z.enum(['confirmed', 'waiting', 'cancelled'])

/** A booking as its code's holder sees it: never anything about anyone else. */
export const bookingViewSchema = z
  .object({
    sessionId: z.uuid(),
    /** What the booking is for, so its page can say it (the title in every language it has). */
    session: z.object({
      eventId: z.uuid(),
      /** The centre's slug, for links back to its programme. */
      centre: z.string(),
      title: z.record(z.string(), z.string()),
      startsAt: z.string(),
      endsAt: z.string(),
      place: z.string(),
      offSite: z.boolean(),
      cancelled: z.boolean(),
      /** The most seats one booking may hold on it. */
      maxGroup: z.number().int(),
    }),
    seats: z.number().int(),
    status: bookingStatusSchema,
    /** On the waiting list: how many bookings are ahead. */
    waitingAhead: z.number().int().nullable(),
    hasContact: z.boolean(),
    checkedIn: z.number().int(),
  })
  .meta({ id: 'Booking' })
export type BookingView = z.infer<typeof bookingViewSchema>

/** The code that opens a booking: sixteen characters in four groups, 80 random bits. */
export const bookingCodeSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9A-Za-z -]+$/, 'validation.bookingCode')

/** A session as staff follow it: its plan, and how many seats are booked and how many wait. */
export const staffSessionSchema = z
  .object({
    id: z.uuid(),
    startsAt: z.string(),
    endsAt: z.string(),
    booking: z.boolean(),
    capacity: z.number().int().nullable(),
    walkInSeats: z.number().int(),
    walkInReleaseAt: z.string().nullable(),
    prioritySeats: z.number().int(),
    maxGroup: z.number().int(),
    bookingOpensAt: z.string().nullable(),
    bookingClosesAt: z.string().nullable(),
    cancelled: z.boolean(),
    bookedSeats: z.number().int(),
    waitingBookings: z.number().int(),
    /** People checked in with a booking, and people counted at the door without one. */
    checkedIn: z.number().int(),
    dropIns: z.number().int(),
  })
  .meta({ id: 'StaffSession' })

/** An event as its organisers see it in the staff pages. */
export const staffEventSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(eventTypes),
    title: z.record(z.string(), z.string()),
    description: z.record(z.string(), z.string()),
    audiences: z.array(z.string()),
    language: z.string(),
    accessibility: z.array(z.string()),
    place: z.string(),
    offSite: z.boolean(),
    coOrganisers: z.array(z.string()),
    partnerIds: z.array(z.uuid()),
    areaIds: z.array(z.uuid()),
    themeIds: z.array(z.uuid()),
    cancelled: z.boolean(),
    /** Whether the reader may change it. */
    canEdit: z.boolean(),
    sessions: z.array(staffSessionSchema),
  })
  .meta({ id: 'StaffEvent' })
export type StaffEvent = z.infer<typeof staffEventSchema>

// ——— The programme, for visitors ———

export const programmeFiltersSchema = z.object({
  /** First and last day shown (the centre's days); from today, for eight weeks, by default. */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  area: slugSchema.optional(),
  type: z.enum(eventTypes).optional(),
  audience: z.enum(audiences).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'validation.language')
    .optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'validation.language')
    .optional(),
})
export type ProgrammeFilters = z.output<typeof programmeFiltersSchema>

/** One session of the programme: what, when, where, for whom, and whether seats are left. */
export const programmeSessionSchema = z
  .object({
    sessionId: z.uuid(),
    eventId: z.uuid(),
    type: z.enum(eventTypes),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string(),
    offSite: z.boolean(),
    language: z.string(),
    audiences: z.array(z.string()),
    accessibility: z.array(z.string()),
    areas: z.array(
      z.object({ slug: z.string(), name: z.record(z.string(), z.string()), colour: z.string() }),
    ),
    /** The partners running it, in alphabetical order (none put forward), and co-organisers by name. */
    organisers: z.array(z.string()),
    booking: z.boolean(),
    /** The most seats one booking may hold. */
    maxGroup: z.number().int(),
    /** Whether some seats are kept for the priority audience (who say so themselves). */
    priorityShare: z.boolean(),
    /** Seats anyone may still book, and someone of the priority audience (null: free entry). */
    seatsLeft: z.number().int().nullable(),
    prioritySeatsLeft: z.number().int().nullable(),
    waitingList: z.boolean(),
    bookingOpen: z.boolean(),
    /** When booking opens, while it has not yet. */
    bookingOpensAt: z.string().nullable(),
    cancelled: z.boolean(),
  })
  .meta({ id: 'ProgrammeSession' })
export type ProgrammeSession = z.infer<typeof programmeSessionSchema>

export const programmeSchema = z
  .object({ from: z.string(), to: z.string(), items: z.array(programmeSessionSchema) })
  .meta({ id: 'Programme' })
export type Programme = z.infer<typeof programmeSchema>

/** An event in the organisers' list: enough to find it, and whether this reader may change it. */
export const staffEventSummarySchema = z
  .object({
    id: z.uuid(),
    type: z.enum(eventTypes),
    title: z.record(z.string(), z.string()),
    cancelled: z.boolean(),
    partnerIds: z.array(z.uuid()),
    sessions: z.number().int(),
    nextStartsAt: z.string().nullable(),
    bookedSeats: z.number().int(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'StaffEventSummary' })
export type StaffEventSummary = z.infer<typeof staffEventSummarySchema>

/** An event's page: what it is, in the visitor's language, and its sessions from today on. */
export const programmeEventSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(eventTypes),
    title: z.string(),
    description: z.string(),
    /** The language the texts are in (the visitor's when the event has it). */
    textLanguage: z.string(),
    cancelled: z.boolean(),
    sessions: z.array(programmeSessionSchema),
  })
  .meta({ id: 'ProgrammeEvent' })
export type ProgrammeEvent = z.infer<typeof programmeEventSchema>

// ——— Attendance, for statistics ———

export const attendanceFiltersSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    by: z.enum(['type', 'area', 'partner']).default('type'),
  })
  .refine((value) => value.from <= value.to, { message: 'validation.endsBeforeStart', path: ['to'] })
export type AttendanceFilters = z.output<typeof attendanceFiltersSchema>

/**
 * Counts between two days by event type, area slug or partner name: never about a person. Counts of
 * people from 1 to k−1 are `small`, and `hidden` where a total would give one back.
 */
export const attendanceSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    by: z.enum(['type', 'area', 'partner']),
    k: z.number().int(),
    items: z.array(
      z.object({
        key: z.string(),
        sessions: z.number().int(),
        bookedSeats: publishedCountSchema,
        checkedIn: publishedCountSchema,
        dropIns: publishedCountSchema,
      }),
    ),
  })
  .meta({ id: 'Attendance' })
export type Attendance = z.infer<typeof attendanceSchema>
