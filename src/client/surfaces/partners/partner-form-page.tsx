import { type FormEvent, useEffect, useState } from 'react'
import { Form } from 'react-aria-components'
import { useNavigate, useParams } from 'react-router'
import type { MessageKey } from '../../../shared/i18n/messages'
import {
  inviteCounsellorSchema,
  type PartnerType,
  partnerInputSchema,
  partnerTypes,
  type StaffPartner,
} from '../../../shared/schemas/partners'
import { useAreas, useCentre } from '../../features/centres/api'
import { compactText, LocalizedFields } from '../../features/centres/localized-fields'
import { useLocalized } from '../../features/centres/use-localized'
import { useInviteCounsellor, useSavePartner, useStaffPartner } from '../../features/partners/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button, ButtonLink } from '../../ui/button'
import { CheckboxGroup } from '../../ui/checkbox-group'
import { SelectField } from '../../ui/select-field'
import { ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { StaffPage } from '../staff/staff-shell'

type Draft = {
  name: string
  type: PartnerType
  description: Record<string, string>
  website: string
  staffContact: string
  areaIds: string[]
}

const empty: Draft = {
  name: '',
  type: 'association',
  description: {},
  website: '',
  staffContact: '',
  areaIds: [],
}

const draftOf = (found: StaffPartner): Draft => ({ ...found, website: found.website ?? '' })

/** A partner's card, to add (managers) or change (managers, and its own coordinator), and its counsellors. */
export function PartnerFormPage() {
  const t = useT()
  const navigate = useNavigate()
  const { centre: slug = '', id } = useParams()
  const isNew = !id || id === 'new'
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const existing = useStaffPartner(slug, isNew ? undefined : id)
  const save = useSavePartner(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const [draft, setDraft] = useState<Draft>(empty)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    if (existing.data) setDraft(draftOf(existing.data))
  }, [existing.data])
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const title = isNew ? t('partners.add') : (existing.data?.name ?? t('surface.partners'))
  const failed = centre.error ?? areas.error ?? existing.error
  if (failed || centre.isPending || areas.isPending || (!isNew && existing.isPending))
    return (
      <StaffPage title={title} roles={['partner_coordinator', 'manager']}>
        {() => (failed ? <ErrorMessage error={failed} /> : <Loading />)}
      </StaffPage>
    )
  const readOnly = existing.data !== undefined && !existing.data.canEdit

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    setSaved(false)
    const input = {
      ...draft,
      description: compactText(draft.description),
      website: draft.website.trim() || null,
    }
    const checked = validate(partnerInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setMessage(t('error.validation'))
    save.mutate(
      { id: isNew ? undefined : id, input: checked.data },
      {
        onSuccess: (result) => {
          setSaved(true)
          if (isNew) navigate(`/staff/c/${slug}/partners/${result.id}`, { replace: true })
        },
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setMessage(failure.message)
        },
      },
    )
  }

  return (
    <StaffPage title={title} roles={['partner_coordinator', 'manager']}>
      {() => (
        <div className="stack">
          {message && <Alert tone="error">{message}</Alert>}
          {saved && <Alert tone="success">{t('partners.saved')}</Alert>}
          {readOnly && <Alert tone="info">{t('partners.readOnly')}</Alert>}
          <Form onSubmit={submit} className="card">
            <fieldset disabled={readOnly} className="plain-fieldset">
              <div className="field-row">
                <TextField
                  label={t('partners.field.name')}
                  value={draft.name}
                  onChange={(v) => set('name', v)}
                  error={fieldError(errors, 'name')}
                  maxLength={160}
                  isRequired
                />
                <SelectField
                  label={t('partners.field.type')}
                  value={draft.type}
                  onChange={(v) => set('type', v as PartnerType)}
                  options={partnerTypes.map((type) => ({
                    id: type,
                    label: t(`partners.type.${type}` as MessageKey),
                  }))}
                />
              </div>
              <LocalizedFields
                label={t('partners.field.description')}
                languages={centre.data?.languages ?? ['fr']}
                value={draft.description}
                onChange={(v) => set('description', v)}
                errors={errors}
                path="description"
                multiline
              />
              <div className="field-row">
                <TextField
                  label={t('partners.field.website')}
                  type="url"
                  value={draft.website}
                  onChange={(v) => set('website', v)}
                  error={fieldError(errors, 'website')}
                  maxLength={500}
                />
                <TextField
                  label={t('partners.field.staffContact')}
                  hint={t('partners.field.staffContactHint')}
                  value={draft.staffContact}
                  onChange={(v) => set('staffContact', v)}
                  error={fieldError(errors, 'staffContact')}
                  maxLength={500}
                />
              </div>
              <CheckboxGroup
                label={t('partners.field.areas')}
                options={(areas.data ?? []).map((area) => ({ id: area.id, label: text(area.name) }))}
                value={draft.areaIds}
                onChange={(v) => set('areaIds', v)}
                error={fieldError(errors, 'areaIds')}
              />
            </fieldset>
            <div className="cluster">
              {!readOnly && (
                <Button type="submit" isDisabled={save.isPending}>
                  {t('manager.save')}
                </Button>
              )}
              <ButtonLink variant="secondary" to={`/staff/c/${slug}/partners`}>
                {t('partners.backToList')}
              </ButtonLink>
            </div>
          </Form>
          {existing.data && <Counsellors slug={slug} partner={existing.data} />}
        </div>
      )}
    </StaffPage>
  )
}

/** The partner's counsellors, and an invitation for one more: a login and a link to hand over. */
function Counsellors({ slug, partner }: { slug: string; partner: StaffPartner }) {
  const t = useT()
  const invite = useInviteCounsellor(slug, partner.id)
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(inviteCounsellorSchema, { name, email }, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return
    invite.mutate(checked.data, {
      onSuccess: () => {
        setName('')
        setEmail('')
      },
      onError: (error) => setErrors(errorsFromApi(error, t).fields),
    })
  }

  return (
    <section className="card stack" aria-labelledby="counsellors">
      <h2 id="counsellors">{t('partners.counsellors')}</h2>
      {partner.counsellors.length === 0 ? (
        <p className="muted">{t('partners.noCounsellors')}</p>
      ) : (
        <ul className="plain-list stack">
          {partner.counsellors.map((person) => (
            <li key={person.userId}>
              {person.name} <span className="muted">· {person.email}</span>
            </li>
          ))}
        </ul>
      )}
      {partner.canEdit && (
        <Form onSubmit={submit} className="stack">
          <h3>{t('partners.invite')}</h3>
          <div className="field-row">
            <TextField
              label={t('partners.field.counsellorName')}
              value={name}
              onChange={setName}
              error={fieldError(errors, 'name')}
              maxLength={120}
              isRequired
            />
            <TextField
              label={t('partners.field.counsellorEmail')}
              type="email"
              value={email}
              onChange={setEmail}
              error={fieldError(errors, 'email')}
              maxLength={200}
              isRequired
            />
          </div>
          {invite.isError && <ErrorMessage error={invite.error} />}
          <div>
            <Button type="submit" isDisabled={invite.isPending}>
              {t('partners.inviteSubmit')}
            </Button>
          </div>
        </Form>
      )}
      {invite.data && (
        <Alert tone="success">
          {invite.data.inviteUrl ? (
            <>
              <p>{t('partners.invited', { email: invite.data.email })}</p>
              <p>
                <code className="invite-link">{invite.data.inviteUrl}</code>
              </p>
            </>
          ) : (
            <p>{t('partners.invitedExisting', { email: invite.data.email })}</p>
          )}
        </Alert>
      )}
    </section>
  )
}
