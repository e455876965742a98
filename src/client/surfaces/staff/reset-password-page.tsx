import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { Link, useSearchParams } from 'react-router'
import { useResetPassword } from '../../features/auth/api'
import { useT } from '../../i18n/i18n-provider'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { TextField } from '../../ui/text-field'

const MIN = 10

export function ResetPasswordPage() {
  const t = useT()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const reset = useResetPassword()
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({})

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const next = {
      ...(password.length < MIN ? { password: t('validation.tooSmall.string', { minimum: MIN }) } : {}),
      ...(confirm !== password ? { confirm: t('auth.passwordsDiffer') } : {}),
    }
    setErrors(next)
    if (Object.keys(next).length === 0) reset.mutate({ token, newPassword: password })
  }

  return (
    <Page title={t('auth.resetTitle')}>
      <div className="card narrow">
        {!token ? (
          <Alert tone="error">{t('auth.resetMissingToken')}</Alert>
        ) : reset.isSuccess ? (
          <Alert tone="success">
            {t('auth.resetDone')} <Link to="/staff/login">{t('auth.signIn')}</Link>
          </Alert>
        ) : (
          <>
            {reset.isError && <Alert tone="error">{t('auth.resetInvalid')}</Alert>}
            <Form onSubmit={submit}>
              <TextField
                label={t('auth.newPassword')}
                hint={t('auth.passwordHint', { minimum: MIN })}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={setPassword}
                error={errors.password}
                isRequired
              />
              <TextField
                label={t('auth.confirmPassword')}
                type="password"
                autoComplete="new-password"
                value={confirm}
                onChange={setConfirm}
                error={errors.confirm}
                isRequired
              />
              <Button type="submit" isDisabled={reset.isPending}>
                {t('auth.resetSubmit')}
              </Button>
            </Form>
          </>
        )}
      </div>
    </Page>
  )
}
