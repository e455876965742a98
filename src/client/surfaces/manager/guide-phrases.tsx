import { type FormEvent, useRef, useState } from 'react'
import { Form } from 'react-aria-components'
import { GUIDE_PHRASE_MAX, type GuidePhrase, guidePhraseInputSchema } from '../../../shared/schemas/guide'
import { languageName } from '../../features/centres/localized-fields'
import { useDeletePhrase, useSavePhrase } from '../../features/guide-settings/api'
import { useLocale, useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { EmptyState } from '../../ui/states'
import { TextField } from '../../ui/text-field'

type Option = { id: string; label: string }
type Editing = { id?: string; original?: string; areaId: string; language: string; phrase: string }
type Notice = { tone: 'error' | 'success'; text: string }
const ALL_AREAS = 'all'

/** "Français" rather than "français": a language on its own, at the head of a cell or an option. */
const languageLabel = (code: string, locale: string) => {
  const name = languageName(code, locale)
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1)
}

/**
 * The words visitors use, each linked to the area that answers them: a form to add or change one, and
 * the list grouped by area, in the areas' order, which can be narrowed to one area.
 */
export function GuidePhrases({
  slug,
  phrases,
  areas,
  languages,
  defaultLanguage,
}: {
  slug: string
  phrases: readonly GuidePhrase[]
  areas: readonly Option[]
  languages: readonly string[]
  defaultLanguage: string
}) {
  const t = useT()
  const { locale } = useLocale()
  const save = useSavePhrase(slug)
  const remove = useDeletePhrase(slug)
  const blank = (areaId = areas[0]?.id ?? '', language = defaultLanguage): Editing => ({
    areaId,
    language,
    phrase: '',
  })
  const [editing, setEditing] = useState<Editing>(() => blank())
  const [shown, setShown] = useState(ALL_AREAS)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<Notice | null>(null)
  const formTitle = useRef<HTMLHeadingElement>(null)
  const areaName = (id: string) => areas.find((area) => area.id === id)?.label ?? ''
  // A phrase kept in a language the centre no longer offers can still be edited in it.
  const languageOptions = [...new Set([...languages, editing.language])].map((code) => ({
    id: code,
    label: languageLabel(code, locale),
  }))
  const languageRank = (code: string) => languageOptions.findIndex((option) => option.id === code)
  const groups = areas
    .filter((area) => shown === ALL_AREAS || area.id === shown)
    .map((area) => ({
      area,
      phrases: phrases
        .filter((phrase) => phrase.areaId === area.id)
        .sort(
          (a, b) =>
            languageRank(a.language) - languageRank(b.language) || a.phrase.localeCompare(b.phrase, locale),
        ),
    }))
    .filter((group) => group.phrases.length > 0)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = { areaId: editing.areaId, language: editing.language, phrase: editing.phrase }
    const checked = validate(guidePhraseInputSchema, input, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setNotice({ tone: 'error', text: t('error.validation') })
    save.mutate(
      { id: editing.id, input: checked.data },
      {
        onSuccess: (saved) => {
          setNotice({
            tone: 'success',
            text: t('guideSettings.phraseSaved', { phrase: saved.phrase, area: areaName(saved.areaId) }),
          })
          // The same area and language stay chosen: phrases are usually added a few at a time.
          setEditing(blank(saved.areaId, saved.language))
        },
        onError: (error) => {
          const failure = errorsFromApi(error, t)
          setErrors(failure.fields)
          setNotice({ tone: 'error', text: failure.message })
        },
      },
    )
  }
  const edit = (phrase: GuidePhrase) => {
    setErrors({})
    setNotice(null)
    setEditing({ ...phrase, original: phrase.phrase })
    formTitle.current?.focus()
  }
  const removePhrase = (phrase: GuidePhrase) => {
    if (!window.confirm(t('guideSettings.confirmRemove', { phrase: phrase.phrase }))) return
    remove.mutate(phrase.id, {
      onSuccess: () => {
        setNotice({ tone: 'success', text: t('guideSettings.phraseRemoved', { phrase: phrase.phrase }) })
        if (editing.id === phrase.id) setEditing(blank(editing.areaId, editing.language))
      },
      onError: (error) => setNotice({ tone: 'error', text: errorsFromApi(error, t).message }),
    })
  }

  return (
    <section className="guide-settings__section" aria-labelledby="guide-phrases-title">
      <h2 id="guide-phrases-title">{t('guideSettings.phrasesTitle')}</h2>
      <p>{t('guideSettings.phrasesIntro')}</p>
      <p className="muted">{t('guideSettings.matching')}</p>
      {areas.length > 0 && (
        <Form onSubmit={submit} className="card">
          <h3 ref={formTitle} tabIndex={-1}>
            {editing.id
              ? t('manager.editNamed', { name: editing.original ?? '' })
              : t('guideSettings.addPhrase')}
          </h3>
          {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
          <TextField
            label={t('guideSettings.phrase')}
            hint={t('guideSettings.phraseHint', { max: GUIDE_PHRASE_MAX })}
            value={editing.phrase}
            onChange={(phrase) => setEditing((e) => ({ ...e, phrase }))}
            error={fieldError(errors, 'phrase')}
            maxLength={GUIDE_PHRASE_MAX}
            isRequired
          />
          <div className="field-row">
            <SelectField
              label={t('guideSettings.area')}
              options={areas}
              value={editing.areaId}
              onChange={(areaId) => setEditing((e) => ({ ...e, areaId }))}
              error={fieldError(errors, 'areaId')}
              isRequired
            />
            <SelectField
              label={t('guideSettings.language')}
              options={languageOptions}
              value={editing.language}
              onChange={(language) => setEditing((e) => ({ ...e, language }))}
              error={fieldError(errors, 'language')}
              isRequired
            />
          </div>
          <div className="cluster">
            <Button type="submit" isDisabled={save.isPending}>
              {editing.id ? t('manager.save') : t('guideSettings.addPhrase')}
            </Button>
            {editing.id && (
              <Button
                variant="secondary"
                onPress={() => {
                  setErrors({})
                  setEditing(blank(editing.areaId, editing.language))
                }}
              >
                {t('manager.cancel')}
              </Button>
            )}
          </div>
        </Form>
      )}
      {phrases.length === 0 ? (
        <div className="spaced">
          <EmptyState title={t('guideSettings.emptyTitle')}>
            <p>{t('guideSettings.emptyText')}</p>
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="guide-phrases__filter">
            <SelectField
              label={t('guideSettings.filter')}
              options={[{ id: ALL_AREAS, label: t('guideSettings.allAreas') }, ...areas]}
              value={shown}
              onChange={setShown}
            />
          </div>
          <table className="table guide-phrases">
            <caption className="visually-hidden">{t('guideSettings.phrasesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('guideSettings.phrase')}</th>
                <th scope="col" className="guide-phrases__language">
                  {t('guideSettings.language')}
                </th>
                <th scope="col">{t('manager.actions')}</th>
              </tr>
            </thead>
            {groups.length === 0 && (
              <tbody>
                <tr>
                  <td colSpan={3} className="muted">
                    {t('guideSettings.noneForArea')}
                  </td>
                </tr>
              </tbody>
            )}
            {groups.map((group) => (
              <tbody key={group.area.id}>
                <tr>
                  <th colSpan={3} scope="rowgroup" className="guide-phrases__area">
                    {group.area.label}
                  </th>
                </tr>
                {group.phrases.map((phrase) => (
                  <tr key={phrase.id}>
                    <td>
                      <span lang={phrase.language}>{phrase.phrase}</span>
                      <span className="guide-phrases__inline-language">
                        {languageLabel(phrase.language, locale)}
                      </span>
                    </td>
                    <td className="guide-phrases__language">{languageLabel(phrase.language, locale)}</td>
                    <td>
                      <span className="guide-phrases__actions">
                        <Button
                          variant="secondary"
                          aria-label={t('manager.editNamed', { name: phrase.phrase })}
                          onPress={() => edit(phrase)}
                        >
                          {t('manager.edit')}
                        </Button>
                        <Button
                          variant="danger"
                          aria-label={t('manager.removeNamed', { name: phrase.phrase })}
                          isDisabled={remove.isPending}
                          onPress={() => removePhrase(phrase)}
                        >
                          {t('manager.remove')}
                        </Button>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </>
      )}
    </section>
  )
}
