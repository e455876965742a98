import { z } from '../validation'
import { contentLanguageSchema, slugSchema, textSchema } from './common'

export const ticketStatuses = [
  'waiting',
  'called',
  'in_service',
  'done',
  'no_show',
  'cancelled',
  'closed',
] as const
export const ticketChannels = ['kiosk', 'reception', 'portal'] as const

/** What staff can do to a ticket (`POST /tickets/{id}/{action}`). */
export const ticketActions = [
  'recall',
  'start',
  'no-show',
  'requeue',
  'transfer',
  'finish',
  'cancel',
  'call',
] as const
export type TicketAction = (typeof ticketActions)[number]

export const issueTicketInputSchema = z.object({
  /** The area's slug, as the kiosk and the portal know it. */
  area: slugSchema,
  language: contentLanguageSchema,
  /** Self-declared (reduced mobility, pregnancy, a young child…): never asked to be justified. */
  priority: z.boolean().default(false),
  channel: z.enum(ticketChannels),
})
export type IssueTicketInput = z.input<typeof issueTicketInputSchema>

export const waitEstimateSchema = z
  .object({ minMinutes: z.number().int(), maxMinutes: z.number().int() })
  .meta({ id: 'WaitEstimate' })
export type WaitEstimate = z.infer<typeof waitEstimateSchema>

export const issuedTicketSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    area: z.string(),
    status: z.enum(ticketStatuses),
    position: z.number().int(),
    estimatedWait: waitEstimateSchema,
    /** Opens "follow my ticket"; shown once, as a QR code and a link. */
    trackToken: z.string(),
  })
  .meta({ id: 'IssuedTicket' })
export type IssuedTicket = z.infer<typeof issuedTicketSchema>

/** What a visitor's phone sees: no other visitor's data, no counsellor, no institution. */
export const trackedTicketSchema = z
  .object({
    /** The centre's slug: its public live stream tells the phone when to look again. */
    centre: z.string(),
    code: z.string(),
    area: z.string(),
    status: z.enum(ticketStatuses),
    position: z.number().int().nullable(),
    estimatedWait: waitEstimateSchema.nullable(),
    desk: z.string().nullable(),
  })
  .meta({ id: 'TrackedTicket' })
export type TrackedTicket = z.infer<typeof trackedTicketSchema>

export const queueAreaSchema = z
  .object({
    area: z.string(),
    isOpen: z.boolean(),
    /** Reception opened or closed the area for the day, over its planned hours. */
    dayOverride: z.enum(['open', 'closed']).nullable(),
    waiting: z.number().int(),
    desksOpen: z.number().int(),
    estimatedWait: waitEstimateSchema,
  })
  .meta({ id: 'QueueArea' })
export type QueueArea = z.infer<typeof queueAreaSchema>

export const openDeskSessionInputSchema = z.object({
  /** Area slugs this desk serves for the session. */
  areas: z.array(slugSchema).min(1).max(20),
  languages: z.array(contentLanguageSchema).min(1).max(8),
})
export type OpenDeskSessionInput = z.input<typeof openDeskSessionInputSchema>

export const deskSessionSchema = z
  .object({ id: z.uuid(), desk: z.string(), areas: z.array(z.string()), languages: z.array(z.string()) })
  .meta({ id: 'DeskSession' })

export const ticketStepSchema = z.object({
  kind: z.string(),
  at: z.string(),
  area: z.string().nullable(),
  desk: z.string().nullable(),
  note: z.string().nullable(),
})

/** A ticket as staff see it: still nothing about the person. */
export const staffTicketSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    area: z.string(),
    language: z.string(),
    priority: z.boolean(),
    channel: z.enum(ticketChannels),
    status: z.enum(ticketStatuses),
    queuedAt: z.string(),
    calledAt: z.string().nullable(),
    desk: z.string().nullable(),
    recallCount: z.number().int(),
    handoverNote: z.string().nullable(),
    steps: z.array(ticketStepSchema),
  })
  .meta({ id: 'StaffTicket' })
export type StaffTicket = z.infer<typeof staffTicketSchema>

export const transferInputSchema = z
  .object({
    /** Another area's slug, or a desk (by id) for a specific counsellor. */
    area: slugSchema.optional(),
    desk: z.uuid().optional(),
    /** About the question, never about the person. */
    note: textSchema(500).optional(),
    /** By default the visitor keeps their original arrival time in the new queue. */
    keepArrival: z.boolean().default(true),
  })
  .refine((t) => Boolean(t.area) !== Boolean(t.desk), {
    message: 'validation.transferTarget',
    path: ['area'],
  })
export type TransferInput = z.input<typeof transferInputSchema>

/** A call on the public live stream: what a waiting-room screen shows and says, nothing more. */
export const liveCallSchema = z
  .object({
    code: z.string(),
    desk: z.string(),
    area: z.string(),
    /** Called again by the same desk. */
    recall: z.boolean(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'LiveCall' })
export type LiveCall = z.infer<typeof liveCallSchema>

/** A change on the staff live stream: enough for consoles to refresh what they show. */
export const liveTicketChangeSchema = z
  .object({ id: z.uuid(), code: z.string(), area: z.string(), status: z.enum(ticketStatuses) })
  .meta({ id: 'LiveTicketChange' })
export type LiveTicketChange = z.infer<typeof liveTicketChangeSchema>

/** A ticket in play today, as reception and desk consoles list it. */
export const activeTicketSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    area: z.string(),
    language: z.string(),
    priority: z.boolean(),
    channel: z.enum(ticketChannels),
    status: z.enum(ticketStatuses),
    queuedAt: z.iso.datetime(),
    calledAt: z.iso.datetime().nullable(),
    /** The desk that called it. */
    desk: z.uuid().nullable(),
    /** Sent to one desk in particular by a transfer. */
    targetDesk: z.uuid().nullable(),
    hasNote: z.boolean(),
  })
  .meta({ id: 'ActiveTicket' })
export type ActiveTicket = z.infer<typeof activeTicketSchema>

/** An open desk session: which desk serves which areas, in which languages. */
export const openSessionSchema = z
  .object({
    desk: z.uuid(),
    areas: z.array(z.string()),
    languages: z.array(z.string()),
    openedAt: z.iso.datetime(),
  })
  .meta({ id: 'OpenSession' })

export const walkInBoardSchema = z
  .object({ tickets: z.array(activeTicketSchema), sessions: z.array(openSessionSchema) })
  .meta({ id: 'WalkInBoard' })
export type WalkInBoard = z.infer<typeof walkInBoardSchema>
