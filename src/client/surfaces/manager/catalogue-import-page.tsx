import { type FormEvent, useId, useState } from 'react'
import { Form } from 'react-aria-components'
import { useParams } from 'react-router'
import { catalogueColumns } from '../../../shared/schemas/resources'
import { useMe } from '../../features/auth/api'
import { catalogueExportUrl, useImportCatalogue } from '../../features/resources/api'
import { useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import './catalogue.css'
import { ManagerPage } from './manager-layout'

type Problem = { line: number; column: string; message: string }

/** The server names each problem `line.column` (or `line` for the whole line): a table to work from. */
function problemsOf(fields: Record<string, string>): Problem[] {
  return Object.entries(fields)
    .map(([where, message]) => {
      const dot = where.indexOf('.')
      const line = Number(dot === -1 ? where : where.slice(0, dot))
      return { line, column: dot === -1 ? '' : where.slice(dot + 1), message }
    })
    .sort((a, b) => a.line - b.line)
}

/** CSV out to a spreadsheet and back: all rows or none, with a line-by-line report when a file is refused. */
export function CatalogueImportPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const me = useMe()
  const run = useImportCatalogue(slug)
  const fileId = useId()
  const [file, setFile] = useState<File | null>(null)
  const [missingFile, setMissingFile] = useState(false)
  const [outcome, setOutcome] = useState<
    { kind: 'done'; text: string } | { kind: 'refused'; text: string; problems: Problem[] } | null
  >(null)
  const isCoordinator = Boolean(
    me.data &&
      !me.data.isNetworkAdmin &&
      !me.data.centres.find((c) => c.slug === slug)?.roles.includes('manager'),
  )

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setOutcome(null)
    setMissingFile(!file)
    if (!file) return
    const csv = await file.text()
    run.mutate(
      { csv },
      {
        onSuccess: (result) => setOutcome({ kind: 'done', text: t('resources.imported', result) }),
        onError: (error) =>
          setOutcome({
            kind: 'refused',
            text: error instanceof ApiError ? error.message : t('error.internal'),
            problems: error instanceof ApiError ? problemsOf(error.fields) : [],
          }),
      },
    )
  }

  return (
    <ManagerPage title={t('resources.nav.import')} alsoFor={['partner_coordinator']}>
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">{t('resources.exportTitle')}</h2>
        <p>{t('resources.exportText')}</p>
        <a className="button" data-variant="secondary" href={catalogueExportUrl(slug)} download>
          {t('resources.exportLink')}
        </a>
      </section>

      <section className="card spaced" aria-labelledby="import-title">
        <h2 id="import-title">{t('resources.importTitle')}</h2>
        <p>{t('resources.importText')}</p>
        {isCoordinator && <p>{t('resources.importPartnerText')}</p>}
        <Form onSubmit={submit}>
          <div className="field">
            <label htmlFor={fileId}>{t('resources.chooseFile')}</label>
            <input
              id={fileId}
              type="file"
              accept=".csv,text/csv"
              aria-invalid={missingFile}
              aria-describedby={missingFile ? `${fileId}-error` : undefined}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
            {missingFile && (
              <span id={`${fileId}-error`} className="field__error">
                {t('validation.required')}
              </span>
            )}
          </div>
          <Button type="submit" isDisabled={run.isPending}>
            {t('resources.importButton')}
          </Button>
        </Form>
      </section>

      {outcome?.kind === 'done' && <Alert tone="success">{outcome.text}</Alert>}
      {outcome?.kind === 'refused' && (
        <>
          <Alert tone="error">{outcome.text}</Alert>
          {outcome.problems.length > 0 && (
            <table className="table">
              <caption>{t('resources.problemsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('resources.line')}</th>
                  <th scope="col">{t('resources.column')}</th>
                  <th scope="col">{t('resources.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.problems.map((problem) => (
                  <tr key={`${problem.line}.${problem.column}`}>
                    <td>{problem.line}</td>
                    <td>{problem.column && <code>{problem.column}</code>}</td>
                    <td>{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}

      <section className="spaced" aria-labelledby="columns-title">
        <h2 id="columns-title">{t('resources.columnsTitle')}</h2>
        <p>{t('resources.columnsText')}</p>
        <p>
          <code className="csv-columns">{catalogueColumns.join(',')}</code>
        </p>
      </section>
    </ManagerPage>
  )
}
