import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import {
  type GuideSituation,
  guideSituationAreasInputSchema,
  situationPictograms,
} from '../../../shared/schemas/guide'
import { useSaveSituationAreas } from '../../features/guide-settings/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { CheckboxGroup } from '../../ui/checkbox-group'
import { Pictogram } from '../../ui/pictogram'

type Option = { id: string; label: string }
type Notice = { tone: 'error' | 'success'; text: string }

/** The areas one situation leads to: ticked, then put in the order visitors will see them. */
export function GuideSituationForm({
  slug,
  situation,
  saved,
  areas,
}: {
  slug: string
  situation: GuideSituation
  saved: readonly string[]
  areas: readonly Option[]
}) {
  const t = useT()
  const save = useSaveSituationAreas(slug)
  // An area removed from the centre since drops out of the list rather than showing as an unknown id.
  const [chosen, setChosen] = useState(() => saved.filter((id) => areas.some((area) => area.id === id)))
  const [notice, setNotice] = useState<Notice | null>(null)
  const [error, setError] = useState<string>()
  const label = t(`guideSettings.situation.${situation}`)
  const titleId = `guide-situation-${situation}`
  const nameOf = (id: string) => areas.find((area) => area.id === id)?.label ?? id

  const change = (next: string[]) => {
    setNotice(null)
    setChosen(next)
  }
  // Keeps the order already set; a newly ticked area goes last.
  const tick = (ticked: string[]) =>
    change([...chosen.filter((id) => ticked.includes(id)), ...ticked.filter((id) => !chosen.includes(id))])
  const move = (index: number, by: -1 | 1) => {
    const next = [...chosen]
    const [moved] = next.splice(index, 1)
    if (!moved) return
    next.splice(index + by, 0, moved)
    change(next)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(guideSituationAreasInputSchema, { areaIds: chosen }, t)
    setError(checked.errors ? fieldError(checked.errors, 'areaIds') : undefined)
    if (!checked.data) return setNotice({ tone: 'error', text: t('error.validation') })
    save.mutate(
      { situation, areaIds: checked.data.areaIds },
      {
        onSuccess: () =>
          setNotice({ tone: 'success', text: t('guideSettings.situationSaved', { situation: label }) }),
        onError: (failure) => {
          const { fields, message } = errorsFromApi(failure, t)
          setError(fieldError(fields, 'areaIds'))
          setNotice({ tone: 'error', text: message })
        },
      },
    )
  }

  return (
    <section className="card guide-situation" aria-labelledby={titleId}>
      <h3 id={titleId} className="guide-situation__title">
        <span className="concern__icon concern__icon--small">
          <Pictogram name={situationPictograms[situation]} />
        </span>
        {label}
      </h3>
      <Form onSubmit={submit}>
        <CheckboxGroup
          label={t('guideSettings.areas')}
          options={areas}
          value={chosen}
          onChange={tick}
          error={error}
        />
        {chosen.length === 0 ? (
          <p className="muted">{t('guideSettings.noAreaChosen')}</p>
        ) : (
          <>
            <p id={`${titleId}-order`} className="guide-situation__order-title">
              {t('guideSettings.order')}
            </p>
            <ol className="guide-order" aria-labelledby={`${titleId}-order`}>
              {chosen.map((id, index) => {
                const name = nameOf(id)
                return (
                  <li key={id}>
                    <span className="guide-order__item">
                      <span>{name}</span>
                      <span className="guide-order__moves">
                        <Button
                          variant="quiet"
                          aria-label={t('guideSettings.moveUp', { name })}
                          isDisabled={index === 0}
                          onPress={() => move(index, -1)}
                        >
                          ↑
                        </Button>
                        <Button
                          variant="quiet"
                          aria-label={t('guideSettings.moveDown', { name })}
                          isDisabled={index === chosen.length - 1}
                          onPress={() => move(index, 1)}
                        >
                          ↓
                        </Button>
                      </span>
                    </span>
                  </li>
                )
              })}
            </ol>
          </>
        )}
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        <Button
          type="submit"
          aria-label={t('guideSettings.saveNamed', { situation: label })}
          isDisabled={save.isPending}
        >
          {t('manager.save')}
        </Button>
      </Form>
    </section>
  )
}
