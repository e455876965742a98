import { type FormEvent, useEffect, useState } from 'react'
import { Form } from 'react-aria-components'
import { Link, useParams } from 'react-router'
import { contentLanguages } from '../../../shared/i18n/locales'
import { directoryServiceInputSchema, type StaffDirectoryService } from '../../../shared/schemas/directory'
import { accessibilityFeatures } from '../../../shared/schemas/events'
import { audiences } from '../../../shared/schemas/resources'
import { useAreas, usePortalHome } from '../../features/centres/api'
import { compactText, LocalizedFields } from '../../features/centres/localized-fields'
import { useLocalized } from '../../features/centres/use-localized'
import { useDeleteService, useSaveService, useStaffServices } from '../../features/directory/api'
import { useEventLabels } from '../../features/events/labels'
import { useResourceThemes } from '../../features/resources/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { Checkbox } from '../../ui/checkbox'
import { CheckboxGroup } from '../../ui/checkbox-group'
import { SearchBox, useTypedQuery } from '../../ui/search-box'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { hasCentreRole, StaffPage } from '../staff/staff-shell'
import './directory.css'

type Draft = Omit<StaffDirectoryService, 'id' | 'needsReview' | 'notes' | 'phone' | 'website'> & {
  phone: string
  website: string
}

const blank = (today: string): Draft => ({
  organisation: '',
  name: {},
  description: {},
  eligibility: {},
  audiences: [],
  languages: [],
  accessibility: [],
  address: '',
  openingHours: '',
  walkIn: false,
  phone: '',
  website: '',
  areaIds: [],
  themeIds: [],
  lastVerified: today,
})

/**
 * The referral directory for staff: every service, those due for a check first when asked, and a form
 * to add one or to change and re-check one. Counsellors read it; managers and partner coordinators keep it.
 */
