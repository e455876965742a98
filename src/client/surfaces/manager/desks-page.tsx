import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { useParams } from 'react-router'
import { deskInputSchema } from '../../../shared/schemas/centres'
import { useAreas, useCentre, useDeleteDesk, useDesks, useSaveDesk } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { CheckboxGroup } from '../../ui/checkbox-group'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { ManagerPage } from './manager-layout'

export function DesksPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const desks = useDesks(slug)
  const save = useSaveDesk(slug)
  const remove = useDeleteDesk(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const [editing, setEditing] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [areaIds, setAreaIds] = useState<string[]>([])
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)

  const reset = () => {
    setEditing(null)
    setName('')
    setAreaIds([])
    setErrors({})
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(deskInputSchema, { name, areaIds }, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setNotice({ tone: 'error', text: t('error.validation') })
    save.mutate(
      { id: editing ?? undefined, input: checked.data },
      {
        onSuccess: (desk) => {
          setNotice({ tone: 'success', text: t('manager.deskSaved', { name: desk.name }) })
          reset()
        },
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setNotice({ tone: 'error', text: failure.message })
        },
      },
    )
  }

  const areaName = (id: string) => text(areas.data?.find((a) => a.id === id)?.name)

  return (
    <ManagerPage title={t('manager.desks')}>
      <p className="muted">{t('manager.desksIntro')}</p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {remove.isError && <ErrorMessage error={remove.error} />}
      {desks.isPending || areas.isPending ? (
        <Loading />
      ) : desks.isError ? (
        <ErrorMessage error={desks.error} />
      ) : desks.data.length === 0 ? (
        <EmptyState title={t('manager.noDesksTitle')} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('manager.desks')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('manager.name')}</th>
              <th scope="col">{t('manager.deskAreas')}</th>
              <th scope="col">{t('manager.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {desks.data.map((desk) => (
              <tr key={desk.id}>
                <td>{desk.name}</td>
                <td>
                  {desk.areaIds.length ? desk.areaIds.map(areaName).join(', ') : t('manager.deskAnyArea')}
                </td>
                <td>
                  <span className="cluster">
                    <Button
                      variant="secondary"
                      aria-label={t('manager.editNamed', { name: desk.name })}
                      onPress={() => {
                        setEditing(desk.id)
                        setName(desk.name)
                        setAreaIds(desk.areaIds)
                      }}
                    >
                      {t('manager.edit')}
                    </Button>
                    <Button
                      variant="danger"
                      aria-label={t('manager.removeNamed', { name: desk.name })}
                      onPress={() =>
                        remove.mutate(desk.id, {
                          onSuccess: () =>
                            setNotice({
                              tone: 'success',
                              text: t('manager.deskRemoved', { name: desk.name }),
                            }),
                        })
                      }
                    >
                      {t('manager.remove')}
                    </Button>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form onSubmit={submit} className="card spaced">
        <h2>{editing ? t('manager.editDesk') : t('manager.addDesk')}</h2>
        <TextField
          label={t('manager.deskName')}
          value={name}
          onChange={setName}
          error={fieldError(errors, 'name')}
          isRequired
        />
        <CheckboxGroup
          label={t('manager.deskAreas')}
          options={(areas.data ?? []).map((area) => ({ id: area.id, label: text(area.name) }))}
          value={areaIds}
          onChange={setAreaIds}
          error={fieldError(errors, 'areaIds')}
        />
        <div className="cluster">
          <Button type="submit" isDisabled={save.isPending}>
            {t('manager.save')}
          </Button>
          {editing && (
            <Button variant="secondary" onPress={reset}>
              {t('manager.cancel')}
            </Button>
          )}
        </div>
      </Form>
    </ManagerPage>
  )
}
