import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { centreInputSchema } from '../../../shared/schemas/centres'
import { useCreateCentre } from '../../features/centres/api'
import { compactText, LocalizedFields } from '../../features/centres/localized-fields'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { TextField } from '../../ui/text-field'

/** A network admin opens a new centre; its manager then sets it up. Languages start as French and English. */
export function CreateCentreForm() {
  const t = useT()
  const create = useCreateCentre()
  const [slug, setSlug] = useState('')
  const [name, setName] = useState<Record<string, string>>({})
  const [timezone, setTimezone] = useState('Europe/Paris')
  const [address, setAddress] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = {
      slug,
      name: compactText(name),
      timezone,
      address,
      languages: ['fr', 'en'],
      defaultLanguage: 'fr',
    }
    const checked = validate(centreInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setNotice({ tone: 'error', text: t('error.validation') })
    create.mutate(checked.data, {
      onSuccess: (centre) => {
        setNotice({ tone: 'success', text: t('network.centreCreated', { slug: centre.slug }) })
        setSlug('')
        setName({})
        setAddress('')
      },
      onError: (error) => {
        const failure = errorsFromApi(error, t)
        setErrors(failure.fields)
        setNotice({ tone: 'error', text: failure.message })
      },
    })
  }

  return (
    <Form onSubmit={submit} className="card">
      <h2>{t('network.createCentre')}</h2>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <LocalizedFields
        label={t('manager.name')}
        languages={['fr', 'en']}
        value={name}
        onChange={setName}
        errors={errors}
        path="name"
      />
      <div className="field-row">
        <TextField
          label={t('manager.slug')}
          hint={t('manager.slugHint')}
          value={slug}
          onChange={setSlug}
          error={fieldError(errors, 'slug')}
          isRequired
        />
        <TextField
          label={t('manager.timezone')}
          hint={t('manager.timezoneHint')}
          value={timezone}
          onChange={setTimezone}
          error={fieldError(errors, 'timezone')}
          isRequired
        />
      </div>
      <TextField
        label={t('manager.address')}
        value={address}
        onChange={setAddress}
        error={fieldError(errors, 'address')}
      />
      <Button type="submit" isDisabled={create.isPending}>
        {t('network.createCentre')}
      </Button>
    </Form>
  )
}
