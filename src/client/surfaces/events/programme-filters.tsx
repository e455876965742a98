import { useSearchParams } from 'react-router'
import { contentLanguages } from '../../../shared/i18n/locales'
import type { PortalHome } from '../../../shared/schemas/centres'
import { eventTypes } from '../../../shared/schemas/events'
import { audiences } from '../../../shared/schemas/resources'
import { type ProgrammeQuery, programmeFilterKeys } from '../../features/events/api'
import { useEventLabels } from '../../features/events/labels'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'

const ANY = 'any'

/** The programme's filters as the address holds them. */
export function useProgrammeQuery(): [ProgrammeQuery, (changes: Record<string, string | undefined>) => void] {
  const [params, setParams] = useSearchParams()
  const query: ProgrammeQuery = Object.fromEntries(
    programmeFilterKeys.flatMap((key) => (params.get(key) ? [[key, params.get(key) ?? '']] : [])),
  )
  const change = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next, { replace: true })
  }
  return [query, change]
}

/**
 * Area, type, audience and language: four lists, each with "any" first. A filter is part of the address,
 * so a filtered programme can be shared, bookmarked or subscribed to.
 */
export function ProgrammeFilters({
  home,
  text,
}: {
  home: PortalHome
  text: (value: Record<string, string>) => string
}) {
  const t = useT()
  const labels = useEventLabels()
  const [query, change] = useProgrammeQuery()
  const pick = (key: keyof ProgrammeQuery) => (value: string) =>
    change({ [key]: value === ANY ? undefined : value })
  const active = (['area', 'type', 'audience', 'language'] as const).some((key) => query[key])
  return (
    <search className="programme-filters" aria-label={t('events.filters')}>
      <SelectField
        label={t('events.filter.area')}
        value={query.area ?? ANY}
        onChange={pick('area')}
        options={[
          { id: ANY, label: t('events.filter.anyArea') },
          ...home.areas.map((area) => ({ id: area.slug, label: text(area.name) })),
        ]}
      />
      <SelectField
        label={t('events.filter.type')}
        value={query.type ?? ANY}
        onChange={pick('type')}
        options={[
          { id: ANY, label: t('events.filter.anyType') },
          ...eventTypes.map((type) => ({ id: type, label: labels.types(type) })),
        ]}
      />
      <SelectField
        label={t('events.filter.audience')}
        value={query.audience ?? ANY}
        onChange={pick('audience')}
        options={[
          { id: ANY, label: t('events.filter.anyAudience') },
          ...audiences.map((audience) => ({ id: audience, label: labels.audience(audience) })),
        ]}
      />
      <SelectField
        label={t('events.filter.language')}
        value={query.language ?? ANY}
        onChange={pick('language')}
        options={[
          { id: ANY, label: t('events.filter.anyLanguage') },
          ...[...new Set([...home.centre.languages, ...contentLanguages])].map((code) => ({
            id: code,
            label: labels.language(code),
          })),
        ]}
      />
      {active && (
        <Button
          variant="quiet"
          onPress={() =>
            change({ area: undefined, type: undefined, audience: undefined, language: undefined })
          }
        >
          {t('events.filter.clear')}
        </Button>
      )}
    </search>
  )
}
