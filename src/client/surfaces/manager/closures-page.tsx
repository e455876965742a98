import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { useParams } from 'react-router'
import { closureInputSchema } from '../../../shared/schemas/centres'
import { useAddClosure, useAreas, useCentre, useClosures, useDeleteClosure } from '../../features/centres/api'
import { compactText, LocalizedFields } from '../../features/centres/localized-fields'
import { useLocalized } from '../../features/centres/use-localized'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { ManagerPage } from './manager-layout'

export function ClosuresPage() {
  const t = useT()
  const intl = useIntl()
  const { centre: slug = '' } = useParams()
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const closures = useClosures(slug)
  const add = useAddClosure(slug)
  const remove = useDeleteClosure(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const [scope, setScope] = useState('centre')
  const [startsOn, setStartsOn] = useState('')
  const [endsOn, setEndsOn] = useState('')
  const [reason, setReason] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = {
      areaId: scope === 'centre' ? null : scope,
      startsOn,
      endsOn: endsOn || startsOn,
      reason: compactText(reason),
    }
    const checked = validate(closureInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setNotice({ tone: 'error', text: t('error.validation') })
    add.mutate(checked.data, {
      onSuccess: () => {
        setNotice({ tone: 'success', text: t('manager.closureAdded') })
        setStartsOn('')
        setEndsOn('')
        setReason({})
      },
      onError: (error) => {
        const failure = errorsFromApi(error, t)
        setErrors(failure.fields)
        setNotice({ tone: 'error', text: failure.message })
      },
    })
  }

  const formatDay = (date: string) =>
    intl.formatDate(new Date(`${date}T12:00:00`), {
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    })

  return (
    <ManagerPage title={t('manager.closures')}>
      <p className="muted">{t('manager.closuresIntro')}</p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {remove.isError && <ErrorMessage error={remove.error} />}
      {closures.isPending ? (
        <Loading />
      ) : closures.isError ? (
        <ErrorMessage error={closures.error} />
      ) : closures.data.length === 0 ? (
        <EmptyState title={t('manager.noClosuresTitle')} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('manager.closures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('manager.dates')}</th>
              <th scope="col">{t('manager.appliesTo')}</th>
              <th scope="col">{t('manager.reason')}</th>
              <th scope="col">{t('manager.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {closures.data.map((closure) => (
              <tr key={closure.id}>
                <td>
                  {closure.startsOn === closure.endsOn
                    ? formatDay(closure.startsOn)
                    : `${formatDay(closure.startsOn)} – ${formatDay(closure.endsOn)}`}
                </td>
                <td>
                  {closure.areaId
                    ? text(areas.data?.find((a) => a.id === closure.areaId)?.name)
                    : t('manager.wholeCentre')}
                </td>
                <td>{text(closure.reason)}</td>
                <td>
                  <Button
                    variant="danger"
                    aria-label={t('manager.removeNamed', { name: formatDay(closure.startsOn) })}
                    onPress={() =>
                      remove.mutate(closure.id, {
                        onSuccess: () => setNotice({ tone: 'success', text: t('manager.closureRemoved') }),
                      })
                    }
                  >
                    {t('manager.remove')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form onSubmit={submit} className="card spaced">
        <h2>{t('manager.addClosure')}</h2>
        <SelectField
          label={t('manager.appliesTo')}
          value={scope}
          onChange={setScope}
          options={[
            { id: 'centre', label: t('manager.wholeCentre') },
            ...(areas.data ?? []).map((a) => ({ id: a.id, label: text(a.name) })),
          ]}
        />
        <div className="field-row">
          <TextField
            label={t('manager.startsOn')}
            type="date"
            value={startsOn}
            onChange={setStartsOn}
            error={fieldError(errors, 'startsOn')}
            isRequired
          />
          <TextField
            label={t('manager.endsOn')}
            hint={t('manager.endsOnHint')}
            type="date"
            value={endsOn}
            onChange={setEndsOn}
            error={fieldError(errors, 'endsOn')}
          />
        </div>
        <LocalizedFields
          label={t('manager.reason')}
          languages={centre.data?.languages ?? ['fr']}
          value={reason}
          onChange={setReason}
          errors={errors}
          path="reason"
        />
        <Button type="submit" isDisabled={add.isPending}>
          {t('manager.addClosure')}
        </Button>
      </Form>
    </ManagerPage>
  )
}
