import { useEffect, useRef } from 'react'
import { Link } from 'react-router'
import {
  type InterestAnswer,
  type InterestItemId,
  MAX_INTEREST_SCORE,
  type RiasecLetter,
  riasecLetters,
  scoreInterests,
} from '../../../shared/interests'
import { useOccupationsByInterests } from '../../features/interests/api'
import { SaveToNotebook } from '../../features/notebooks/save-to-notebook'
import { occupationPath } from '../../features/occupations/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'

type Props = {
  slug: string
  answers: Partial<Record<InterestItemId, InterestAnswer>>
  onRestart: () => void
}

/** The six scores, the strongest interests in words, and occupations that go with them. */
export function InterestResult({ slug, answers, onRestart }: Props) {
  const t = useT()
  const heading = useRef<HTMLHeadingElement>(null)
  const { scores, code } = scoreInterests(answers)
  const strongest = [...code] as RiasecLetter[]

  useEffect(() => heading.current?.focus(), [])

  return (
    <div className="interest-result stack">
      <section aria-labelledby="result-title" className="stack">
        <h2 id="result-title" ref={heading} tabIndex={-1}>
          {t('interests.resultTitle')}
        </h2>
        <p>{t('interests.resultIntro')}</p>
        <table className="table interest-scores">
          <caption>{t('interests.scoresCaption', { max: MAX_INTEREST_SCORE })}</caption>
          <tbody>
            {riasecLetters.map((letter) => (
              <tr key={letter} data-strong={strongest.includes(letter) || undefined}>
                <th scope="row">{t(`interests.name.${letter}`)}</th>
                <td>
                  <span className="interest-scores__value">
                    {t('interests.score', { score: scores[letter], max: MAX_INTEREST_SCORE })}
                  </span>
                  <span
                    className="interest-scores__bar"
                    style={{ inlineSize: `${(scores[letter] / MAX_INTEREST_SCORE) * 100}%` }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="strongest-title">
        <h2 id="strongest-title">{t('interests.strongest')}</h2>
        {strongest.length === 0 ? (
          <p>{t('interests.none')}</p>
        ) : (
          <ol className="plain-list stack interest-strongest">
            {strongest.map((letter) => (
              <li key={letter} className="card">
                <h3>{t(`interests.name.${letter}`)}</h3>
                <p>{t(`interests.about.${letter}`)}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      {code && <Suggestions slug={slug} code={code} />}

      <div className="interest-result__again stack">
        <p className="muted">{t('interests.nothingKept')}</p>
        <div>
          <Button variant="secondary" onPress={onRestart}>
            {t('interests.restart')}
          </Button>
        </div>
      </div>
    </div>
  )
}

function Suggestions({ slug, code }: { slug: string; code: string }) {
  const t = useT()
  const { locale } = useLocale()
  const suggestions = useOccupationsByInterests(code, locale)
  const items = suggestions.data?.items ?? []

  return (
    <section aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('interests.suggestionsTitle')}</h2>
      {suggestions.isPending ? (
        <Loading />
      ) : suggestions.isError ? (
        <ErrorMessage error={suggestions.error} />
      ) : items.length === 0 ? (
        <EmptyState title={t('interests.noSuggestionsTitle')}>
          <p>{t('interests.noSuggestions')}</p>
        </EmptyState>
      ) : (
        <>
          <p>{t('interests.suggestionsIntro')}</p>
          <ol className="plain-list stack interest-suggestions">
            {items.map((item) => (
              <li key={`${item.taxonomy}:${item.code}`} className="card interest-suggestion">
                <h3 className="interest-suggestion__title">
                  <Link to={occupationPath(slug, item.taxonomy, item.code)} lang={item.titleLanguage}>
                    {item.title}
                  </Link>
                </h3>
                <p className="muted interest-suggestion__source">
                  {t(`occupations.source.${item.taxonomy}`)}
                </p>
                <SaveToNotebook
                  centre={slug}
                  item={{ kind: 'occupation', ref: `${item.taxonomy}:${item.code}` }}
                  label={item.title}
                />
              </li>
            ))}
          </ol>
        </>
      )}
      <p>
        <Link to={`/c/${slug}/occupations`}>{t('interests.searchLink')}</Link>
      </p>
    </section>
  )
}
