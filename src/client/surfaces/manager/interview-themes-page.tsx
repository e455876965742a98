import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { useParams } from 'react-router'
import { type InterviewTheme, interviewThemeInputSchema } from '../../../shared/schemas/interviews'
import { useAreas, useCentre } from '../../features/centres/api'
import { compactText, LocalizedFields } from '../../features/centres/localized-fields'
import { useLocalized } from '../../features/centres/use-localized'
import { useInterviewThemes, useSaveInterviewTheme } from '../../features/interviews/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { ManagerPage } from './manager-layout'

type Editing = { id?: string; slug: string; name: Record<string, string>; areaId: string; position: number }
const ALL_AREAS = 'all'
const blank: Editing = { slug: '', name: {}, areaId: ALL_AREAS, position: 0 }

/**
 * What interviews can be about: the centre's own list, per area or for every area, in each of its
 * languages. A theme no longer used is archived, not deleted, so that past figures keep its name.
 */
export function InterviewThemesPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const centre = useCentre(slug)
  const areas = useAreas(slug)
  const themes = useInterviewThemes(slug)
  const save = useSaveInterviewTheme(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const [editing, setEditing] = useState<Editing>(blank)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)
  const areaName = (id: string | null) =>
    id ? text(areas.data?.find((area) => area.id === id)?.name) : t('interviewThemes.allAreas')

  type Done = 'interviewThemes.saved' | 'interviewThemes.restored' | 'interviewThemes.archivedDone'
  const write = (theme: Editing & { archived?: boolean }, done: Done) => {
    const input = {
      slug: theme.slug,
      name: compactText(theme.name),
      areaId: theme.areaId === ALL_AREAS ? null : theme.areaId,
      position: theme.position,
      archived: theme.archived ?? false,
    }
    const checked = validate(interviewThemeInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setNotice({ tone: 'error', text: t('error.validation') })
    save.mutate(
      { id: theme.id, input: checked.data },
      {
        onSuccess: (saved) => {
          setNotice({ tone: 'success', text: t(done, { name: text(saved.name) }) })
          setEditing(blank)
        },
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setNotice({ tone: 'error', text: failure.message })
        },
      },
    )
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    write(editing, 'interviewThemes.saved')
  }
  const asEditing = (theme: InterviewTheme): Editing => ({
    id: theme.id,
    slug: theme.slug,
    name: theme.name,
    areaId: theme.areaId ?? ALL_AREAS,
    position: theme.position,
  })

  return (
    <ManagerPage title={t('interviewThemes.title')}>
      <p className="muted">{t('interviewThemes.intro')}</p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {themes.isPending || centre.isPending ? (
        <Loading />
      ) : themes.isError ? (
        <ErrorMessage error={themes.error} />
      ) : themes.data.length === 0 ? (
        <EmptyState title={t('interviewThemes.emptyTitle')}>
          <p>{t('interviewThemes.emptyText')}</p>
        </EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('interviewThemes.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('manager.name')}</th>
              <th scope="col">{t('interviewThemes.area')}</th>
              <th scope="col">{t('manager.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {themes.data.map((theme) => {
              const name = text(theme.name)
              return (
                <tr key={theme.id} className={theme.archived ? 'muted' : undefined}>
                  <td>
                    {name}
                    {theme.archived && (
                      <>
                        {' '}
                        <span className="tag">{t('interviewThemes.archived')}</span>
                      </>
                    )}
                  </td>
                  <td>{areaName(theme.areaId)}</td>
                  <td>
                    <span className="cluster">
                      <Button
                        variant="secondary"
                        aria-label={t('manager.editNamed', { name })}
                        onPress={() => {
                          setErrors({})
                          setEditing(asEditing(theme))
                        }}
                      >
                        {t('manager.edit')}
                      </Button>
                      <Button
                        variant="quiet"
                        aria-label={t(
                          theme.archived ? 'interviewThemes.restoreNamed' : 'interviewThemes.archiveNamed',
                          {
                            name,
                          },
                        )}
                        isDisabled={save.isPending}
                        onPress={() =>
                          write(
                            { ...asEditing(theme), archived: !theme.archived },
                            theme.archived ? 'interviewThemes.restored' : 'interviewThemes.archivedDone',
                          )
                        }
                      >
                        {theme.archived ? t('interviewThemes.restore') : t('interviewThemes.archive')}
                      </Button>
                    </span>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {centre.data && (
        <Form onSubmit={submit} className="card spaced">
          <h2>
            {editing.id ? t('manager.editNamed', { name: text(editing.name) }) : t('interviewThemes.add')}
          </h2>
          <LocalizedFields
            label={t('manager.name')}
            languages={centre.data.languages}
            value={editing.name}
            onChange={(name) => setEditing((e) => ({ ...e, name }))}
            errors={errors}
            path="name"
          />
          <div className="field-row">
            <TextField
              label={t('manager.slug')}
              hint={t('manager.slugHint')}
              value={editing.slug}
              onChange={(value) => setEditing((e) => ({ ...e, slug: value }))}
              error={fieldError(errors, 'slug')}
              isRequired
            />
            <SelectField
              label={t('interviewThemes.area')}
              options={[
                { id: ALL_AREAS, label: t('interviewThemes.allAreas') },
                ...(areas.data ?? []).map((area) => ({ id: area.id, label: text(area.name) })),
              ]}
              value={editing.areaId}
              onChange={(areaId) => setEditing((e) => ({ ...e, areaId }))}
              error={fieldError(errors, 'areaId')}
            />
          </div>
          <div className="cluster">
            <Button type="submit" isDisabled={save.isPending}>
              {t('manager.save')}
            </Button>
            {editing.id && (
              <Button variant="secondary" onPress={() => setEditing(blank)}>
                {t('manager.cancel')}
              </Button>
            )}
          </div>
        </Form>
      )}
    </ManagerPage>
  )
}
