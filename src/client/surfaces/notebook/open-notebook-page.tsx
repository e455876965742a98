import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { usePortalHome } from '../../features/centres/api'
import { useLocalized } from '../../features/centres/use-localized'
import {
  fetchNotebook,
  notebookKeys,
  parseSaveParam,
  useAddItemTo,
  useCreateNotebook,
} from '../../features/notebooks/api'
import { canonicalNotebookCode } from '../../features/notebooks/code'
import { forgetCode, useRememberedCode } from '../../features/notebooks/memory'
import { useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { ErrorMessage } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import type { NotebookArrival } from './notebook-page'
import './notebook.css'

/**
 * The notebook's door at a centre: start one in a tap (nothing asked), open one with its code, or the
 * one this device remembers. With `?save=kind:ref`, the thing the visitor wanted to keep is saved in
 * the notebook as soon as there is one.
 */
export function OpenNotebookPage() {
  const { centre = '' } = useParams()
  const t = useT()
  const navigate = useNavigate()
  const client = useQueryClient()
  const [params] = useSearchParams()
  const toSave = parseSaveParam(params.get('save'))
  const home = usePortalHome(centre)
  const text = useLocalized(home.data?.centre.defaultLanguage)
  const remembered = useRememberedCode(centre)
  const create = useCreateNotebook(centre)
  const add = useAddItemTo()
  const [typed, setTyped] = useState('')
  const [codeError, setCodeError] = useState<string | undefined>()
  const [opening, setOpening] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  const go = (code: string, arrival: NotebookArrival = {}) => navigate(`/n/${code}`, { state: arrival })

  /** Saves the awaited thing (if any) into the notebook of `code`, then opens it. */
  const open = (code: string, fresh: boolean) => {
    if (!toSave) return go(code, { fresh })
    add.mutate(
      { code, input: toSave },
      {
        onSuccess: () => go(code, { fresh, saved: true }),
        onError: (error) => {
          const message = error instanceof ApiError ? error.message : t('error.internal')
          // The notebook is there, but the thing could not be kept in it: said on the notebook's page.
          if (fresh || (error instanceof ApiError && error.status === 422))
            return go(code, { fresh, saveError: message })
          if (code !== remembered) return setCodeError(message)
          if (error instanceof ApiError && error.status === 404) forgetCode(centre)
          setMessage(message)
        },
      },
    )
  }

  const start = () => create.mutate(undefined, { onSuccess: (created) => open(created.code, true) })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const code = canonicalNotebookCode(typed)
    if (!code) return setCodeError(t('notebook.open.codeFormat'))
    setCodeError(undefined)
    if (toSave) return open(code, false)
    setOpening(true)
    try {
      client.setQueryData(notebookKeys.one(code), await fetchNotebook(code))
      go(code)
    } catch (error) {
      setCodeError(error instanceof ApiError ? error.message : t('error.internal'))
    } finally {
      setOpening(false)
    }
  }

  const busy = create.isPending || add.isPending || opening
  return (
    <Page
      title={t('notebook.open.title')}
      brand={home.data ? text(home.data.centre.name) : undefined}
      brandTo={`/c/${centre}`}
    >
      <p className="notebook__intro">{t('notebook.open.intro')}</p>
      {toSave && <Alert tone="info">{t('notebook.open.toSave')}</Alert>}
      {message && <Alert tone="error">{message}</Alert>}
      <div className="notebook-doors">
        {remembered && (
          <section className="card stack" aria-labelledby="door-remembered">
            <h2 id="door-remembered">{t('notebook.open.rememberedTitle')}</h2>
            <p className="muted">{t('notebook.open.rememberedText')}</p>
            <div className="cluster">
              <Button isDisabled={busy} onPress={() => open(remembered, false)}>
                {toSave ? t('notebook.open.saveInRemembered') : t('notebook.open.openRemembered')}
              </Button>
              <Button variant="quiet" onPress={() => forgetCode(centre)}>
                {t('notebook.open.forget')}
              </Button>
            </div>
          </section>
        )}
        <section className="card stack" aria-labelledby="door-start">
          <h2 id="door-start">{t('notebook.open.startTitle')}</h2>
          <p>{t('notebook.open.startText')}</p>
          {create.isError && <ErrorMessage error={create.error} />}
          <div>
            <Button variant={remembered ? 'secondary' : 'primary'} isDisabled={busy} onPress={start}>
              {t('notebook.open.start')}
            </Button>
          </div>
        </section>
        <section className="card" aria-labelledby="door-code">
          <h2 id="door-code">{t('notebook.open.codeTitle')}</h2>
          <Form onSubmit={submit} className="notebook-door__form">
            <TextField
              label={t('notebook.open.codeLabel')}
              hint={t('notebook.open.codeHint')}
              value={typed}
              onChange={setTyped}
              error={codeError}
              maxLength={40}
              autoComplete="off"
            />
            <Button type="submit" variant="secondary" isDisabled={busy}>
              {toSave ? t('notebook.open.openAndSave') : t('notebook.open.open')}
            </Button>
          </Form>
        </section>
      </div>
      <p className="muted notebook__privacy">{t('notebook.open.privacy')}</p>
    </Page>
  )
}
