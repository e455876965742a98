import type { Taxonomy } from '../../../shared/schemas/occupations'
import { useT } from '../../i18n/i18n-provider'

/** The reference a result comes from, named the way its publisher does. */
export function SourceName({ taxonomy }: { taxonomy: Taxonomy }) {
  const t = useT()
  return <>{t(`occupations.source.${taxonomy}`)}</>
}
