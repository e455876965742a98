import { z } from '../validation'
import { isoDateSchema } from './common'

/** What a staff write did; each has a label in both catalogues. */
export const auditActions = [
  'create',
  'update',
  'delete',
  'replace',
  'grant',
  'revoke',
  'reset_link',
  'cancel',
  'check_in',
] as const
export type AuditAction = (typeof auditActions)[number]

/**
 * What a staff write changed. A new kind of write names its entity here first (the type of
 * `recordAudit` requires it), and so gets a label in the change log in every language.
 */
export const auditEntities = [
  'centre',
  'area',
  'area_day_state',
  'desk',
  'opening_hours',
  'closure',
  'staff_role',
  'user',
  'partner',
  'partner_settings',
  'rota_shift',
  'directory_service',
  'knowledge_note',
  'resource',
  'resource_import',
  'resource_theme',
  'resource_theme_order',
  'training',
  'training_occupation',
  'event',
  'event_session',
  'interview_theme',
  'question_answer',
  'question_message',
  'statistics_settings',
  'guide_situation',
  'guide_phrase',
] as const
export type AuditEntity = (typeof auditEntities)[number]

/** The most entries one page of the change log holds. */
export const AUDIT_PAGE_MAX = 100

/** The change log's filters: days of the centre (both included), one kind of thing, and where a page starts. */
export const auditQuerySchema = z
  .object({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    entity: z.enum(auditEntities).optional(),
    cursor: z
      .string()
      .regex(/^\d{1,18}$/, 'validation.invalid')
      .optional(),
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.to < query.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.periodEndsBeforeStart' })
  })
export type AuditQuery = z.output<typeof auditQuerySchema>

/**
 * One staff write, as managers read it: when, who, what was done to what. Never the data written — the
 * log shows that something changed, the thing itself shows what it now is.
 */
export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    /** The staff member's name; null for the command line, the system, or a login since removed. */
    actor: z.string().nullable(),
    action: z.enum(auditActions),
    entity: z.enum(auditEntities),
    entityId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' })
export type AuditEntryView = z.infer<typeof auditEntrySchema>

export const auditPageSchema = z
  .object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' })
export type AuditPage = z.infer<typeof auditPageSchema>
