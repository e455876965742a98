import { pictograms } from '../constants'
import { contentLanguages } from '../i18n/locales'
import { z } from '../validation'
import {
  contentLanguageSchema,
  isoDateSchema,
  localizedTextOutput,
  localizedTextSchema,
  slugSchema,
  textSchema,
  timeOfDaySchema,
} from './common'

/**
 * A cross-field rule runs only once the fields it compares are valid themselves: one clear message per
 * mistake, not a second misleading one.
 */
function fieldsValid(...fields: string[]) {
  return (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) =>
    !payload.issues.some((issue) => {
      // An issue on the whole value (not an object at all) means there is nothing to compare.
      const field = issue.path?.[0]
      return field === undefined || fields.includes(String(field))
    })
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

export const centreInputSchema = z
  .object({
    slug: slugSchema,
    name: localizedTextSchema({ max: 120, required: true }),
    timezone: z.string().trim().min(1).refine(isTimeZone, 'validation.timezone'),
    languages: z
      .array(contentLanguageSchema)
      .min(1)
      .max(contentLanguages.length)
      .transform((languages) => [...new Set(languages)]),
    defaultLanguage: contentLanguageSchema,
    address: textSchema(300).default(''),
  })
  .refine((c) => c.languages.includes(c.defaultLanguage), {
    message: 'validation.defaultLanguageOffered',
    path: ['defaultLanguage'],
    when: fieldsValid('languages', 'defaultLanguage'),
  })
export type CentreInput = z.input<typeof centreInputSchema>

export const centreSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: localizedTextOutput,
    timezone: z.string(),
    languages: z.array(z.string()),
    defaultLanguage: z.string(),
    address: z.string(),
  })
  .meta({ id: 'Centre' })
export type Centre = z.infer<typeof centreSchema>

export const areaInputSchema = z.object({
  slug: slugSchema,
  name: localizedTextSchema({ max: 80, required: true }),
  description: localizedTextSchema({ max: 400, required: false }).default({}),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'validation.colour'),
  pictogram: z.enum(pictograms),
  position: z.number().int().min(0).max(999).default(0),
  ticketLetter: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]$/, 'validation.ticketLetter')),
})
export type AreaInput = z.input<typeof areaInputSchema>

export const areaSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: localizedTextOutput,
    description: localizedTextOutput,
    colour: z.string(),
    pictogram: z.enum(pictograms),
    position: z.number().int(),
    ticketLetter: z.string(),
  })
  .meta({ id: 'Area' })
export type Area = z.infer<typeof areaSchema>

export const deskInputSchema = z.object({
  name: textSchema(60).pipe(z.string().min(1)),
  areaIds: z.array(z.uuid()).max(50).default([]),
  position: z.number().int().min(0).max(999).default(0),
})
export type DeskInput = z.input<typeof deskInputSchema>

export const deskSchema = z
  .object({ id: z.uuid(), name: z.string(), areaIds: z.array(z.uuid()), position: z.number().int() })
  .meta({ id: 'Desk' })
export type Desk = z.infer<typeof deskSchema>

/** A partner institution, as staff pick one (never shown to visitors beside a counsellor). */
export const partnerSummarySchema = z
  .object({ id: z.uuid(), name: z.string() })
  .meta({ id: 'PartnerSummary' })
export type PartnerSummary = z.infer<typeof partnerSummarySchema>

const spanSchema = z
  .object({ weekday: z.number().int().min(1).max(7), opensAt: timeOfDaySchema, closesAt: timeOfDaySchema })
  .refine((s) => s.opensAt < s.closesAt, {
    message: 'validation.closesAfterOpens',
    path: ['closesAt'],
    when: fieldsValid('opensAt', 'closesAt'),
  })

/** A whole week at once: the form edits a week, and saving replaces it in one transaction. */
export const weeklyHoursInputSchema = z.object({
  areaId: z.uuid().nullable().default(null),
  spans: z
    .array(spanSchema)
    .max(70)
    .superRefine((spans, ctx) => {
      spans.forEach((span, index) => {
        const overlaps = spans.some(
          (other, j) =>
            j < index &&
            other.weekday === span.weekday &&
            other.opensAt < span.closesAt &&
            span.opensAt < other.closesAt,
        )
        if (overlaps)
          ctx.addIssue({ code: 'custom', message: 'validation.overlap', path: [index, 'opensAt'] })
      })
    }),
})
export type WeeklyHoursInput = z.input<typeof weeklyHoursInputSchema>

export const openingSpanSchema = z
  .object({ weekday: z.number().int(), opensAt: z.string(), closesAt: z.string() })
  .meta({ id: 'OpeningSpan' })
export type OpeningSpan = z.infer<typeof openingSpanSchema>

export const weeklyHoursSchema = z
  .object({ areaId: z.uuid().nullable(), spans: z.array(openingSpanSchema) })
  .meta({ id: 'WeeklyHours' })
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>

export const closureInputSchema = z
  .object({
    areaId: z.uuid().nullable().default(null),
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    reason: localizedTextSchema({ max: 200, required: false }).default({}),
  })
  .refine((c) => c.startsOn <= c.endsOn, {
    message: 'validation.endsAfterStarts',
    path: ['endsOn'],
    when: fieldsValid('startsOn', 'endsOn'),
  })
export type ClosureInput = z.input<typeof closureInputSchema>

export const closureSchema = z
  .object({
    id: z.uuid(),
    areaId: z.uuid().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    reason: localizedTextOutput,
  })
  .meta({ id: 'Closure' })
export type Closure = z.infer<typeof closureSchema>

/** Reception's word on an area for today: open it, close it, or follow its planned hours again. */
export const areaDayInputSchema = z.object({ state: z.enum(['open', 'closed', 'scheduled']) })
export type AreaDayInput = z.infer<typeof areaDayInputSchema>

export const openStatusSchema = z
  .object({
    isOpen: z.boolean(),
    openUntil: z.string().nullable(),
    today: z.array(z.object({ opensAt: z.string(), closesAt: z.string() })),
    closedToday: z.object({ reason: localizedTextOutput }).nullable(),
    /** When closed: the next moment it opens, as local date and time. */
    nextOpening: z.object({ date: z.string(), time: z.string() }).nullable(),
    /** Reception opened or closed the area for the day, over its planned hours. */
    dayOverride: z.enum(['open', 'closed']).nullable(),
  })
  .meta({ id: 'OpenStatus' })
export type OpenStatus = z.infer<typeof openStatusSchema>

export const portalHomeSchema = z
  .object({
    centre: centreSchema,
    status: openStatusSchema,
    areas: z.array(areaSchema.extend({ status: openStatusSchema })),
    upcomingClosures: z.array(closureSchema),
    localDate: z.string(),
  })
  .meta({ id: 'PortalHome' })
export type PortalHome = z.infer<typeof portalHomeSchema>
