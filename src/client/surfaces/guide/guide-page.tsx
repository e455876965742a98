import { useEffect, useRef, useState } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { type GuideSituation, type GuideUnderstanding, guideSituations } from '../../../shared/schemas/guide'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useSituationAreas } from '../../features/guide/api'
import { useT } from '../../i18n/i18n-provider'
import { ButtonLink } from '../../ui/button'
import { Page } from '../../ui/page'
import { ErrorMessage, Loading } from '../../ui/states'
import { GuideLeads } from './guide-leads'
import { SituationChoices } from './situation-choices'
import { WordsBox } from './words-box'
import './guide.css'

const isSituation = (value: string | null): value is GuideSituation =>
  (guideSituations as readonly (string | null)[]).includes(value)

/**
 * "Where do I start?" on the portal, in two steps: pick a situation (or say it in your own words), then
 * see where to go, what to read and what is coming up. The situation is in the address so that the back
 * button returns to the choices; a sentence never is — it stays in the page only.
 */
export function GuidePage() {
  const { centre: slug = '' } = useParams()
  const t = useT()
  const [params] = useSearchParams()
  const situation = isSituation(params.get('situation')) ? (params.get('situation') as GuideSituation) : null
  const [understanding, setUnderstanding] = useState<GuideUnderstanding | null>(null)
  const home = usePortalHome(slug)
  const proposed = useSituationAreas(slug, situation)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const leadsHeading = useRef<HTMLParagraphElement>(null)
  const showing = situation !== null || understanding !== null

  // A new sentence understood, or a situation chosen: the answer's heading takes the focus.
  useEffect(() => {
    if (showing) leadsHeading.current?.focus()
  }, [showing])
  // Choosing a situation replaces the answer to a sentence.
  useEffect(() => {
    if (situation) setUnderstanding(null)
  }, [situation])

  const brand = home.data ? text(home.data.centre.name) : undefined
  if (home.isPending)
    return (
      <Page title={t('guide.title')} brand={brand} brandTo={`/c/${slug}`}>
        <Loading />
      </Page>
    )
  if (home.isError)
    return (
      <Page title={t('guide.title')} brand={brand} brandTo={`/c/${slug}`}>
        <ErrorMessage error={home.error} />
      </Page>
    )

  return (
    <Page title={t('guide.title')} brand={brand} brandTo={`/c/${slug}`}>
      <p className="guide-step">{t('guide.step', { step: showing ? 2 : 1, total: 2 })}</p>
      {!showing ? (
        <>
          <p className="lead">{t('guide.intro')}</p>
          <section aria-labelledby="guide-choose-title">
            <h2 id="guide-choose-title">{t('guide.chooseTitle')}</h2>
            <SituationChoices pathOf={(choice) => `/c/${slug}/start?situation=${choice}`} />
          </section>
          <WordsBox slug={slug} onUnderstood={setUnderstanding} />
        </>
      ) : (
        <>
          <p ref={leadsHeading} tabIndex={-1} className="guide-answer-title">
            {situation
              ? t('guide.forSituation', { situation: t(`guide.situation.${situation}`) })
              : t('guide.fromWords')}
          </p>
          {situation && proposed.isPending ? (
            <Loading />
          ) : situation && proposed.isError ? (
            <ErrorMessage error={proposed.error} />
          ) : (
            <GuideLeads
              slug={slug}
              home={home.data}
              areas={
                situation ? (proposed.data?.areas ?? []) : (understanding?.areas.map((a) => a.area) ?? [])
              }
              {...(situation ? { situation } : {})}
              {...(understanding ? { understanding } : {})}
            />
          )}
          <p className="guide-again">
            <ButtonLink variant="secondary" to={`/c/${slug}/start`} onClick={() => setUnderstanding(null)}>
              {t('guide.again')}
            </ButtonLink>
          </p>
        </>
      )}
    </Page>
  )
}
