import type { MessageKey } from '../../../shared/i18n/messages'
import type { AuditAction, AuditEntity } from '../../../shared/schemas/audit'
import { useT } from '../../i18n/i18n-provider'

// Exhaustive maps: a new action or entity in the shared list fails the type check until it has words.
const actions: Record<AuditAction, MessageKey> = {
  create: 'audit.action.create',
  update: 'audit.action.update',
  delete: 'audit.action.delete',
  replace: 'audit.action.replace',
  grant: 'audit.action.grant',
  revoke: 'audit.action.revoke',
  reset_link: 'audit.action.reset_link',
  cancel: 'audit.action.cancel',
  check_in: 'audit.action.check_in',
}

const entities: Record<AuditEntity, MessageKey> = {
  centre: 'audit.entity.centre',
  area: 'audit.entity.area',
  area_day_state: 'audit.entity.area_day_state',
  desk: 'audit.entity.desk',
  opening_hours: 'audit.entity.opening_hours',
  closure: 'audit.entity.closure',
  staff_role: 'audit.entity.staff_role',
  user: 'audit.entity.user',
  partner: 'audit.entity.partner',
  partner_settings: 'audit.entity.partner_settings',
  rota_shift: 'audit.entity.rota_shift',
  directory_service: 'audit.entity.directory_service',
  knowledge_note: 'audit.entity.knowledge_note',
  resource: 'audit.entity.resource',
  resource_import: 'audit.entity.resource_import',
  resource_theme: 'audit.entity.resource_theme',
  resource_theme_order: 'audit.entity.resource_theme_order',
  training: 'audit.entity.training',
  training_occupation: 'audit.entity.training_occupation',
  event: 'audit.entity.event',
  event_session: 'audit.entity.event_session',
  interview_theme: 'audit.entity.interview_theme',
  question_answer: 'audit.entity.question_answer',
  question_message: 'audit.entity.question_message',
  statistics_settings: 'audit.entity.statistics_settings',
  guide_situation: 'audit.entity.guide_situation',
  guide_phrase: 'audit.entity.guide_phrase',
}

/** Words for what a staff write did and to what, in the interface language. */
export function useAuditLabels() {
  const t = useT()
  return {
    action: (action: AuditAction) => t(actions[action]),
    entity: (entity: AuditEntity) => t(entities[entity]),
  }
}
