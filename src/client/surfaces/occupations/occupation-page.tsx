import { Link, useParams } from 'react-router'
import type { OccupationDetail, Taxonomy } from '../../../shared/schemas/occupations'
import { taxonomies } from '../../../shared/schemas/occupations'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { SaveToNotebook } from '../../features/notebooks/save-to-notebook'
import { occupationPath, useOccupation } from '../../features/occupations/api'
import { trainingPath, trainingSearchPath } from '../../features/trainings/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { NotFoundPage } from '../../not-found-page'
import { Page } from '../../ui/page'
import { ErrorMessage, Loading } from '../../ui/states'
import { AskInAreas } from '../resources/ask-in-areas'
import { ResourceCard } from '../resources/resource-card'
import '../resources/resources.css'
import { SourceName } from './source'
import './occupations.css'

const RIASEC = ['R', 'I', 'A', 'S', 'E', 'C'] as const

/**
 * What there is to know about an occupation, from the reference it comes from: its names, what the work
 * is, how people get into it, skills and knowledge, the work's conditions, where it can lead — and the
 * credit its publisher asks for.
 */
export function OccupationPage() {
  const { centre: slug = '', taxonomy = '', code = '' } = useParams()
  const t = useT()
  const { locale } = useLocale()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const known = (taxonomies as readonly string[]).includes(taxonomy)
  const occupation = useOccupation(taxonomy as Taxonomy, code, locale, slug)
  const brand = home.data ? text(home.data.centre.name) : undefined
  if (!known) return <NotFoundPage />
  if (occupation.isPending)
    return (
      <Page title={t('occupations.searchTitle')} brand={brand} brandTo={`/c/${slug}`}>
        <Loading />
      </Page>
    )
  if (occupation.isError)
    return (
      <Page title={t('occupations.searchTitle')} brand={brand} brandTo={`/c/${slug}`}>
        <ErrorMessage error={occupation.error} />
      </Page>
    )
  const o = occupation.data
  return (
    <Page title={o.title} brand={brand} brandTo={`/c/${slug}`} heading={false}>
      <nav aria-label={t('occupations.breadcrumb')} className="breadcrumb">
        <Link to={`/c/${slug}/occupations`}>{t('occupations.backToSearch')}</Link>
      </nav>
      <article className="occupation" lang={o.language}>
        <header className="occupation__header">
          <h1>{o.title}</h1>
          <p className="muted">
            <SourceName taxonomy={o.taxonomy} /> · {o.code.startsWith('http') ? '' : o.code}
          </p>
          {o.otherNames.length > 0 && (
            <p className="occupation__names">
              {t('occupations.otherNames')} {o.otherNames.join(' · ')}
            </p>
          )}
          <SaveToNotebook centre={slug} item={{ kind: 'occupation', ref: `${o.taxonomy}:${o.code}` }} />
        </header>
        {o.description && <Section title={t('occupations.whatItIs')} paragraphs={o.description} />}
        {o.access && <Section title={t('occupations.access')} paragraphs={o.access} />}
        {o.tasks.length > 0 && (
          <section aria-labelledby="tasks">
            <h2 id="tasks">{t('occupations.tasks')}</h2>
            <ul>
              {o.tasks.map((task) => (
                <li key={task.text}>{task.text}</li>
              ))}
            </ul>
          </section>
        )}
        <SkillList id="skills" title={t('occupations.skills')} items={o.skills} />
        <SkillList id="knowledge" title={t('occupations.knowledge')} items={o.knowledge} />
        <SkillList id="attitudes" title={t('occupations.attitudes')} items={o.attitudes} />
        <SkillList id="contexts" title={t('occupations.contexts')} items={o.contexts} />
        <SkillList id="technologies" title={t('occupations.technologies')} items={o.technologies} />
        <Profile occupation={o} />
        <Links id="mobility" title={t('occupations.mobility')} slug={slug} items={o.mobility} />
        <Links id="related" title={t('occupations.related')} slug={slug} items={o.related} />
        <Links
          id="equivalent"
          title={t('occupations.equivalent')}
          slug={slug}
          items={o.equivalent}
          withSource
        />
        <Trainings slug={slug} trainings={o.trainings} />
        {o.atCentre && (
          <Documentation
            slug={slug}
            title={o.title}
            atCentre={o.atCentre}
            defaultLanguage={home.data?.centre.defaultLanguage ?? locale}
          />
        )}
        {o.atCentre && o.atCentre.areas.length > 0 ? (
          <AskInAreas
            slug={slug}
            areas={o.atCentre.areas}
            localDate={o.atCentre.localDate}
            className="occupation__ask"
          />
        ) : (
          <aside className="card occupation__visit">
            <h2>{t('occupations.talkTitle')}</h2>
            <p>{t('occupations.talkText')}</p>
            <Link to={`/c/${slug}`}>{t('occupations.talkLink')}</Link>
          </aside>
        )}
      </article>
      <p className="attribution">{o.attribution}</p>
      {o.trainings.attribution && o.taxonomy !== 'onisep' && (
        <p className="attribution">{o.trainings.attribution}</p>
      )}
    </Page>
  )
}

