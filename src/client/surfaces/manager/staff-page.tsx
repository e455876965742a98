import { type FormEvent, useState } from 'react'
import { Form } from 'react-aria-components'
import { useParams } from 'react-router'
import type { MessageKey } from '../../../shared/i18n/messages'
import { addStaffInputSchema, centreRoles } from '../../../shared/schemas/staff'
import { useAddStaff, useResetLink, useRevokeRole, useStaff } from '../../features/staff/api'
import { useT } from '../../i18n/i18n-provider'
import { errorsFromApi, type FieldErrors, fieldError, validate } from '../../lib/form-errors'
import { Alert } from '../../ui/alert'
import { Button } from '../../ui/button'
import { SelectField } from '../../ui/select-field'
import { EmptyState, ErrorMessage, Loading } from '../../ui/states'
import { TextField } from '../../ui/text-field'
import { ManagerPage } from './manager-layout'

type Handover = { email: string; secret: string; kind: 'password' | 'link' }

export function StaffPage() {
  const t = useT()
  const { centre: slug = '' } = useParams()
  const staff = useStaff(slug)
  const add = useAddStaff(slug)
  const resetLink = useResetLink(slug)
  const revoke = useRevokeRole(slug)
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<string>('counsellor')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)
  const [handover, setHandover] = useState<Handover | null>(null)
  const roleLabel = (r: string) => t(`role.${r}` as MessageKey)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setHandover(null)
    const checked = validate(addStaffInputSchema, { email, name, role }, t)
    setErrors(checked.errors ?? {})
    if (!checked.data) return setNotice({ tone: 'error', text: t('error.validation') })
    add.mutate(checked.data, {
      onSuccess: (result) => {
        setNotice({ tone: 'success', text: t('manager.staffAdded', { email: result.email }) })
        if (result.oneTimePassword)
          setHandover({ email: result.email, secret: result.oneTimePassword, kind: 'password' })
        setEmail('')
        setName('')
      },
      onError: (error) => {
        const failure = errorsFromApi(error, t)
        setErrors(failure.fields)
        setNotice({ tone: 'error', text: failure.message })
      },
    })
  }

  return (
    <ManagerPage title={t('manager.staff')}>
      <p className="muted">{t('manager.staffIntro')}</p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {revoke.isError && <ErrorMessage error={revoke.error} />}
      {resetLink.isError && <ErrorMessage error={resetLink.error} />}
      {handover && (
        <div className="alert" data-tone="info" role="status">
          <p>
            {handover.kind === 'password'
              ? t('manager.oneTimePassword', { email: handover.email })
              : t('manager.resetLinkFor', { email: handover.email })}
          </p>
          <p className="secret">{handover.secret}</p>
          <p className="muted">{t('manager.handoverHint')}</p>
        </div>
      )}
      {staff.isPending ? (
        <Loading />
      ) : staff.isError ? (
        <ErrorMessage error={staff.error} />
      ) : staff.data.length === 0 ? (
        <EmptyState title={t('manager.noStaffTitle')} />
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('manager.staff')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('manager.name')}</th>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('manager.roles')}</th>
              <th scope="col">{t('manager.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.data.map((member) => (
              <tr key={member.userId}>
                <td>{member.name}</td>
                <td>{member.email}</td>
                <td>
                  <ul className="plain-list">
                    {member.roles.map((r) => (
                      <li key={r} className="cluster">
                        {roleLabel(r)}
                        <Button
                          variant="quiet"
                          aria-label={t('manager.revokeRole', { role: roleLabel(r), name: member.name })}
                          onPress={() => {
                            const label = { role: roleLabel(r), name: member.name }
                            if (window.confirm(t('manager.confirmRevokeRole', label)))
                              revoke.mutate(
                                { userId: member.userId, role: r },
                                {
                                  onSuccess: () =>
                                    setNotice({ tone: 'success', text: t('manager.roleRevoked', label) }),
                                },
                              )
                          }}
                        >
                          {t('manager.remove')}
                        </Button>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <Button
                    variant="secondary"
                    aria-label={t('manager.resetLinkNamed', { name: member.name })}
                    onPress={() =>
                      resetLink.mutate(member.userId, {
                        onSuccess: ({ url }) =>
                          setHandover({ email: member.email, secret: url, kind: 'link' }),
                      })
                    }
                  >
                    {t('manager.resetLink')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form onSubmit={submit} className="card spaced">
        <h2>{t('manager.addStaff')}</h2>
        <div className="field-row">
          <TextField
            label={t('manager.name')}
            value={name}
            onChange={setName}
            error={fieldError(errors, 'name')}
            isRequired
          />
          <TextField
            label={t('auth.email')}
            type="email"
            value={email}
            onChange={setEmail}
            error={fieldError(errors, 'email')}
            isRequired
          />
          <SelectField
            label={t('manager.role')}
            value={role}
            onChange={setRole}
            error={fieldError(errors, 'role')}
            options={centreRoles.map((id) => ({ id, label: roleLabel(id) }))}
          />
        </div>
        <Button type="submit" isDisabled={add.isPending}>
          {t('manager.addStaff')}
        </Button>
      </Form>
    </ManagerPage>
  )
}
