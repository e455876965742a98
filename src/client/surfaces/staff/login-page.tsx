import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { useNavigate, useSearchParams } from 'react-router'
import { useSignIn } from '../../features/auth/api'
import { useT } from '../../i18n/i18n-provider'
import { ApiError } from '../../lib/api-client'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { Page } from '../../ui/page'
import { TextField } from '../../ui/text-field'

/** Staff only: visitors never need an account for anything. */
export function LoginPage() {
  const t = useT()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const signIn = useSignIn()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({})

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const next = {
      ...(email.trim() ? {} : { email: t('validation.required') }),
      ...(password ? {} : { password: t('validation.required') }),
    }
    setErrors(next)
    if (Object.keys(next).length) return
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () =>
          navigate(params.get('next')?.startsWith('/staff') ? (params.get('next') ?? '/staff') : '/staff'),
      },
    )
  }

  const failure = signIn.error
  const failureMessage =
    failure instanceof ApiError && (failure.status === 401 || failure.status === 400)
      ? t('auth.invalidCredentials')
      : failure instanceof ApiError && failure.status === 429
        ? t('auth.tooManyAttempts')
        : failure
          ? t('error.internal')
          : null

  return (
    <Page title={t('auth.signInTitle')}>
      <div className="card narrow">
        <p className="muted">{t('auth.staffOnly')}</p>
        {failureMessage && <Alert tone="error">{failureMessage}</Alert>}
        <Form onSubmit={submit}>
          <TextField
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={errors.email}
            isRequired
          />
          <TextField
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errors.password}
            isRequired
          />
          <Button type="submit" isDisabled={signIn.isPending}>
            {t('auth.signIn')}
          </Button>
        </Form>
        <p className="muted spaced">{t('auth.forgotHint')}</p>
      </div>
    </Page>
  )
}