export function StaffDirectoryPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const home = usePortalHome(slug)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const [review, setReview] = useState(false)
  const { typed, setTyped, query } = useTypedQuery()
  const services = useStaffServices(slug, { review, q: query })
  const remove = useDeleteService(slug)
  const [editing, setEditing] = useState<StaffDirectoryService | 'new' | null>(null)
  return (
    <StaffPage title={t('directory.staffTitle')} roles={['counsellor', 'partner_coordinator', 'manager']}>
      {(me) => {
        const mayWrite = hasCentreRole(me, slug, ['manager', 'partner_coordinator'])
        const mayRemove = hasCentreRole(me, slug, ['manager'])
        return (
          <div className="stack">
            <p className="muted">{t('directory.staffIntro')}</p>
            <div className="cluster directory-tools">
              <SearchBox
                label={t('directory.searchLabel')}
                hint={t('directory.staffSearchHint')}
                value={typed}
                onChange={setTyped}
              />
              <Checkbox isSelected={review} onChange={setReview}>
                {t('directory.dueOnly')}
              </Checkbox>
              {mayWrite && <Button onPress={() => setEditing('new')}>{t('directory.add')}</Button>}
            </div>
            {remove.isError && <ErrorMessage error={remove.error} />}
            {editing && home.data && (
              <ServiceForm
                key={editing === 'new' ? 'new' : editing.id}
                slug={slug}
                service={editing === 'new' ? null : editing}
                today={home.data.localDate}
                languages={home.data.centre.languages}
                onDone={() => setEditing(null)}
              />
            )}
            {services.isPending ? (
              <Loading />
            ) : services.isError ? (
              <ErrorMessage error={services.error} />
            ) : services.data.length === 0 ? (
              query.trim() ? (
                <EmptyState title={t('directory.noMatchTitle')}>
                  <p>{t('directory.noMatchText')}</p>
                </EmptyState>
              ) : (
                <EmptyState title={review ? t('directory.noneDue') : t('directory.emptyStaffTitle')}>
                  <p>{review ? t('directory.noneDueText') : t('directory.emptyStaffText')}</p>
                </EmptyState>
              )
            ) : (
              <table className="table">
                <caption className="visually-hidden">{t('directory.staffTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('directory.service')}</th>
                    <th scope="col">{t('directory.lastChecked')}</th>
                    <th scope="col">{t('knowledge.title')}</th>
                    <th scope="col">{t('manager.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {services.data.map((service) => (
                    <tr key={service.id}>
                      <td>
                        <strong>{text(service.name)}</strong>
                        <br />
                        <span className="muted">{service.organisation}</span>
                      </td>
                      <td>
                        {service.lastVerified}
                        {service.needsReview && (
                          <>
                            {' '}
                            <span className="tag tag--review">{t('directory.needsReview')}</span>
                          </>
                        )}
                      </td>
                      <td>
                        <div className="cluster">
                          {service.notes > 0 && (
                            <Link to={`/staff/c/${slug}/knowledge?service=${service.id}`}>
                              {t('knowledge.noteCount', { count: service.notes })}
                            </Link>
                          )}
                          <Link
                            to={`/staff/c/${slug}/knowledge/new?service=${service.id}`}
                            aria-label={t('knowledge.writeAbout', { name: text(service.name) })}
                          >
                            {t('knowledge.write')}
                          </Link>
                        </div>
                      </td>
                      <td>
                        <div className="cluster">
                          {mayWrite && (
                            <Button
                              variant="secondary"
                              aria-label={t('directory.editNamed', { name: text(service.name) })}
                              onPress={() => setEditing(service)}
                            >
                              {t('manager.edit')}
                            </Button>
                          )}
                          {mayRemove && (
                            <Button
                              variant="quiet"
                              aria-label={t('directory.removeNamed', { name: text(service.name) })}
                              isDisabled={remove.isPending}
                              onPress={() => {
                                if (
                                  window.confirm(t('directory.confirmRemove', { name: text(service.name) }))
                                )
                                  remove.mutate(service.id)
                              }}
                            >
                              {t('manager.remove')}
                            </Button>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )
      }}
    </StaffPage>
  )
}

function ServiceForm({
  slug,
  service,
  today,
  languages,
  onDone,
}: {
  slug: string
  service: StaffDirectoryService | null
  today: string
  languages: string[]
  onDone: () => void
}) {
  const t = useT()
  const labels = useEventLabels()
  const areas = useAreas(slug)
  const themes = useResourceThemes(slug)
  const text = useLocalized()
  const save = useSaveService(slug)
  const [draft, setDraft] = useState<Draft>(blank(today))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    if (service) {
      const { id: _, needsReview: __, notes: ___, ...values } = service
      setDraft({ ...values, phone: service.phone ?? '', website: service.website ?? '' })
    }
  }, [service])
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage(null)
    const input = {
      ...draft,
      name: compactText(draft.name),
      description: compactText(draft.description),
      eligibility: compactText(draft.eligibility),
      phone: draft.phone.trim() || null,
      website: draft.website.trim() || null,
    }
    const checked = validate(directoryServiceInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setMessage(t('error.validation'))
    save.mutate(
      { id: service?.id, input: checked.data },
      {
        onSuccess: onDone,
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setMessage(failure.message)
        },
      },
    )
  }

  return (
    <Form onSubmit={submit} className="card" aria-label={service ? t('directory.edit') : t('directory.add')}>
      <h2>{service ? t('directory.edit') : t('directory.add')}</h2>
      {message && <Alert tone="error">{message}</Alert>}
      <TextField
        label={t('directory.field.organisation')}
        value={draft.organisation}
        onChange={(v) => set('organisation', v)}
        error={fieldError(errors, 'organisation')}
        maxLength={200}
        isRequired
      />
      <LocalizedFields
        label={t('directory.field.name')}
        languages={languages}
        value={draft.name}
        onChange={(v) => set('name', v)}
        errors={errors}
        path="name"
      />
      <LocalizedFields
        label={t('directory.field.description')}
        languages={languages}
        value={draft.description}
        onChange={(v) => set('description', v)}
        errors={errors}
        path="description"
        multiline
      />
      <LocalizedFields
        label={t('directory.eligibility')}
        languages={languages}
        value={draft.eligibility}
        onChange={(v) => set('eligibility', v)}
        errors={errors}
        path="eligibility"
      />
      <div className="field-row">
        <TextField
          label={t('directory.address')}
          value={draft.address}
          onChange={(v) => set('address', v)}
          error={fieldError(errors, 'address')}
          maxLength={300}
        />
        <TextField
          label={t('directory.hours')}
          value={draft.openingHours}
          onChange={(v) => set('openingHours', v)}
          error={fieldError(errors, 'openingHours')}
          maxLength={500}
        />
      </div>
      <div className="field-row">
        <TextField
          label={t('directory.field.phone')}
          value={draft.phone}
          onChange={(v) => set('phone', v)}
          error={fieldError(errors, 'phone')}
          maxLength={30}
        />
        <TextField
          label={t('directory.field.website')}
          type="url"
          value={draft.website}
          onChange={(v) => set('website', v)}
          error={fieldError(errors, 'website')}
          maxLength={500}
        />
        <div className="field">
          <Checkbox isSelected={draft.walkIn} onChange={(v) => set('walkIn', v)}>
            {t('directory.walkIn')}
          </Checkbox>
        </div>
      </div>
      <CheckboxGroup
        label={t('directory.field.audiences')}
        options={audiences.map((value) => ({ id: value, label: labels.audience(value) }))}
        value={draft.audiences}
        onChange={(v) => set('audiences', v)}
      />
      <CheckboxGroup
        label={t('directory.languages')}
        options={contentLanguages.map((code) => ({ id: code, label: labels.language(code) }))}
        value={draft.languages}
        onChange={(v) => set('languages', v)}
      />
      <CheckboxGroup
        label={t('events.field.accessibility')}
        options={accessibilityFeatures.map((value) => ({ id: value, label: labels.access(value) }))}
        value={draft.accessibility}
        onChange={(v) => set('accessibility', v)}
      />
      <CheckboxGroup
        label={t('events.field.areas')}
        options={(areas.data ?? []).map((area) => ({ id: area.id, label: text(area.name) }))}
        value={draft.areaIds}
        onChange={(v) => set('areaIds', v)}
        error={fieldError(errors, 'areaIds')}
      />
      <CheckboxGroup
        label={t('events.field.themes')}
        options={(themes.data ?? []).map((theme) => ({ id: theme.id, label: text(theme.name) }))}
        value={draft.themeIds}
        onChange={(v) => set('themeIds', v)}
        error={fieldError(errors, 'themeIds')}
      />
      <div className="cluster directory-checked">
        <TextField
          label={t('directory.lastChecked')}
          type="date"
          value={draft.lastVerified}
          onChange={(v) => set('lastVerified', v)}
          error={fieldError(errors, 'lastVerified')}
          isRequired
        />
        <Button variant="secondary" onPress={() => set('lastVerified', today)}>
          {t('directory.checkedToday')}
        </Button>
      </div>
      <div className="cluster">
        <Button type="submit" isDisabled={save.isPending}>
          {t('manager.save')}
        </Button>
        <Button variant="secondary" onPress={onDone}>
          {t('manager.cancel')}
        </Button>
      </div>
    </Form>
  )
}
