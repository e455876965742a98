import { useIntl } from 'react-intl'
import { useNavigate } from 'react-router'
import type { Notebook } from '../../../shared/schemas/notebooks'
import { useEraseNotebook } from '../../features/notebooks/api'
import { forgetCodeEverywhere } from '../../features/notebooks/memory'
import { useT } from '../../i18n/i18n-provider'
import { Button } from '../../ui/button'
import { ErrorMessage } from '../../ui/states'
import { notebookText } from './notebook-text'

/** Hands a text made here to the browser as a file: nothing is asked of the server. */
function saveFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The notebook is the visitor's: a copy to keep, and erasure at once, with nothing kept. */
export function NotebookActions({
  code,
  notebook,
  centreName,
}: {
  code: string
  notebook: Notebook
  centreName: string
}) {
  const t = useT()
  const intl = useIntl()
  const navigate = useNavigate()
  const erase = useEraseNotebook(code)
  const erasedAfter = intl.formatDate(new Date(notebook.erasedAfter), { dateStyle: 'long' })

  const download = () => {
    const text = notebookText({
      notebook,
      code,
      centreName,
      origin: window.location.origin,
      t,
      formatDate: (iso) => intl.formatDate(new Date(iso), { dateStyle: 'long' }),
    })
    saveFile(`${t('notebook.download.fileName')}-${new Date().toISOString().slice(0, 10)}.txt`, text)
  }

  return (
    <section className="notebook-section notebook-keep" aria-labelledby="notebook-keep-title">
      <h2 id="notebook-keep-title">{t('notebook.keep.title')}</h2>
      <p>{t('notebook.keep.erasedAfter', { date: erasedAfter })}</p>
      <div className="cluster no-print">
        <Button variant="secondary" onPress={download}>
          {t('notebook.keep.download')}
        </Button>
        <Button
          variant="danger"
          isDisabled={erase.isPending}
          onPress={() => {
            if (!window.confirm(t('notebook.keep.confirmErase'))) return
            erase.mutate(undefined, {
              onSuccess: () => {
                forgetCodeEverywhere(code)
                navigate(`/c/${notebook.centre}`, { state: { notebookErased: true } })
              },
            })
          }}
        >
          {t('notebook.keep.erase')}
        </Button>
      </div>
      {erase.isError && <ErrorMessage error={erase.error} />}
    </section>
  )
}
