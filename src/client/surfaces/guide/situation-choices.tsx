import { Link } from 'react-router'
import { type GuideSituation, guideSituations, situationPictograms } from '../../../shared/schemas/guide'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { Pictogram } from '../../ui/pictogram'
import './guide.css'

/**
 * The six situations a visitor can recognise themselves in, each a big target with its pictogram, its
 * plain words and a line of examples. Links on the portal (the back button returns here), buttons on
 * the kiosk.
 */
export function SituationChoices({
  pathOf,
  onChoose,
  className = 'guide-choices',
}: {
  pathOf?: (situation: GuideSituation) => string
  onChoose?: (situation: GuideSituation) => void
  className?: string
}) {
  const t = useT()
  return (
    <ul className={`plain-list ${className}`}>
      {guideSituations.map((situation) => {
        const content = (
          <>
            <span className="guide-choice__icon">
              <Pictogram name={situationPictograms[situation]} />
            </span>
            <span className="guide-choice__text">
              <span className="guide-choice__label">{t(`guide.situation.${situation}`)}</span>
              <span className="guide-choice__hint">{t(`guide.situation.${situation}.hint`)}</span>
            </span>
          </>
        )
        return (
          <li key={situation}>
            {pathOf ? (
              <Link className="guide-choice" to={pathOf(situation)}>
                {content}
              </Link>
            ) : (
              <Button className="guide-choice" onPress={() => onChoose?.(situation)}>
                {content}
              </Button>
            )}
          </li>
        )
      })}
    </ul>
  )
}
