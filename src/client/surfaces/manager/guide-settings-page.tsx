import { useParams } from 'react-router'
import { guideSituations } from '../../../shared/schemas/guide'
import { useAreas, useCentre } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useGuideSettings } from '../../features/guide-settings/api'
import { useT } from '../../i18n/i18n-provider'
import { ErrorMessage, Loading } from '../../ui/states'
import { GuidePhrases } from './guide-phrases'
import { GuideSituationForm } from './guide-situation-form'
import { ManagerPage } from './manager-layout'
import './guide-settings.css'

/**
 * "Where do I start?": which areas each situation leads to, and which visitors' words lead to which
 * area. Visitors' own sentences never reach this page; only the centre's phrases do.
 */
export function GuideSettingsPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const settings = useGuideSettings(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const failed = [centre, areas, settings].find((query) => query.isError)
  const areaOptions = (areas.data ?? []).map((area) => ({ id: area.id, label: text(area.name) }))

  return (
    <ManagerPage title={t('guideSettings.title')}>
      <p className="muted">{t('guideSettings.intro')}</p>
      {failed ? (
        <ErrorMessage error={failed.error} />
      ) : !centre.data || !areas.data || !settings.data ? (
        <Loading />
      ) : (
        <>
          <section className="guide-settings__section" aria-labelledby="guide-situations-title">
            <h2 id="guide-situations-title">{t('guideSettings.situationsTitle')}</h2>
            {areaOptions.length === 0 ? (
              <p className="muted">{t('guideSettings.noAreasYet')}</p>
            ) : (
              <>
                <p className="muted">{t('guideSettings.situationsIntro')}</p>
                <div className="guide-situations">
                  {guideSituations.map((situation) => (
                    <GuideSituationForm
                      key={situation}
                      slug={slug}
                      situation={situation}
                      saved={settings.data.situations.find((s) => s.situation === situation)?.areaIds ?? []}
                      areas={areaOptions}
                    />
                  ))}
                </div>
              </>
            )}
          </section>
          <GuidePhrases
            slug={slug}
            phrases={settings.data.phrases}
            areas={areaOptions}
            languages={centre.data.languages}
            defaultLanguage={centre.data.defaultLanguage}
          />
        </>
      )}
    </ManagerPage>
  )
}
