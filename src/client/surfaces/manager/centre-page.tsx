import { type FormEvent, useEffect, useState } from 'react'
import { Form } from 'react-aria-components'
import { useParams } from 'react-router'
import { type ContentLanguage, contentLanguages } from '../../../shared/i18n/locales'
import { centreInputSchema } from '../../../shared/schemas/centres'
import { useCentre, useSaveCentre } from '../../features/centres/api'
import { compactText, LocalizedFields, languageName } from '../../features/centres/localized-fields'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { CheckboxGroup } from '../../ui/checkbox-group'
import { SelectField } from '../../ui/select-field'
import { ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { ManagerPage } from './manager-layout'

export function CentrePage() {
  const t = useT()
  const { locale } = useLocale()
  const { centre: slug = '' } = useParams()
  const centre = useCentre(slug)
  const save = useSaveCentre(slug)
  const [name, setName] = useState<Record<string, string>>({})
  const [address, setAddress] = useState('')
  const [timezone, setTimezone] = useState('')
  const [languages, setLanguages] = useState<string[]>([])
  const [defaultLanguage, setDefaultLanguage] = useState('fr')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)

  useEffect(() => {
    if (!centre.data) return
    setName(centre.data.name)
    setAddress(centre.data.address)
    setTimezone(centre.data.timezone)
    setLanguages(centre.data.languages)
    setDefaultLanguage(centre.data.defaultLanguage)
  }, [centre.data])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = {
      slug,
      name: compactText(name),
      address,
      timezone,
      languages: languages as ContentLanguage[],
      defaultLanguage,
    }
    const checked = validate(centreInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setNotice({ tone: 'error', text: t('error.validation') })
    save.mutate(checked.data, {
      onSuccess: () => setNotice({ tone: 'success', text: t('manager.centreSaved') }),
      onError: (error) => {
        const failure = errorsFromApi(error, t)
        setErrors(failure.fields)
        setNotice({ tone: 'error', text: failure.message })
      },
    })
  }

  if (centre.isPending)
    return (
      <ManagerPage title={t('manager.centre')}>
        <Loading />
      </ManagerPage>
    )
  if (centre.isError)
    return (
      <ManagerPage title={t('manager.centre')}>
        <ErrorMessage error={centre.error} />
      </ManagerPage>
    )
  return (
    <ManagerPage title={t('manager.centre')}>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <Form onSubmit={submit} className="card">
        <LocalizedFields
          label={t('manager.name')}
          languages={languages.length ? languages : ['fr']}
          value={name}
          onChange={setName}
          errors={errors}
          path="name"
        />
        <TextField
          label={t('manager.address')}
          value={address}
          onChange={setAddress}
          error={fieldError(errors, 'address')}
        />
        <TextField
          label={t('manager.timezone')}
          hint={t('manager.timezoneHint')}
          value={timezone}
          onChange={setTimezone}
          error={fieldError(errors, 'timezone')}
          isRequired
        />
        <CheckboxGroup
          label={t('manager.languages')}
          options={contentLanguages.map((code) => ({ id: code, label: languageName(code, locale) }))}
          value={languages}
          onChange={setLanguages}
          error={fieldError(errors, 'languages')}
        />
        <SelectField
          label={t('manager.defaultLanguage')}
          value={defaultLanguage}
          onChange={setDefaultLanguage}
          error={fieldError(errors, 'defaultLanguage')}
          options={(languages.length ? languages : ['fr']).map((code) => ({
            id: code,
            label: languageName(code, locale),
          }))}
        />
        <Button type="submit" isDisabled={save.isPending}>
          {t('manager.save')}
        </Button>
      </Form>
    </ManagerPage>
  )
}
