import { z } from '../validation'
import { textSchema } from './common'

/** The most seats one booking may ever hold; a session may allow fewer. */
export const MAX_GROUP = 20

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
