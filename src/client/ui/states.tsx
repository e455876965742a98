import type { ReactNode } from 'react'
import { useT } from '../i18n/i18n-provider'
import { ApiError } from '../lib/api-client'
import { Alert } from './alert'

export function Loading() {
  const t = useT()
  return (
    <p role="status" className="muted">
      {t('ui.loading')}
    </p>
  )
}

export function ErrorMessage({ error }: { error: unknown }) {
  const t = useT()
  return <Alert tone="error">{error instanceof ApiError ? error.message : t('error.internal')}</Alert>
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="card">
      <h2>{title}</h2>
      {children}
    </div>
  )
}
