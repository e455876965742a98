import { accessCodeDigest, canonicalCode, newAccessCode } from '../codes/access-code'

/** A new booking code: 16 characters (80 random bits) shown in four groups, `7KQM-2XR9-HT4D-PA3C`. */
export const newBookingCode = newAccessCode
export { canonicalCode }

/** What the database keeps of a booking code: its digest, never the code itself. */
export const bookingCodeHash = (canonical: string) => accessCodeDigest('booking', canonical)
