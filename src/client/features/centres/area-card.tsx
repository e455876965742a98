import type { ReactNode } from 'react'
import type { Pictogram as PictogramName } from '../../../shared/constants'
import type { OpenStatus } from '../../../shared/schemas/centres'
import { Pictogram } from '../../ui/pictogram'
import { OpenStatusBadge } from './open-status'
import { useLocalized } from './use-localized'

type Area = {
  colour: string
  pictogram: PictogramName
  description: Record<string, string>
  status: OpenStatus
}

/**
 * A counselling area as visitors meet it, in its colour with its pictogram: a heading, its description,
 * whether it is open now (and `meta` beside that), then `children`.
 */
export function AreaCard(props: {
  area: Area
  heading: string
  localDate: string
  meta?: ReactNode
  children?: ReactNode
}) {
  const { area } = props
  const text = useLocalized()
  return (
    <li className="card concern" style={{ ['--area-colour' as string]: area.colour }}>
      <span className="concern__icon">
        <Pictogram name={area.pictogram} />
      </span>
      <div>
        <h3>{props.heading}</h3>
        {text(area.description) && <p>{text(area.description)}</p>}
        <div className="concern__meta">
          <OpenStatusBadge status={area.status} localDate={props.localDate} />
          {props.meta}
        </div>
        {props.children}
      </div>
    </li>
  )
}
