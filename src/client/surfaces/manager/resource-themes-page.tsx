import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { useParams } from 'react-router'
import { type ResourceTheme, resourceThemeInputSchema } from '../../../shared/schemas/resources'
import { useCentre } from '../../features/centres/api'
import { compactText, LocalizedFields } from '../../features/centres/localized-fields'
import { useLocalized } from '../../features/centres/use-localized'
import {
  useDeleteTheme,
  useReorderThemes,
  useResourceThemes,
  useSaveTheme,
} from '../../features/resources/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { ManagerPage } from './manager-layout'

type Editing = { id?: string; slug: string; name: Record<string, string> }

/** The centre's vocabulary of themes: names in each language, identifiers for addresses, an order. */
export function ResourceThemesPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const centre = useCentre(slug)
  const themes = useResourceThemes(slug)
  const save = useSaveTheme(slug)
  const remove = useDeleteTheme(slug)
  const reorder = useReorderThemes(slug)
  const text = useLocalized(centre.data?.defaultLanguage)
  const [editing, setEditing] = useState<Editing>({ slug: '', name: {} })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = { slug: editing.slug, name: compactText(editing.name) }
    const checked = validate(resourceThemeInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setNotice({ tone: 'error', text: t('error.validation') })
    save.mutate(
      { id: editing.id, input: checked.data },
      {
        onSuccess: (theme) => {
          setNotice({ tone: 'success', text: t('resources.themeSaved', { name: text(theme.name) }) })
          setEditing({ slug: '', name: {} })
        },
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setNotice({ tone: 'error', text: failure.message })
        },
      },
    )
  }

  const move = (list: ResourceTheme[], index: number, by: -1 | 1) => {
    const ids = list.map((theme) => theme.id)
    const [moved] = ids.splice(index, 1)
    if (!moved) return
    ids.splice(index + by, 0, moved)
    reorder.mutate(ids)
  }

  return (
    <ManagerPage title={t('resources.nav.themes')}>
      <p className="muted">{t('resources.themesIntro')}</p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {remove.isError && <ErrorMessage error={remove.error} />}
      {reorder.isError && <ErrorMessage error={reorder.error} />}
      {themes.isPending || centre.isPending ? (
        <Loading />
      ) : themes.isError ? (
        <ErrorMessage error={themes.error} />
      ) : themes.data.length === 0 ? (
        <EmptyState title={t('resources.noThemesTitle')}>
          <p>{t('resources.noThemesText')}</p>
        </EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('resources.nav.themes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('manager.name')}</th>
              <th scope="col">{t('manager.slug')}</th>
              <th scope="col">{t('manager.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {themes.data.map((theme, index, list) => {
              const name = text(theme.name)
              return (
                <tr key={theme.id}>
                  <td>{name}</td>
                  <td>
                    <code>{theme.slug}</code>
                  </td>
                  <td>
                    <span className="cluster">
                      <Button
                        variant="quiet"
                        aria-label={t('resources.moveUp', { name })}
                        isDisabled={index === 0 || reorder.isPending}
                        onPress={() => move(list, index, -1)}
                      >
                        ↑
                      </Button>
                      <Button
                        variant="quiet"
                        aria-label={t('resources.moveDown', { name })}
                        isDisabled={index === list.length - 1 || reorder.isPending}
                        onPress={() => move(list, index, 1)}
                      >
                        ↓
                      </Button>
                      <Button
                        variant="secondary"
                        aria-label={t('manager.editNamed', { name })}
                        onPress={() => {
                          setErrors({})
                          setEditing({ id: theme.id, slug: theme.slug, name: theme.name })
                        }}
                      >
                        {t('manager.edit')}
                      </Button>
                      <Button
                        variant="danger"
                        aria-label={t('manager.removeNamed', { name })}
                        onPress={() => {
                          if (window.confirm(t('resources.confirmRemoveTheme', { name })))
                            remove.mutate(theme.id, {
                              onSuccess: () =>
                                setNotice({ tone: 'success', text: t('resources.themeRemoved', { name }) }),
                            })
                        }}
                      >
                        {t('manager.remove')}
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
            {editing.id ? t('manager.editNamed', { name: text(editing.name) }) : t('resources.addTheme')}
          </h2>
          <LocalizedFields
            label={t('resources.themeName')}
            languages={centre.data.languages}
            value={editing.name}
            onChange={(name) => setEditing((e) => ({ ...e, name }))}
            errors={errors}
            path="name"
          />
          <TextField
            label={t('manager.slug')}
            hint={t('manager.slugHint')}
            value={editing.slug}
            onChange={(value) => setEditing((e) => ({ ...e, slug: value }))}
            error={fieldError(errors, 'slug')}
            isRequired
          />
          <div className="cluster">
            <Button type="submit" isDisabled={save.isPending}>
              {t('manager.save')}
            </Button>
            {editing.id && (
              <Button variant="secondary" onPress={() => setEditing({ slug: '', name: {} })}>
                {t('manager.cancel')}
              </Button>
            )}
          </div>
        </Form>
      )}
    </ManagerPage>
  )
}
