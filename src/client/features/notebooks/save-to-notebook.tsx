import { useState } from 'react'
import { Link } from 'react-router'
import type { NotebookItemInput } from '../../../shared/schemas/notebooks'
import { useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { Alert } from '../../ui/alert'
import { Button, ButtonLink } from '../../ui/button'
import { ErrorMessage } from '../../ui/states'
import { saveParam, useAddItemTo } from './api'
import { notebookPath, openNotebookPath } from './code'
import { forgetCode, useRememberedCode } from './memory'
import './notebook-save.css'

/**
 * "Save to my notebook" on an occupation, resource, training, event, booking or service. With a code
 * remembered on this device, one tap saves it; otherwise the notebook's door opens, and brings the
 * thing back to be saved once a notebook is started or opened with its code.
 */
export function SaveToNotebook(props: Props) {
  // A page that moves to another thing of its kind (a related occupation) starts afresh.
  return <SaveButton key={`${props.item.kind}:${props.item.ref}`} {...props} />
}

type Props = {
  centre: string
  item: Pick<NotebookItemInput, 'kind' | 'ref'>
  /** The thing's name, for a button among many (a list of services). */
  label?: string
}

function SaveButton({ centre, item, label }: Props) {
  const t = useT()
  const code = useRememberedCode(centre)
  const add = useAddItemTo()
  const [gone, setGone] = useState<string | null>(null)
  const name = label ? t('notebook.save.buttonNamed', { name: label }) : undefined

  return (
    <div className="notebook-save no-print">
      {code ? (
        add.isSuccess ? (
          <Alert tone="success">
            {t('notebook.save.saved')} <Link to={notebookPath(code)}>{t('notebook.save.open')}</Link>
          </Alert>
        ) : (
          <Button
            variant="secondary"
            aria-label={name}
            isDisabled={add.isPending}
            onPress={() =>
              add.mutate(
                { code, input: { kind: item.kind, ref: item.ref } },
                {
                  onError: (error) => {
                    // Erased meanwhile, or gone unused: this device forgets it and offers a new one.
                    if (error instanceof ApiError && error.status === 404) {
                      setGone(error.message)
                      forgetCode(centre)
                    }
                  },
                },
              )
            }
          >
            {t('notebook.save.button')}
          </Button>
        )
      ) : (
        <ButtonLink variant="secondary" aria-label={name} to={openNotebookPath(centre, saveParam(item))}>
          {t('notebook.save.button')}
        </ButtonLink>
      )}
      {gone && <Alert tone="error">{gone}</Alert>}
      {add.isError && !gone && <ErrorMessage error={add.error} />}
    </div>
  )
}