function Section({ title, paragraphs }: { title: string; paragraphs: string }) {
  return (
    <section>
      <h2>{title}</h2>
      {paragraphs.split('\n').map((line) => (
        <p key={line}>{line}</p>
      ))}
    </section>
  )
}

function SkillList({ id, title, items }: { id: string; title: string; items: OccupationDetail['skills'] }) {
  const t = useT()
  if (items.length === 0) return null
  const essential = items.filter((item) => item.essential)
  const optional = items.filter((item) => !item.essential)
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="skill-list">
        {essential.map((item) => (
          <li key={item.label}>{item.label}</li>
        ))}
      </ul>
      {optional.length > 0 && (
        <>
          <h3>{t('occupations.optional')}</h3>
          <ul className="skill-list">
            {optional.map((item) => (
              <li key={item.label}>{item.label}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

/** Interests (RIASEC) in words, with their scores when the source gives them, and preparation level. */
function Profile({ occupation }: { occupation: OccupationDetail }) {
  const t = useT()
  const letters = (occupation.riasec ?? '').split('').filter((l) => RIASEC.includes(l as 'R'))
  if (letters.length === 0 && !occupation.riasecScores && !occupation.preparation) return null
  return (
    <section aria-labelledby="profile">
      <h2 id="profile">{t('occupations.profile')}</h2>
      {letters.length > 0 && (
        <p>
          {t('occupations.interests')} {letters.map((l) => t(`occupations.riasec.${l as 'R'}`)).join(', ')}
        </p>
      )}
      {occupation.riasecScores && (
        <table className="table riasec">
          <caption className="visually-hidden">{t('occupations.interestScores')}</caption>
          <tbody>
            {RIASEC.map((letter) => {
              const score = occupation.riasecScores?.[letter] ?? 0
              return (
                <tr key={letter}>
                  <th scope="row">{t(`occupations.riasec.${letter}`)}</th>
                  <td>
                    <span className="riasec__bar" style={{ inlineSize: `${(score / 7) * 100}%` }} />
                  </td>
                  <td>{score.toFixed(1)} / 7</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {occupation.preparation && <p>{t('occupations.preparation', { level: occupation.preparation })}</p>}
    </section>
  )
}

function Links(props: {
  id: string
  title: string
  slug: string
  items: OccupationDetail['related']
  withSource?: boolean
}) {
  if (props.items.length === 0) return null
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <ul>
        {props.items.map((item) => (
          <li key={`${item.taxonomy}:${item.code}`}>
            <Link to={occupationPath(props.slug, item.taxonomy, item.code)}>{item.title}</Link>
            {props.withSource && (
              <span className="muted">
                {' '}
                · <SourceName taxonomy={item.taxonomy} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The centre's resources about the occupation, on its shelves or online; a search for more. */
function Documentation(props: {
  slug: string
  title: string
  atCentre: NonNullable<OccupationDetail['atCentre']>
  defaultLanguage: string
}) {
  const { slug, atCentre } = props
  const t = useT()
  if (atCentre.resources.length === 0) return null
  return (
    <section aria-labelledby="documentation">
      <h2 id="documentation">{t('occupations.documentation')}</h2>
      <ul className="plain-list stack">
        {atCentre.resources.map((resource) => (
          <ResourceCard
            key={resource.id}
            centre={slug}
            resource={resource}
            defaultLanguage={props.defaultLanguage}
          />
        ))}
      </ul>
      {atCentre.totalResources > atCentre.resources.length && (
        <p>
          <Link to={`/c/${slug}/search?${new URLSearchParams({ q: props.title, types: 'resource' })}`}>
            {t('occupations.moreDocumentation', { count: atCentre.totalResources })}
          </Link>
        </p>
      )}
    </section>
  )
}

/** Courses that lead to the occupation (the centre's own first), and all those of its fields. */
function Trainings({ slug, trainings }: { slug: string; trainings: OccupationDetail['trainings'] }) {
  const t = useT()
  if (trainings.items.length === 0 && trainings.domains.length === 0) return null
  return (
    <section aria-labelledby="trainings">
      <h2 id="trainings">{t('occupations.trainings')}</h2>
      <ul>
        {trainings.items.map((item) => (
          <li key={item.id}>
            <Link to={trainingPath(slug, item.id)} lang={item.language}>
              {item.title}
            </Link>
            {item.kindAcronym && <span className="muted"> · {item.kindAcronym}</span>}
          </li>
        ))}
      </ul>
      {trainings.domains.length > 0 && (
        <p>
          <Link to={trainingSearchPath(slug, { domain: trainings.domains })}>
            {t('occupations.seeAllTrainings')}
          </Link>
        </p>
      )}
    </section>
  )
}
