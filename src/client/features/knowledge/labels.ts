import type { KnowledgeKind } from '../../../shared/schemas/knowledge'
import { useT } from '../../i18n/i18n-provider'

/** Words for what a note is, in the interface language. */
export function useKnowledgeLabels() {
  const t = useT()
  const kinds = {
    practice: t('knowledge.kind.practice'),
    referral: t('knowledge.kind.referral'),
    partner_news: t('knowledge.kind.partner_news'),
  } satisfies Record<KnowledgeKind, string>
  return { kind: (kind: KnowledgeKind) => kinds[kind] }
}
